import { hashSecret } from '../auth/secret-hash.js';
import type { Clock } from '../clock.js';
import type { Ctx } from '../context.js';
import type { Database } from '../db/connection.js';
import { notFound } from '../errors.js';
import { newId, newSecret } from '../ids.js';
import { calendarText, type IcalEvent } from '../meetings/index.js';
import type { MetadataCache } from '../metadata/snapshot.js';
import { listRecords } from '../records/index.js';
import { type UserRow, userRowToActingUser } from '../users/index.js';
import { eventBelongsTo } from './items.js';

/** What a feed holds: from 90 days back to a year ahead, at most this many of each kind. */
const PAST_DAYS = 90;
const FUTURE_DAYS = 366;
const MAX_PER_KIND = 1000;

export interface FeedInfo {
  createdAt: string;
}

export const feedUrl = (baseUrl: string, token: string) => `${baseUrl.replace(/\/+$/, '')}/api/v1/calendar/feed/${token}.ics`;

/** The signed-in user's feed, if they have one (its URL is shown only when made). */
export async function feedInfo(ctx: Ctx): Promise<FeedInfo | null> {
  const row = await ctx.db.selectFrom('calendar_feeds').select('createdAt').where('userId', '=', ctx.user.id).executeTakeFirst();
  return row ? { createdAt: new Date(Number(row.createdAt)).toISOString() } : null;
}

/** Makes the user's feed URL, replacing (so revoking) any earlier one. Only the token's hash is kept. */
export async function createFeed(ctx: Ctx, baseUrl: string): Promise<FeedInfo & { token: string; url: string }> {
  const token = newSecret();
  const now = ctx.clock.now().getTime();
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('calendar_feeds').where('userId', '=', ctx.user.id).execute();
    await trx
      .insertInto('calendar_feeds')
      .values({ id: newId(now), userId: ctx.user.id, tokenHash: hashSecret(token), createdAt: now })
      .execute();
  });
  return { token, url: feedUrl(baseUrl, token), createdAt: new Date(now).toISOString() };
}

export async function revokeFeed(ctx: Ctx): Promise<void> {
  const res = await ctx.db.deleteFrom('calendar_feeds').where('userId', '=', ctx.user.id).executeTakeFirst();
  if (Number(res.numDeletedRows) === 0) throw notFound('Your calendar feed');
}

export interface FeedDeps {
  database: Database;
  clock: Clock;
  metaCache: MetadataCache;
}

/**
 * The iCalendar text of a feed token: the user's meetings (owner or participant) and timed tasks,
 * read as that user (so only what they may see). An unknown or revoked token, or a deactivated
 * user → NOT_FOUND. UIDs are stable (`<id>@rapport`), times UTC, so any calendar app can subscribe.
 */
export async function feedCalendar(deps: FeedDeps, token: string): Promise<string> {
  const { db, dialect } = deps.database;
  const feed = await db.selectFrom('calendar_feeds').select('userId').where('tokenHash', '=', hashSecret(token)).executeTakeFirst();
  const row = feed && (await db.selectFrom('users').selectAll().where('id', '=', feed.userId).where('active', '=', 1).executeTakeFirst());
  if (!row) throw notFound('The calendar feed');
  const user = userRowToActingUser(row as UserRow);
  const ctx: Ctx = { db, dialect, meta: await deps.metaCache.get(db), user, clock: deps.clock };
  const now = deps.clock.now().getTime();
  const from = new Date(now - PAST_DAYS * 86_400_000).toISOString();
  const to = new Date(now + FUTURE_DAYS * 86_400_000).toISOString();
  const list = async (module: string, filter: unknown) => {
    const out: Record<string, unknown>[] = [];
    for (let page = 1; out.length < MAX_PER_KIND; page++) {
      const res = await listRecords(ctx, module, { filter, perPage: 200, page });
      out.push(...res.data);
      if (!res.info.moreRecords) break;
    }
    return out;
  };
  const me = new Set([user.id]);
  const stamp = new Date(now);
  const events: IcalEvent[] = (
    await list('events', {
      and: [
        { field: 'endAt', op: 'gte', value: from },
        { field: 'startAt', op: 'lt', value: to },
      ],
    })
  )
    .filter((e) => eventBelongsTo(e, me))
    .map((e) => ({
      uid: `${e.id as string}@rapport`,
      sequence: Math.max(0, Number(e.version) - 1),
      stamp,
      summary: String(e.title ?? ''),
      description: (e.description as string | null) ?? null,
      location: (e.location as string | null) ?? null,
      start: new Date(e.startAt as string),
      end: new Date(e.endAt as string),
      allDay: e.allDay === true,
      timeZone: user.timeZone,
    }));
  const tasks: IcalEvent[] = (
    await list('tasks', {
      and: [
        { field: 'dueAt', op: 'gte', value: from },
        { field: 'dueAt', op: 'lt', value: to },
      ],
    })
  )
    .filter((t) => (t.owner as { id?: string } | null)?.id === user.id)
    .map((t) => {
      const due = new Date(t.dueAt as string);
      return {
        uid: `task-${t.id as string}@rapport`,
        sequence: Math.max(0, Number(t.version) - 1),
        stamp,
        summary: `${t.status === 'Completed' ? '✓ ' : ''}${String(t.subject ?? '')}`,
        description: (t.description as string | null) ?? null,
        start: due,
        end: new Date(due.getTime() + 15 * 60_000),
      };
    });
  return calendarText([...events, ...tasks], { method: 'PUBLISH', name: `Rapport — ${user.name}` });
}
