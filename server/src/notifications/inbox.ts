import type { Ctx } from '../context.js';
import type { Db } from '../db/connection.js';
import { notFound } from '../errors.js';
import type { MetadataSnapshot } from '../metadata/types.js';
import type { NotificationJson } from './types.js';

const MAX_LIST = 200;

type Row = Record<string, unknown>;

/** The current user's notifications, newest first (at most 200), optionally only the unread. */
export async function listNotifications(ctx: Ctx, opts: { unread?: boolean; limit?: number } = {}): Promise<NotificationJson[]> {
  let q = ctx.db.selectFrom('notifications').selectAll().where('userId', '=', ctx.user.id);
  if (opts.unread) q = q.where('readAt', 'is', null);
  const rows = await q
    .orderBy('seq', 'desc')
    .limit(Math.min(opts.limit ?? MAX_LIST, MAX_LIST))
    .execute();
  return toJson(ctx.db, ctx.meta, rows);
}

export async function unreadCount(ctx: Ctx): Promise<number> {
  const row = await ctx.db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('userId', '=', ctx.user.id)
    .where('readAt', 'is', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Marks one of the user's notifications read; someone else's does not exist for them (404). */
export async function markRead(ctx: Ctx, id: string): Promise<NotificationJson> {
  const row = await ctx.db
    .selectFrom('notifications')
    .selectAll()
    .where('id', '=', id)
    .where('userId', '=', ctx.user.id)
    .executeTakeFirst();
  if (!row) throw notFound(`The notification '${id}'`);
  if (row.readAt === null) {
    const at = ctx.clock.now().getTime();
    await ctx.db.updateTable('notifications').set({ readAt: at }).where('id', '=', id).where('readAt', 'is', null).execute();
    row.readAt = at;
  }
  const [json] = await toJson(ctx.db, ctx.meta, [row]);
  return json;
}

export async function markAllRead(ctx: Ctx): Promise<{ updated: number }> {
  const result = await ctx.db
    .updateTable('notifications')
    .set({ readAt: ctx.clock.now().getTime() })
    .where('userId', '=', ctx.user.id)
    .where('readAt', 'is', null)
    .executeTakeFirst();
  return { updated: Number(result.numUpdatedRows) };
}

/** Rows → API shape, with each record's current name (one query per module). */
export async function toJson(db: Db, meta: MetadataSnapshot, rows: Row[]): Promise<NotificationJson[]> {
  const names = new Map<string, string | null>();
  const idsByModule = new Map<string, Set<string>>();
  for (const r of rows) {
    if (typeof r.module === 'string' && typeof r.recordId === 'string') {
      if (!idsByModule.has(r.module)) idsByModule.set(r.module, new Set());
      idsByModule.get(r.module)?.add(r.recordId);
    }
  }
  for (const [module, ids] of idsByModule) {
    const def = meta.modulesByName.get(module);
    if (!def) continue;
    const found = await db
      .selectFrom(def.tableName)
      .select(['id', '_name'])
      .where('id', 'in', [...ids])
      .execute();
    for (const f of found) names.set(`${module}:${f.id}`, (f._name as string | null) ?? null);
  }
  return rows.map((r) => ({
    id: r.id as string,
    kind: r.kind as string,
    title: r.title as string,
    ...(r.body !== null && r.body !== undefined ? { body: r.body as string } : {}),
    ...(typeof r.module === 'string' && typeof r.recordId === 'string'
      ? { record: { module: r.module, id: r.recordId, name: names.get(`${r.module}:${r.recordId}`) ?? null } }
      : {}),
    createdAt: new Date(Number(r.createdAt)).toISOString(),
    read: r.readAt !== null && r.readAt !== undefined,
  }));
}
