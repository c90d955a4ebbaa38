import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** The repository's web/ folder, found from this file whether it runs from src/ or a bundle in dist/. */
function webRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'web', 'placeholder'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('Cannot find the web/ folder of Rapport');
    dir = up;
  }
  return path.join(dir, 'web');
}
const WEB = webRoot();
export const WEB_DIST = path.join(WEB, 'dist');
const PLACEHOLDER = path.join(WEB, 'placeholder');

/** Serves the built web app at `/` (or the placeholder page until it is built). */
export async function registerWebApp(app: FastifyInstance): Promise<void> {
  const root = fs.existsSync(path.join(WEB_DIST, 'index.html')) ? WEB_DIST : PLACEHOLDER;
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    wildcard: false,
    decorateReply: true,
    cacheControl: false,
    // Built assets carry a content hash in their names, so they never change; index.html names
    // the current ones and must always be asked for again.
    setHeaders: (res, filePath) => {
      const immutable = filePath.startsWith(path.join(root, 'assets') + path.sep);
      res.setHeader('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  // Client-side routes: any GET outside /api that is not a file gets the app's index.html.
  app.get('/*', { config: { public: true }, schema: { hide: true } }, (request, reply) => {
    const urlPath = request.url.split('?')[0];
    if (urlPath.startsWith('/api/')) {
      return reply.status(404).send({ error: { code: 'NOT_FOUND', message: `No route GET ${urlPath}`, details: {} } });
    }
    // A missing asset (a page loaded before an upgrade asking for a chunk that is gone) must fail
    // as a missing file, so the app can tell and reload, not receive index.html as JavaScript.
    if (urlPath.startsWith('/assets/')) {
      return reply.status(404).type('text/plain').header('cache-control', 'no-store').send('Not found');
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
