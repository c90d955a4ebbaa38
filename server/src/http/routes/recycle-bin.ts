import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { listRecycleBin, purgeRecycleBinEntry, restoreFromRecycleBin } from '../../records/index.js';
import type { AppDeps } from '../deps.js';
import { IdParam, ModuleParam, RecordSchema, errors } from '../schemas.js';

const Entry = Type.Object({
  id: Type.String(),
  module: Type.String(),
  recordId: Type.String(),
  name: Type.Union([Type.String(), Type.Null()]),
  deletedAt: Type.String(),
  deletedBy: Type.Union([Type.Object({ id: Type.String(), name: Type.Union([Type.String(), Type.Null()]) }), Type.Null()]),
});

export async function recycleBinRoutes(app: FastifyInstance, _deps: AppDeps) {
  const tags = ['Recycle bin'];
  app.get('/recycle-bin', {
    schema: {
      tags,
      summary: 'Deleted records, newest first',
      querystring: Type.Object(
        {
          module: Type.Optional(ModuleParam),
          page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })),
          perPage: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
        },
        { additionalProperties: false },
      ),
      response: {
        200: Type.Object({ data: Type.Array(Entry), info: Type.Object({ page: Type.Integer(), perPage: Type.Integer(), moreRecords: Type.Boolean() }) }),
        ...errors(),
      },
    },
    handler: async (req) => {
      const q = req.query as { module?: string; page?: number; perPage?: number };
      const page = q.page ?? 1;
      const perPage = q.perPage ?? 50;
      const r = await listRecycleBin(req.ctx, { module: q.module, page, perPage });
      return { data: r.data, info: { page, perPage, moreRecords: r.moreRecords } };
    },
  });
  app.post('/recycle-bin/:id/restore', {
    schema: {
      tags,
      summary: 'Restore a deleted record with its id, values and relations',
      params: Type.Object({ id: IdParam }),
      response: { 200: Type.Object({ data: Type.Object({ module: Type.String(), id: Type.String(), record: RecordSchema }) }), ...errors(409) },
    },
    handler: async (req) => ({ data: await restoreFromRecycleBin(req.ctx, (req.params as { id: string }).id) }) as never,
  });
  app.delete('/recycle-bin/:id', {
    schema: { tags, summary: 'Purge a deleted record for good', params: Type.Object({ id: IdParam }), response: { 204: Type.Null(), ...errors() } },
    handler: async (req, reply) => {
      await purgeRecycleBinEntry(req.ctx, (req.params as { id: string }).id);
      return reply.status(204).send();
    },
  });
}
