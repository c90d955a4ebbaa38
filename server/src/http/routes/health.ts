import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { AppDeps } from '../deps.js';

export async function healthRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get('/health', {
    config: { public: true },
    schema: { tags: ['Operations'], summary: 'Liveness: the server accepts requests', security: [], response: { 200: Type.Object({ status: Type.String() }) } },
    handler: async () => ({ status: 'ok' }),
  });
  app.get('/ready', {
    config: { public: true },
    schema: {
      tags: ['Operations'],
      summary: 'Readiness: the database answers',
      security: [],
      response: { 200: Type.Object({ status: Type.String() }), 503: Type.Object({ status: Type.String() }) },
    },
    handler: async (_req, reply) => {
      try {
        await sql`select 1`.execute(deps.database.db);
        return { status: 'ok' };
      } catch {
        return reply.status(503).send({ status: 'unavailable' });
      }
    },
  });
  app.get('/openapi.json', {
    config: { public: true },
    schema: { hide: true },
    handler: async () => app.swagger(),
  });
}
