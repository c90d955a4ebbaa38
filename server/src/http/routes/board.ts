import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { invalidFilter } from '../../errors.js';
import { board, boardColumn } from '../../sales/index.js';
import { applyView } from '../../views/index.js';
import type { AppDeps } from '../deps.js';
import { errors, ModuleParam, PageInfo, RecordSchema } from '../schemas.js';

const BoardQuery = {
  field: Type.Optional(Type.String({ maxLength: 64, description: 'A picklist field (deals: default stage)' })),
  pipeline: Type.Optional(Type.String({ maxLength: 200, description: 'Deals: a pipeline name or id (default: the default pipeline)' })),
  filter: Type.Optional(Type.String({ maxLength: 20000, description: 'URL-encoded JSON filter (API.md "Filters")' })),
  view: Type.Optional(
    Type.String({ maxLength: 64, description: 'A saved view id: its filter is ANDed, its sort and fields apply unless given' }),
  ),
  q: Type.Optional(Type.String({ maxLength: 200 })),
  sort: Type.Optional(Type.String({ maxLength: 300, description: 'Order of the cards in each column (default -createdAt)' })),
  fields: Type.Optional(Type.String({ maxLength: 4000, description: 'The fields each card carries' })),
  perColumn: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, description: 'Cards per column (default 20)' })),
};
const Column = Type.Object({
  value: Type.Union([Type.String(), Type.Null()], { description: 'null is the column of records without a value' }),
  label: Type.String(),
  count: Type.Integer(),
  sum: Type.Union([Type.Number(), Type.Null()], { description: 'Sum of sumField (exact for currency)' }),
  weightedSum: Type.Optional(Type.Union([Type.Number(), Type.Null()], { description: 'Deals: sum of expectedRevenue' })),
  stageId: Type.Optional(Type.String()),
  kind: Type.Optional(Type.String()),
  probability: Type.Optional(Type.Number()),
  records: Type.Array(RecordSchema),
  nextCursor: Type.Optional(Type.String({ description: 'More cards: GET .../board/column with this cursor' })),
});
const BoardResponse = Type.Object({
  data: Type.Object({
    field: Type.String(),
    pipeline: Type.Optional(Type.String()),
    sumField: Type.Union([Type.String(), Type.Null()]),
    columns: Type.Array(Column),
  }),
});
const Params = Type.Object({ module: ModuleParam });

function parseFilter(raw: string | undefined): unknown {
  if (raw === undefined || raw === '') return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    throw invalidFilter('filter is not valid JSON');
  }
}

/** The board's query with its saved view applied (filter ANDed; sort and fields unless given). */
async function withView(req: { ctx: Parameters<typeof applyView>[0]; query: unknown }, module: string) {
  const { view, filter, ...rest } = req.query as Record<string, string | number | undefined>;
  const q = await applyView(req.ctx, module, view as string | undefined, {
    filter: parseFilter(filter as string | undefined),
    sort: rest.sort as string | undefined,
    fields: rest.fields as string | undefined,
  });
  return { ...rest, filter: q.filter, sort: q.sort, fields: q.fields };
}

/** Kanban boards of any module by a picklist field; deals by the stages of a pipeline (SPEC [DEAL-3]). */
export async function boardRoutes(app: FastifyInstance, _deps: AppDeps) {
  const tags = ['Records'];

  app.get('/records/:module/board', {
    schema: {
      tags,
      summary: 'Kanban board: records in columns by a picklist field, with counts and sums',
      description:
        'Deals by default go by stage of one pipeline (columns in stage order); other picklists give their options in order ' +
        'plus an empty column. Sums are over `sumField` (default: deals amount, else the first currency field). ' +
        'Moving a card is a PATCH of the field.',
      params: Params,
      querystring: Type.Object(
        { ...BoardQuery, sumField: Type.Optional(Type.String({ maxLength: 64, description: 'A currency or number field to sum' })) },
        { additionalProperties: false },
      ),
      response: { 200: BoardResponse, ...errors() },
    },
    handler: async (req) => {
      const { module } = req.params as { module: string };
      return { data: await board(req.ctx, module, await withView(req, module)) };
    },
  });

  app.get('/records/:module/board/column', {
    schema: {
      tags,
      summary: "Further cards of one board column (by the column's nextCursor)",
      params: Params,
      querystring: Type.Object(
        {
          ...BoardQuery,
          value: Type.Optional(Type.String({ maxLength: 300, description: 'The column; absent or empty is the column without a value' })),
          cursor: Type.Optional(Type.String({ maxLength: 4096 })),
        },
        { additionalProperties: false },
      ),
      response: { 200: Type.Object({ data: Type.Array(RecordSchema), info: PageInfo }), ...errors() },
    },
    handler: async (req) => {
      const { module } = req.params as { module: string };
      return boardColumn(req.ctx, module, await withView(req, module));
    },
  });
}
