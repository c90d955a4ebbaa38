import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { createApiToken, listApiTokens, revokeApiToken } from '../../auth/index.js';
import type { AppDeps } from '../deps.js';
import { errors, IdParam } from '../schemas.js';

const TokenInfo = Type.Object({
  id: Type.String(),
  name: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  lastUsedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

/** API tokens of the signed-in user; nobody sees or revokes another user's tokens. */
export async function apiTokenRoutes(app: FastifyInstance, _deps: AppDeps) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['API tokens'];

  r.post(
    '/api-tokens',
    {
      schema: {
        tags,
        summary: 'Create an API token for yourself; the token is shown only in this answer',
        body: Type.Object({ name: Type.String({ minLength: 1, maxLength: 255 }) }, { additionalProperties: false }),
        response: {
          201: Type.Object({
            id: Type.String(),
            name: Type.String(),
            token: Type.String({ description: 'Send as `Authorization: Bearer <token>`' }),
          }),
          ...errors(),
        },
      },
    },
    async (request, reply) => {
      const created = await createApiToken(request.ctx, { name: request.body.name });
      return reply.status(201).send(created);
    },
  );

  r.get(
    '/api-tokens',
    {
      schema: {
        tags,
        summary: 'Your API tokens (without their secrets)',
        response: { 200: Type.Object({ data: Type.Array(TokenInfo) }), ...errors() },
      },
    },
    async (request) => ({ data: await listApiTokens(request.ctx) }),
  );

  r.delete(
    '/api-tokens/:id',
    {
      schema: {
        tags,
        summary: 'Revoke one of your API tokens',
        params: Type.Object({ id: IdParam }),
        response: { 204: Type.Null({ description: 'Revoked' }), ...errors() },
      },
    },
    async (request, reply) => {
      await revokeApiToken(request.ctx, request.params.id);
      return reply.status(204).send(null);
    },
  );
}
