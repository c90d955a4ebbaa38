import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { updateOrganization } from '../../settings/index.js';
import type { AppDeps } from '../deps.js';
import { errors } from '../schemas.js';

const Organization = Type.Object({ name: Type.String(), timeZone: Type.String(), currency: Type.String(), locale: Type.String() });

export async function settingsRoutes(app: FastifyInstance, _deps: AppDeps) {
  const tags = ['Settings'];
  app.get('/settings/organization', {
    schema: { tags, summary: 'Organisation settings', response: { 200: Type.Object({ data: Organization }), ...errors() } },
    handler: async (req) => ({ data: req.ctx.meta.org }),
  });
  app.patch('/settings/organization', {
    schema: {
      tags,
      summary: 'Change organisation settings (administrators)',
      body: Type.Object(
        {
          name: Type.Optional(Type.String({ maxLength: 300 })),
          timeZone: Type.Optional(Type.String({ maxLength: 100 })),
          currency: Type.Optional(Type.String({ maxLength: 10 })),
          locale: Type.Optional(Type.String({ maxLength: 20 })),
        },
        { additionalProperties: false },
      ),
      response: { 200: Type.Object({ data: Organization }), ...errors() },
    },
    handler: async (req) => ({ data: await updateOrganization(req.ctx, req.body as Record<string, unknown>) }),
  });
}
