import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { calendarItems, createFeed, feedCalendar, feedInfo, MAX_RANGE_DAYS, revokeFeed } from '../../calendar/index.js';
import { invalidData, notFound } from '../../errors.js';
import type { AppDeps } from '../deps.js';
import { errors } from '../schemas.js';

const Owner = Type.Union([Type.Object({ id: Type.String(), name: Type.Union([Type.String(), Type.Null()]) }), Type.Null()]);

const CalendarItem = Type.Object({
  kind: Type.Union([Type.Literal('event'), Type.Literal('task')]),
  id: Type.String(),
  title: Type.String(),
  startAt: Type.String({ format: 'date-time', description: "A meeting's start, a task's due time" }),
  endAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], { description: 'null for tasks' }),
  allDay: Type.Boolean(),
  location: Type.Union([Type.String(), Type.Null()]),
  owner: Owner,
  status: Type.Union([Type.String(), Type.Null()], { description: "A task's status" }),
  completed: Type.Boolean(),
  version: Type.Integer(),
  participants: Type.Optional(Type.Array(Type.Object({}, { additionalProperties: true }))),
});

const FeedInfo = Type.Object({ createdAt: Type.String({ format: 'date-time' }) });
const IsoDateTime = Type.String({ format: 'date-time', maxLength: 40 });
const USER_IDS = /^[A-Za-z0-9_-]{1,64}(,[A-Za-z0-9_-]{1,64}){0,49}$/;

/** The calendar page's items and each user's private iCalendar feed (docs/api.md "Calendar"). */
export async function calendarRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['Calendar'];

  r.get(
    '/calendar/items',
    {
      schema: {
        tags,
        summary: 'Meetings and timed tasks of users between two instants',
        description: `Meetings the users own or take part in that overlap [from, to), and tasks they own due in it; at most ${MAX_RANGE_DAYS} days; only records the caller may see.`,
        querystring: Type.Object(
          {
            from: IsoDateTime,
            to: IsoDateTime,
            users: Type.Optional(Type.String({ maxLength: 3300, description: 'Comma-separated user ids; default: you' })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ data: Type.Array(CalendarItem) }), ...errors() },
      },
    },
    async (req) => {
      const { from, to, users } = req.query;
      const fromDate = new Date(from);
      const toDate = new Date(to);
      if (Number.isNaN(fromDate.getTime())) throw invalidData('from', '`from` is not a date-time');
      if (Number.isNaN(toDate.getTime())) throw invalidData('to', '`to` is not a date-time');
      if (users !== undefined && users !== '' && !USER_IDS.test(users))
        throw invalidData('users', '`users` must be up to 50 comma-separated user ids');
      const userIds = users ? users.split(',') : [];
      return { data: await calendarItems(req.ctx, { from: fromDate, to: toDate, userIds }) };
    },
  );

  r.get(
    '/calendar/feed',
    {
      schema: {
        tags,
        summary: 'Whether you have a private iCalendar feed (its URL is shown only when made)',
        response: { 200: Type.Object({ data: Type.Union([FeedInfo, Type.Null()]) }), ...errors() },
      },
    },
    async (req) => ({ data: await feedInfo(req.ctx) }),
  );

  r.post(
    '/calendar/feed',
    {
      schema: {
        tags,
        summary: 'Make (or rotate) your private iCalendar feed URL; an earlier URL stops working',
        response: {
          201: Type.Object({
            data: Type.Object({ createdAt: Type.String({ format: 'date-time' }), token: Type.String(), url: Type.String() }),
          }),
          ...errors(),
        },
      },
    },
    async (req, reply) => reply.status(201).send({ data: await createFeed(req.ctx, deps.config.baseUrl) }),
  );

  r.delete(
    '/calendar/feed',
    {
      schema: { tags, summary: 'Revoke your iCalendar feed URL', response: { 204: Type.Null({ description: 'Revoked' }), ...errors() } },
    },
    async (req, reply) => {
      await revokeFeed(req.ctx);
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/calendar/feed/:file',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'A private iCalendar feed (subscribe from Google, Apple or Outlook calendars)',
        description: 'No login: the token in the URL is the credential. Unknown or revoked tokens → 404.',
        security: [],
        params: Type.Object({ file: Type.String({ maxLength: 100, description: '<token>.ics' }) }),
        produces: ['text/calendar'],
        response: { 200: { type: 'string', description: 'text/calendar (RFC 5545)' }, ...errors() },
      },
    },
    async (req, reply) => {
      const m = /^([A-Za-z0-9_-]{20,64})\.ics$/.exec(req.params.file);
      if (!m) throw notFound('The calendar feed');
      const text = await feedCalendar(deps, m[1]);
      return reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .header('content-disposition', 'inline; filename="rapport.ics"')
        .send(text);
    },
  );
}
