#!/usr/bin/env node
// The `rapport` command. The server is TypeScript; on first use (and whenever a source file is
// newer than the bundle) it is bundled with esbuild into server/dist (~0.2 s), then run by plain
// Node — no separate build command, and no on-the-fly transpiler in the running process.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const srcDir = path.join(serverDir, 'src');
const bundle = path.join(serverDir, 'dist', 'rapport.mjs');

function newestSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

const stale = !fs.existsSync(bundle) || fs.statSync(bundle).mtimeMs < newestSource(srcDir);
if (stale) {
  const { build } = await import('esbuild');
  await build({
    entryPoints: [path.join(srcDir, 'cli.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    outfile: bundle,
    logLevel: 'error',
  });
}
// `serve` (also `npm start`) serves web/dist: build it first when missing or stale, as postinstall does.
const command = process.argv[2] ?? 'serve';
if (command === 'serve' && process.env.RAPPORT_SKIP_WEB_BUILD !== '1') {
  const { buildWebIfStale } = await import('../../scripts/build-web.mjs');
  try {
    buildWebIfStale();
  } catch (err) {
    console.error(`rapport: ${err instanceof Error ? err.message : err}`);
    process.exit(1);
  }
}
process.setSourceMapsEnabled?.(true);
await import(pathToFileURL(bundle).href);
