import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { homeFeed, homeSummary, MAX_FEED_PAGE } from '../../home/index.js';
import type { AppDeps } from '../deps.js';
import { errors, RecordSchema } from '../schemas.js';

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const Totals = Type.Object({ count: Type.Integer(), amount: Type.Number() });
const Ref = Type.Object({ module: Type.String(), id: Type.String(), name: Nullable(Type.String()) });

const HomeSummarySchema = Type.Object({
  today: Type.String({ description: "Today's date (YYYY-MM-DD) in the organisation's time zone" }),
  timeZone: Type.String(),
  pipeline: Type.Union([
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      stages: Type.Array(
        Type.Object({ stageId: Type.String(), name: Type.String(), kind: Type.String(), count: Type.Integer(), amount: Type.Number() }),
      ),
      open: Totals,
    }),
    Type.Null(),
  ]),
  closed: Type.Object({ from: Type.String(), to: Type.String(), won: Totals, lost: Totals, unqualified: Totals }),
  tasks: Type.Object({
    open: Type.Integer(),
    overdue: Type.Integer(),
    items: Type.Array(RecordSchema, { description: 'Tasks with `overdue` (due before now, not completed)' }),
  }),
  meetings: Type.Object({ items: Type.Array(RecordSchema, { description: 'Meetings with `today` (they start before tomorrow)' }) }),
});

const FeedItemSchema = Type.Object({
  id: Type.String(),
  type: Type.Union(['created', 'note', 'taskCompleted', 'stageChanged', 'statusChanged'].map((t) => Type.Literal(t))),
  at: Type.String({ format: 'date-time' }),
  user: Type.Union([Type.Object({ id: Type.String(), name: Nullable(Type.String()) }), Type.Null()]),
  record: Ref,
  change: Type.Optional(Type.Object({ field: Type.String(), old: Type.Unknown(), new: Type.Unknown() })),
  relatedTo: Type.Optional(Type.Union([Ref, Type.Null()])),
  content: Type.Optional(Nullable(Type.String())),
});

export async function homeRoutes(app: FastifyInstance, _deps: AppDeps) {
  const tags = ['Home'];
  app.get('/home', {
    schema: {
      tags,
      summary: "The home dashboard: a pipeline's summary, deals closed in the last 30 days, my open tasks and meetings",
      querystring: Type.Object(
        { pipeline: Type.Optional(Type.String({ maxLength: 100, description: 'Pipeline id or name; default: the default pipeline' })) },
        { additionalProperties: false },
      ),
      response: { 200: Type.Object({ data: HomeSummarySchema }), ...errors() },
    },
    handler: async (req) => ({ data: await homeSummary(req.ctx, req.query as { pipeline?: string }) }),
  });

  app.get('/home/feed', {
    schema: {
      tags,
      summary: 'The activity feed: new records, notes, completed tasks, status and stage changes, newest first',
      querystring: Type.Object(
        {
          scope: Type.Optional(
            Type.Union([Type.Literal('all'), Type.Literal('mine')], { description: 'mine: only what I did; default all' }),
          ),
          cursor: Type.Optional(Type.String({ maxLength: 200 })),
          perPage: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_FEED_PAGE, description: 'Default 20' })),
        },
        { additionalProperties: false },
      ),
      response: {
        200: Type.Object({
          data: Type.Array(FeedItemSchema),
          info: Type.Object({ perPage: Type.Integer(), moreRecords: Type.Boolean(), nextCursor: Type.Optional(Type.String()) }),
        }),
        ...errors(),
      },
    },
    handler: async (req) => homeFeed(req.ctx, req.query as { scope?: 'all' | 'mine'; cursor?: string; perPage?: number }),
  });
}
