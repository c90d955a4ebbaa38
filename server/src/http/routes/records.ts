import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { invalidFilter, invalidRequest } from '../../errors.js';
import { Readable } from 'node:stream';
import {
  countRecords,
  exportCsv,
  createRecords,
  deleteRecord,
  deleteRecords,
  getRecord,
  listRecords,
  listRelated,
  recordHistory,
  updateRecord,
  updateRecords,
} from '../../records/index.js';
import { assignmentRuleOwners } from '../../automation/index.js';
import { applyView } from '../../views/index.js';
import type { AppDeps } from '../deps.js';
import { IdParam, ModuleParam, PageInfo, RecordInput, RecordSchema, WriteResultSchema, errors } from '../schemas.js';

const ListQuerystring = Type.Object(
  {
    fields: Type.Optional(Type.String({ maxLength: 4000 })),
    sort: Type.Optional(Type.String({ maxLength: 300 })),
    perPage: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
    page: Type.Optional(Type.Integer({ minimum: 1 })),
    cursor: Type.Optional(Type.String({ maxLength: 4096 })),
    q: Type.Optional(Type.String({ maxLength: 200 })),
    filter: Type.Optional(Type.String({ maxLength: 20000, description: 'URL-encoded JSON filter (API.md "Filters")' })),
    view: Type.Optional(Type.String({ maxLength: 64, description: 'A saved view id: its filter is ANDed, its sort/fields/perPage apply unless given' })),
  },
  { additionalProperties: false },
);
const QueryBody = Type.Object(
  {
    fields: Type.Optional(Type.String({ maxLength: 4000 })),
    sort: Type.Optional(Type.String({ maxLength: 300 })),
    perPage: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
    page: Type.Optional(Type.Integer({ minimum: 1 })),
    cursor: Type.Optional(Type.String({ maxLength: 4096 })),
    q: Type.Optional(Type.String({ maxLength: 200 })),
    filter: Type.Optional(Type.Union([Type.Object({}, { additionalProperties: true }), Type.Null()])),
    view: Type.Optional(Type.String({ maxLength: 64 })),
  },
  { additionalProperties: false },
);
const ListResponse = Type.Object({ data: Type.Array(RecordSchema), info: PageInfo });
const Params = Type.Object({ module: ModuleParam });
/** 400 is either a request-level error or, when every record failed, the per-record results. */
const BatchFailed = Type.Union([Type.Ref('ErrorResponse'), Type.Object({ data: Type.Array(WriteResultSchema) })]);
const RecordParams = Type.Object({ module: ModuleParam, id: IdParam });

function parseFilterParam(raw: string | undefined): unknown {
  if (raw === undefined || raw === '') return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    throw invalidFilter('filter is not valid JSON');
  }
}

function parseIfMatch(raw: string | string[] | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const v = (Array.isArray(raw) ? raw[0] : raw).replace(/^W\//, '').replace(/"/g, '').trim();
  if (!/^\d{1,9}$/.test(v)) throw invalidRequest('If-Match must be the record version (an integer)', { field: 'If-Match' });
  return Number(v);
}

/** 201 when all succeed, 207 when some fail, 400 when all fail (API.md "Records"). */
const batchStatus = (results: { status: string }[]) =>
  results.every((r) => r.status === 'success') ? 201 : results.some((r) => r.status === 'success') ? 207 : 400;

export async function recordRoutes(app: FastifyInstance, _deps: AppDeps) {
  const tags = ['Records'];

  app.get('/records/:module', {
    schema: { tags, summary: 'List records', params: Params, querystring: ListQuerystring, response: { 200: ListResponse, ...errors() } },
    handler: async (req) => {
      const { module } = req.params as { module: string };
      const { view, ...q } = req.query as Record<string, unknown>;
      const query = await applyView(req.ctx, module, view as string | undefined, { ...q, filter: parseFilterParam(q.filter as string | undefined) });
      return listRecords(req.ctx, module, query);
    },
  });

  app.post('/records/:module/query', {
    schema: { tags, summary: 'List records (query in the body)', params: Params, body: QueryBody, response: { 200: ListResponse, ...errors() } },
    handler: async (req) => {
      const { module } = req.params as { module: string };
      const { view, ...q } = req.body as Record<string, unknown>;
      return listRecords(req.ctx, module, await applyView(req.ctx, module, view as string | undefined, q));
    },
  });

  app.get('/records/:module/count', {
    schema: {
      tags,
      summary: 'Count records matching a filter',
      params: Params,
      querystring: Type.Object(
        { filter: Type.Optional(Type.String({ maxLength: 20000 })), q: Type.Optional(Type.String({ maxLength: 200 })) },
        { additionalProperties: false },
      ),
      response: { 200: Type.Object({ count: Type.Integer() }), ...errors() },
    },
    handler: async (req) => {
      const { module } = req.params as { module: string };
      const q = req.query as { filter?: string; q?: string };
      return { count: await countRecords(req.ctx, module, { filter: parseFilterParam(q.filter), q: q.q }) };
    },
  });

  app.get('/records/:module/export', {
    schema: {
      tags,
      summary: 'Export a list (its filter, view, search, sort and columns) as CSV',
      description: 'Values that start with = + - @ are prefixed with an apostrophe so spreadsheets do not run them as formulas.',
      params: Params,
      querystring: Type.Omit(ListQuerystring, ['perPage', 'page', 'cursor']),
      produces: ['text/csv'],
      response: { 200: { type: 'string', description: 'CSV (UTF-8 with BOM)' }, ...errors() },
    },
    handler: async (req, reply) => {
      const { module } = req.params as { module: string };
      const { view, ...q } = req.query as Record<string, unknown>;
      const query = await applyView(req.ctx, module, view as string | undefined, { ...q, filter: parseFilterParam(q.filter as string | undefined) });
      const rows = exportCsv(req.ctx, module, query);
      // Pull the first chunk before answering so a bad filter or column is a clean 400.
      const first = await rows.next();
      const stream = Readable.from(
        (async function* () {
          if (!first.done) yield first.value;
          yield* rows;
        })(),
      );
      const stamp = req.ctx.clock.now().toISOString().slice(0, 10);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${module}-${stamp}.csv"`)
        .send(stream);
    },
  });

  app.get('/records/:module/:id', {
    schema: { tags, summary: 'Get a record', params: RecordParams, response: { 200: Type.Object({ data: RecordSchema }), ...errors() } },
    handler: async (req) => {
      const { module, id } = req.params as { module: string; id: string };
      return { data: await getRecord(req.ctx, module, id) };
    },
  });

  app.post('/records/:module', {
    schema: {
      tags,
      summary: 'Create 1–100 records',
      params: Params,
      body: Type.Object(
        {
          data: Type.Array(Type.Unknown(), { description: '1–100 records' }),
          options: Type.Optional(
            Type.Object({ assignmentRule: Type.Optional(Type.String({ maxLength: 64 })) }, { additionalProperties: false }),
          ),
        },
        { additionalProperties: false },
      ),
      response: {
        ...errors(),
        201: Type.Object({ data: Type.Array(WriteResultSchema) }),
        207: Type.Object({ data: Type.Array(WriteResultSchema) }),
        400: BatchFailed,
      },
    },
    handler: async (req, reply) => {
      const { module } = req.params as { module: string };
      const { data, options } = req.body as { data: unknown[]; options?: { assignmentRule?: string } };
      const assignOwners = options?.assignmentRule ? assignmentRuleOwners(req.ctx, module, options.assignmentRule) : undefined;
      const results = await createRecords(req.ctx, module, data, { assignOwners });
      return reply.status(batchStatus(results)).send({ data: results });
    },
  });

  app.patch('/records/:module/:id', {
    schema: {
      tags,
      summary: 'Update a record',
      description: 'With `If-Match: <version>`, a stale version answers 409 VERSION_CONFLICT and nothing is written.',
      params: RecordParams,
      headers: Type.Object({ 'if-match': Type.Optional(Type.String({ maxLength: 40 })) }),
      body: Type.Object({ data: RecordInput }, { additionalProperties: false }),
      response: { 200: Type.Object({ data: RecordSchema }), ...errors(409) },
    },
    handler: async (req) => {
      const { module, id } = req.params as { module: string; id: string };
      const { data } = req.body as { data: Record<string, unknown> };
      return { data: await updateRecord(req.ctx, module, id, data, { ifMatch: parseIfMatch(req.headers['if-match']) }) };
    },
  });

  app.patch('/records/:module', {
    schema: {
      tags,
      summary: 'Update 1–100 records (each with its id)',
      params: Params,
      body: Type.Object({ data: Type.Array(Type.Unknown()) }, { additionalProperties: false }),
      response: {
        ...errors(),
        200: Type.Object({ data: Type.Array(WriteResultSchema) }),
        207: Type.Object({ data: Type.Array(WriteResultSchema) }),
        400: BatchFailed,
      },
    },
    handler: async (req, reply) => {
      const { module } = req.params as { module: string };
      const results = await updateRecords(req.ctx, module, (req.body as { data: unknown[] }).data);
      const status = batchStatus(results);
      return reply.status(status === 201 ? 200 : status).send({ data: results });
    },
  });

  app.delete('/records/:module/:id', {
    schema: {
      tags,
      summary: 'Delete a record (to the recycle bin)',
      params: RecordParams,
      response: { 200: Type.Object({ data: Type.Object({ id: Type.String(), deleted: Type.Boolean() }) }), ...errors() },
    },
    handler: async (req) => {
      const { module, id } = req.params as { module: string; id: string };
      return { data: await deleteRecord(req.ctx, module, id) };
    },
  });

  app.delete('/records/:module', {
    schema: {
      tags,
      summary: 'Delete up to 100 records',
      params: Params,
      querystring: Type.Object({ ids: Type.String({ minLength: 1, maxLength: 7000 }) }, { additionalProperties: false }),
      response: {
        200: Type.Object({ data: Type.Array(Type.Object({}, { additionalProperties: true })) }),
        207: Type.Object({ data: Type.Array(Type.Object({}, { additionalProperties: true })) }),
        ...errors(),
        400: Type.Union([Type.Ref('ErrorResponse'), Type.Object({ data: Type.Array(Type.Object({}, { additionalProperties: true })) })]),
      },
    },
    handler: async (req, reply) => {
      const { module } = req.params as { module: string };
      const ids = (req.query as { ids: string }).ids.split(',').map((s) => s.trim()).filter(Boolean);
      const results = await deleteRecords(req.ctx, module, ids);
      const status = batchStatus(results);
      return reply.status(status === 201 ? 200 : status).send({ data: results });
    },
  });

  app.get('/records/:module/:id/related/:relatedModule', {
    schema: {
      tags,
      summary: 'Records of another module linked to this one',
      params: Type.Object({ module: ModuleParam, id: IdParam, relatedModule: ModuleParam }),
      querystring: ListQuerystring,
      response: { 200: ListResponse, ...errors() },
    },
    handler: async (req) => {
      const { module, id, relatedModule } = req.params as { module: string; id: string; relatedModule: string };
      const q = req.query as Record<string, unknown>;
      return listRelated(req.ctx, module, id, relatedModule, { ...q, filter: parseFilterParam(q.filter as string | undefined) });
    },
  });

  app.get('/records/:module/:id/history', {
    schema: {
      tags,
      summary: 'Field-level history of a record, newest first',
      params: RecordParams,
      response: {
        200: Type.Object({
          data: Type.Array(
            Type.Object({
              at: Type.String(),
              user: Type.Union([Type.Object({ id: Type.String(), name: Type.Union([Type.String(), Type.Null()]) }), Type.Null()]),
              action: Type.String(),
              changes: Type.Array(Type.Object({ field: Type.String(), old: Type.Unknown(), new: Type.Unknown() })),
            }),
          ),
        }),
        ...errors(),
      },
    },
    handler: async (req) => {
      const { module, id } = req.params as { module: string; id: string };
      return { data: await recordHistory(req.ctx, module, id) };
    },
  });
}
