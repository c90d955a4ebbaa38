import type { Ctx } from '../context.js';
import { invalidData } from '../errors.js';
import { listRecords } from '../records/index.js';

/** One thing on a calendar: a meeting (start–end) or a timed task (at its due time). */
export interface CalendarItem {
  kind: 'event' | 'task';
  id: string;
  title: string;
  startAt: string;
  endAt: string | null;
  allDay: boolean;
  location: string | null;
  owner: { id: string; name: string | null } | null;
  status: string | null;
  completed: boolean;
  version: number;
  participants?: Record<string, unknown>[];
}

export const MAX_RANGE_DAYS = 62;
const PAGE = 200;
const MAX_ITEMS = 2000;

async function allRecords(ctx: Ctx, module: string, filter: unknown): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  for (let page = 1; out.length < MAX_ITEMS; page++) {
    const res = await listRecords(ctx, module, { filter, perPage: PAGE, page });
    out.push(...res.data);
    if (!res.info.moreRecords) break;
  }
  return out;
}

/** Whether a user is on a meeting: its owner or one of its participants. */
export function eventBelongsTo(record: Record<string, unknown>, userIds: ReadonlySet<string>): boolean {
  if (userIds.has((record.owner as { id?: string } | null)?.id ?? '')) return true;
  const participants = (record.participants as { type: string; id?: string }[] | null) ?? [];
  return participants.some((p) => p.type === 'user' && p.id !== undefined && userIds.has(p.id));
}

export const eventToItem = (r: Record<string, unknown>): CalendarItem => ({
  kind: 'event',
  id: r.id as string,
  title: String(r.title ?? ''),
  startAt: r.startAt as string,
  endAt: (r.endAt as string | null) ?? null,
  allDay: r.allDay === true,
  location: (r.location as string | null) ?? null,
  owner: (r.owner as CalendarItem['owner']) ?? null,
  status: null,
  completed: false,
  version: Number(r.version),
  participants: (r.participants as Record<string, unknown>[] | null) ?? [],
});

export const taskToItem = (r: Record<string, unknown>): CalendarItem => ({
  kind: 'task',
  id: r.id as string,
  title: String(r.subject ?? ''),
  startAt: r.dueAt as string,
  endAt: null,
  allDay: false,
  location: null,
  owner: (r.owner as CalendarItem['owner']) ?? null,
  status: (r.status as string | null) ?? null,
  completed: r.status === 'Completed',
  version: Number(r.version),
});

/**
 * The meetings (as owner or participant) and timed tasks (as owner) of these users that overlap
 * [from, to), as far as the caller may see them (the record service filters by permission).
 */
export async function calendarItems(ctx: Ctx, q: { from: Date; to: Date; userIds: string[] }): Promise<CalendarItem[]> {
  if (!(q.from.getTime() < q.to.getTime())) throw invalidData('to', '`to` must be after `from`');
  if (q.to.getTime() - q.from.getTime() > MAX_RANGE_DAYS * 86_400_000) {
    throw invalidData('to', `A calendar range may span at most ${MAX_RANGE_DAYS} days`);
  }
  const users = new Set(q.userIds.length ? q.userIds : [ctx.user.id]);
  const from = q.from.toISOString();
  const to = q.to.toISOString();
  const events = await allRecords(ctx, 'events', {
    and: [
      { field: 'startAt', op: 'lt', value: to },
      { field: 'endAt', op: 'gte', value: from },
    ],
  });
  const tasks = await allRecords(ctx, 'tasks', {
    and: [
      { field: 'dueAt', op: 'gte', value: from },
      { field: 'dueAt', op: 'lt', value: to },
    ],
  });
  const items = [
    ...events.filter((e) => eventBelongsTo(e, users)).map(eventToItem),
    ...tasks.filter((t) => users.has((t.owner as { id?: string } | null)?.id ?? '')).map(taskToItem),
  ];
  return items.sort((a, b) => a.startAt.localeCompare(b.startAt) || a.id.localeCompare(b.id));
}
