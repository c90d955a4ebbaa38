import { type TSchema, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { toJson } from '../../notifications/inbox.js';
import {
  CHANNELS,
  createSubscription,
  deleteSubscription,
  LiveNotifications,
  listNotifications,
  listSubscriptions,
  markAllRead,
  markRead,
  NOTIFICATION_KINDS,
  notificationSettings,
  SUBSCRIBABLE_MODULES,
  TRIGGERS,
  unreadCount,
  updateNotificationSettings,
  updateSubscription,
} from '../../notifications/index.js';
import type { AppDeps } from '../deps.js';
import { errors, IdParam } from '../schemas.js';

const NotificationSchema = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  title: Type.String(),
  body: Type.Optional(Type.String()),
  record: Type.Optional(Type.Object({ module: Type.String(), id: Type.String(), name: Type.Union([Type.String(), Type.Null()]) })),
  createdAt: Type.String(),
  read: Type.Boolean(),
});
const Channel = Type.Union(CHANNELS.map((c) => Type.Literal(c)));
const SettingsSchema = Type.Object(Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, Channel])));
const SettingsInput = Type.Object(Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, Type.Optional(Channel)])), {
  additionalProperties: false,
});

const SubscriptionSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  module: Type.String(),
  trigger: Type.String(),
  fields: Type.Array(Type.String()),
  criteria: Type.Union([Type.Null(), Type.Object({}, { additionalProperties: true })]),
  active: Type.Boolean(),
  createdAt: Type.String(),
});
const subscriptionBody = (required: boolean) => {
  const opt = <T extends TSchema>(t: T) => (required ? t : Type.Optional(t));
  return Type.Object(
    {
      name: opt(Type.String({ minLength: 1, maxLength: 100 })),
      module: opt(Type.Union(SUBSCRIBABLE_MODULES.map((m) => Type.Literal(m)))),
      trigger: opt(Type.Union(TRIGGERS.map((t) => Type.Literal(t)))),
      fields: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 50 })),
      criteria: Type.Optional(
        Type.Union([Type.Null(), Type.Object({}, { additionalProperties: true })], {
          description: 'A filter (API.md "Filters"); null matches all',
        }),
      ),
      active: Type.Optional(Type.Boolean()),
    },
    { additionalProperties: false },
  );
};

const HEARTBEAT_MS = 20_000;

/** API.md "Notifications": the current user's inbox, their settings, and the live stream. */
export async function notificationRoutes(app: FastifyInstance, deps: AppDeps) {
  const tags = ['Notifications'];
  const live = new LiveNotifications(deps.database.db);
  const streams = new Set<() => void>();
  // Open streams never go idle: end them, or closing the server would wait for them forever.
  app.addHook('preClose', async () => {
    for (const end of streams) end();
    live.stop();
  });

  app.get('/notifications', {
    schema: {
      tags,
      summary: "The current user's notifications, newest first (at most 200)",
      querystring: Type.Object({ unread: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
      response: { 200: Type.Object({ data: Type.Array(NotificationSchema), unreadCount: Type.Integer() }), ...errors() },
    },
    handler: async (req) => {
      const { unread } = req.query as { unread?: boolean };
      return { data: await listNotifications(req.ctx, { unread }), unreadCount: await unreadCount(req.ctx) };
    },
  });
  app.post('/notifications/:id/read', {
    schema: {
      tags,
      summary: 'Mark one of my notifications read',
      params: Type.Object({ id: IdParam }),
      response: { 200: Type.Object({ data: NotificationSchema }), ...errors() },
    },
    handler: async (req) => ({ data: await markRead(req.ctx, (req.params as { id: string }).id) }),
  });
  app.post('/notifications/read-all', {
    schema: {
      tags,
      summary: 'Mark all my notifications read',
      response: { 200: Type.Object({ updated: Type.Integer() }), ...errors() },
    },
    handler: async (req) => markAllRead(req.ctx),
  });
  app.get('/notifications/settings', {
    schema: {
      tags,
      summary: 'How I get each kind of notification: inApp, email (in the app and by email) or off',
      response: { 200: Type.Object({ data: SettingsSchema }), ...errors() },
    },
    handler: async (req) => ({ data: await notificationSettings(req.ctx.db, req.ctx.user.id) }),
  });
  app.patch('/notifications/settings', {
    schema: {
      tags,
      summary: 'Change how I get some kinds of notification',
      body: SettingsInput,
      response: { 200: Type.Object({ data: SettingsSchema }), ...errors() },
    },
    handler: async (req) => ({
      data: await updateNotificationSettings(req.ctx.db, req.ctx.user.id, req.body as Record<string, unknown>),
    }),
  });
  app.get('/notifications/subscriptions', {
    schema: {
      tags,
      summary: 'My custom notifications: a filter and a trigger on leads, contacts or deals',
      response: { 200: Type.Object({ data: Type.Array(SubscriptionSchema) }), ...errors() },
    },
    handler: async (req) => ({ data: await listSubscriptions(req.ctx) }),
  });
  app.post('/notifications/subscriptions', {
    schema: {
      tags,
      summary: 'Add a custom notification for myself',
      body: subscriptionBody(true),
      response: { 201: Type.Object({ data: SubscriptionSchema }), ...errors() },
    },
    handler: async (req, reply) => {
      reply.code(201);
      return { data: await createSubscription(req.ctx, req.body as Record<string, unknown>) };
    },
  });
  app.patch('/notifications/subscriptions/:id', {
    schema: {
      tags,
      summary: 'Change one of my custom notifications',
      params: Type.Object({ id: IdParam }),
      body: subscriptionBody(false),
      response: { 200: Type.Object({ data: SubscriptionSchema }), ...errors() },
    },
    handler: async (req) => ({
      data: await updateSubscription(req.ctx, (req.params as { id: string }).id, req.body as Record<string, unknown>),
    }),
  });
  app.delete('/notifications/subscriptions/:id', {
    schema: {
      tags,
      summary: 'Remove one of my custom notifications',
      params: Type.Object({ id: IdParam }),
      response: { 200: Type.Object({ id: Type.String(), deleted: Type.Boolean() }), ...errors() },
    },
    handler: async (req) => {
      const { id } = req.params as { id: string };
      await deleteSubscription(req.ctx, id);
      return { id, deleted: true };
    },
  });
  // Server-sent events: `event: notification` with the notification as data, as it is created (by
  // any process). Left out of the OpenAPI document: a stream never ends, which no generic client
  // (nor the fuzzer) expects; docs/api.md describes it.
  app.get('/notifications/stream', {
    schema: { hide: true, querystring: Type.Object({}, { additionalProperties: false }) },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      res.write(': connected\n\n');
      let queue = Promise.resolve();
      const unsubscribe = live.subscribe(ctx.user.id, (n) => {
        queue = queue
          .then(async () => {
            const row = await deps.database.db.selectFrom('notifications').selectAll().where('id', '=', n.id).executeTakeFirst();
            if (!row || res.writableEnded) return;
            const [json] = await toJson(deps.database.db, await deps.metaCache.get(deps.database.db), [row]);
            res.write(`id: ${n.seq}\nevent: notification\ndata: ${JSON.stringify(json)}\n\n`);
          })
          .catch((err) => req.log.error({ err }, 'notification stream write failed'));
      });
      const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
      heartbeat.unref();
      const end = () => {
        clearInterval(heartbeat);
        unsubscribe();
        streams.delete(end);
        if (!res.writableEnded) res.end();
      };
      streams.add(end);
      req.raw.on('close', end);
    },
  });
}
