import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { MAX_TIMELINE_PAGE, readTimeline, TIMELINE_KINDS, type TimelineItem } from '../../timeline/index.js';
import type { AppDeps } from '../deps.js';
import { errors, IdParam, ModuleParam } from '../schemas.js';

const UserRef = Type.Union([Type.Object({ id: Type.String(), name: Type.Union([Type.String(), Type.Null()]) }), Type.Null()]);

const TimelineItemSchema = Type.Object(
  {
    id: Type.String({ description: 'Unique within the timeline, e.g. `history-12`, `note-<id>`' }),
    kind: Type.Union(TIMELINE_KINDS.map((k) => Type.Literal(k))),
    at: Type.String({
      format: 'date-time',
      description: 'history: when; note: created; task: completed; call: start (else created); event: start; email: sent',
    }),
    user: UserRef,
    action: Type.Optional(Type.String({ description: 'history: created, updated, deleted, restored or converted' })),
    changes: Type.Optional(
      Type.Array(Type.Object({ field: Type.String(), old: Type.Unknown(), new: Type.Unknown() }), {
        description: 'history: the field changes',
      }),
    ),
    record: Type.Optional(
      Type.Object(
        { module: Type.String(), id: Type.String(), name: Type.Union([Type.String(), Type.Null()]) },
        { description: 'note, task, call, event: the activity record' },
      ),
    ),
    values: Type.Optional(Type.Object({}, { additionalProperties: true, description: "The activity's values the timeline shows" })),
    email: Type.Optional(
      Type.Object({ to: Type.Array(Type.String()), subject: Type.String(), kind: Type.String() }, { description: 'email: what was sent' }),
    ),
  },
  { additionalProperties: false },
);

const toJson = ({ cursorId: _c, at, ...item }: TimelineItem) => ({ ...item, at: new Date(at).toISOString() });

export async function timelineRoutes(app: FastifyInstance, _deps: AppDeps) {
  app.get('/records/:module/:id/timeline', {
    schema: {
      tags: ['Records'],
      summary: "A record's timeline: history, notes, completed tasks, calls, meetings and emails sent, newest first",
      params: Type.Object({ module: ModuleParam, id: IdParam }),
      querystring: Type.Object(
        {
          kinds: Type.Optional(
            Type.String({ maxLength: 200, description: `Comma list of kinds to show (${TIMELINE_KINDS.join(', ')}); absent = all` }),
          ),
          cursor: Type.Optional(Type.String({ maxLength: 200, description: '`info.nextCursor` of the previous page' })),
          perPage: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_TIMELINE_PAGE, description: 'Default 25' })),
        },
        { additionalProperties: false },
      ),
      response: {
        200: Type.Object({
          data: Type.Array(TimelineItemSchema),
          info: Type.Object({ perPage: Type.Integer(), moreRecords: Type.Boolean(), nextCursor: Type.Optional(Type.String()) }),
        }),
        ...errors(),
      },
    },
    handler: async (req) => {
      const { module, id } = req.params as { module: string; id: string };
      const page = await readTimeline(req.ctx, module, id, req.query as { kinds?: string; cursor?: string; perPage?: number });
      return { data: page.data.map(toJson), info: page.info };
    },
  });
}
