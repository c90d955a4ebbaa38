import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { globalSearch } from '../../search/index.js';
import type { AppDeps } from '../deps.js';
import { errors } from '../schemas.js';

export async function searchRoutes(app: FastifyInstance, _deps: AppDeps) {
  app.get('/search', {
    schema: {
      tags: ['Records'],
      summary: 'Search across modules (prefix matching, ranked)',
      querystring: Type.Object(
        {
          q: Type.String({ minLength: 1, maxLength: 200 }),
          modules: Type.Optional(Type.String({ maxLength: 2000, description: 'comma list of module API names' })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
        },
        { additionalProperties: false },
      ),
      response: {
        200: Type.Object({
          data: Type.Array(
            Type.Object({
              module: Type.String(),
              id: Type.String(),
              name: Type.Union([Type.String(), Type.Null()]),
              snippet: Type.Optional(Type.String()),
            }),
          ),
        }),
        ...errors(),
      },
    },
    handler: async (req) => {
      const { q, modules, limit } = req.query as { q: string; modules?: string; limit?: number };
      const list = modules?.split(',').map((s) => s.trim()).filter(Boolean);
      return { data: await globalSearch(req.ctx, q, list, limit ?? 50) };
    },
  });
}
