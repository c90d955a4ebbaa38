import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { login } from '../../auth/index.js';
import { isSetupNeeded, runFirstSetup } from '../../setup/index.js';
import type { AppDeps } from '../deps.js';
import { errors } from '../schemas.js';
import { setSessionCookie } from './auth.js';

/** First-run setup for the web app: open only while the database has no user. */
export async function setupRoutes(app: FastifyInstance, deps: AppDeps) {
  const tags = ['Setup'];
  app.get('/setup', {
    config: { public: true },
    schema: { tags, summary: 'Whether this install still needs its first-run setup', security: [], response: { 200: Type.Object({ needed: Type.Boolean() }) } },
    handler: async () => ({ needed: await isSetupNeeded(deps.database.db) }),
  });
  app.post('/setup', {
    config: { public: true },
    schema: {
      tags,
      summary: 'First-run setup: the organisation and its first administrator (then signed in)',
      security: [],
      body: Type.Object(
        {
          organization: Type.Object(
            {
              name: Type.String({ maxLength: 300 }),
              timeZone: Type.Optional(Type.String({ maxLength: 100 })),
              currency: Type.Optional(Type.String({ maxLength: 10 })),
              locale: Type.Optional(Type.String({ maxLength: 20 })),
            },
            { additionalProperties: false },
          ),
          admin: Type.Object(
            { name: Type.String({ maxLength: 300 }), email: Type.String({ maxLength: 320 }), password: Type.String({ maxLength: 1000 }) },
            { additionalProperties: false },
          ),
        },
        { additionalProperties: false },
      ),
      response: {
        201: Type.Object({ user: Type.Object({ id: Type.String(), email: Type.String(), name: Type.String(), role: Type.Union([Type.String(), Type.Null()]), profile: Type.String() }) }),
        ...errors(409),
      },
    },
    handler: async (req, reply) => {
      const body = req.body as { organization: Record<string, unknown>; admin: { email: string; password: string; name: string } };
      await runFirstSetup(deps.database.db, deps.database.dialect, deps.clock, body);
      const result = await login(deps.database.db, deps.clock, {
        email: body.admin.email,
        password: body.admin.password,
        ip: req.ip,
        userAgent: req.headers['user-agent'],
      });
      setSessionCookie(req, reply, result.sessionToken, result.expiresAt);
      const u = result.user;
      return reply.status(201).send({ user: { id: u.id, email: u.email, name: u.name, role: u.role, profile: u.profile } });
    },
  });
}
