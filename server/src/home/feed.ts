import { type RawBuilder, sql } from 'kysely';
import type { Ctx } from '../context.js';
import { invalidRequest } from '../errors.js';
import { fieldType } from '../metadata/field-types/index.js';
import type { ModuleDef } from '../metadata/types.js';
import { decodeFeedCursor, encodeFeedCursor } from '../timeline/index.js';

export const DEFAULT_FEED_PAGE = 20;
export const MAX_FEED_PAGE = 100;

export type FeedType = 'created' | 'note' | 'taskCompleted' | 'stageChanged' | 'statusChanged';

export interface FeedItem {
  id: string;
  type: FeedType;
  at: string;
  user: { id: string; name: string | null } | null;
  record: { module: string; id: string; name: string | null };
  /** stageChanged, statusChanged: the change. */
  change?: { field: string; old: unknown; new: unknown };
  /** note, taskCompleted, and any activity created: the record it is about. */
  relatedTo?: { module: string; id: string; name: string | null } | null;
  /** note: its text. */
  content?: string | null;
}

/** Which changes count as a status or stage change, per module. */
const WATCHED: Record<string, { field: string; type: FeedType }> = {
  deals: { field: 'stage', type: 'stageChanged' },
  leads: { field: 'leadStatus', type: 'statusChanged' },
};

// History changes are JSON written by JSON.stringify: a quote inside a value is always escaped,
// so these exact substrings only match a change of that field.
const changeOf = (field: string) => `%"field":"${field}"%`;
const COMPLETED = '%"field":"completedAt","old":null,"new":"%';

/**
 * The activity feed of the home page: new records, notes, completed tasks and status and stage
 * changes, newest first, read from the record history. Only records that still exist in modules
 * the user may read show (`scope=mine`: only what the user did).
 */
export async function homeFeed(ctx: Ctx, query: { cursor?: string; perPage?: number; scope?: 'all' | 'mine' }) {
  const perPage = query.perPage ?? DEFAULT_FEED_PAGE;
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > MAX_FEED_PAGE)
    throw invalidRequest(`perPage is 1–${MAX_FEED_PAGE}`, { field: 'perPage' });
  const after = query.cursor ? decodeFeedCursor(query.cursor, 0) : undefined;
  if (after && typeof after.id !== 'number') throw invalidRequest('The cursor is not valid for this feed', { field: 'cursor' });

  const modules = ctx.meta.modules;
  // One CASE branch per module: unlike an OR of "module = x and …" terms, a CASE gives the
  // planner nothing to pick the (module, recordId) index for, so both engines walk the (at, id)
  // index newest first and stop after a page instead of sorting every matching row.
  const branch = (m: ModuleDef): RawBuilder<unknown> => {
    const kinds: RawBuilder<unknown>[] = [sql`h.action = 'created'`];
    const watched = WATCHED[m.apiName];
    if (watched && m.fieldsByName.has(watched.field)) kinds.push(sql`(h.action = 'updated' and h.changes like ${changeOf(watched.field)})`);
    if (m.apiName === 'tasks') kinds.push(sql`(h.action = 'updated' and h.changes like ${COMPLETED})`);
    // A record in the recycle bin (or purged) leaves the feed with it. A scalar subquery, not
    // EXISTS: PostgreSQL would hash every id of the table for EXISTS; this probes the primary key
    // for just the rows the page reads.
    return sql`when ${m.apiName} then ((${sql.join(kinds, sql` or `)})
      and (select 1 from ${sql.table(m.tableName)} r where r.id = h."recordId") is not null)`;
  };
  if (modules.length === 0) return { data: [], info: { perPage, moreRecords: false } };
  const conds: RawBuilder<unknown>[] = [sql`(case h.module ${sql.join(modules.map(branch), sql` `)} else false end)`];
  if (query.scope === 'mine') conds.push(sql`h."userId" = ${ctx.user.id}`);
  if (after) conds.push(sql`(h.at < ${after.at} or (h.at = ${after.at} and h.id < ${after.id}))`);
  const rows = await sql<{
    id: number;
    module: string;
    recordId: string;
    at: number;
    userId: string | null;
    userName: string | null;
    action: string;
    changes: string;
  }>`
    select h.id, h.module, h."recordId", h.at, h."userId", u.name as "userName", h.action, h.changes
    from record_history h left join users u on u.id = h."userId"
    where ${sql.join(conds, sql` and `)}
    order by h.at desc, h.id desc limit ${perPage + 1}`.execute(ctx.db);
  const page = rows.rows.slice(0, perPage);
  const details = await recordDetails(ctx, page);
  const data: FeedItem[] = page.map((r) => {
    const d = details.get(`${r.module}:${r.recordId}`);
    const base = {
      id: `history-${r.id}`,
      at: new Date(Number(r.at)).toISOString(),
      user: r.userId ? { id: r.userId, name: r.userName ?? null } : null,
      record: { module: r.module, id: r.recordId, name: d?.name ?? null },
      ...(d?.relatedTo !== undefined ? { relatedTo: d.relatedTo } : {}),
    };
    if (r.action === 'created') {
      return r.module === 'notes' ? { ...base, type: 'note' as const, content: d?.content ?? null } : { ...base, type: 'created' as const };
    }
    const changes = JSON.parse(r.changes) as { field: string; old: unknown; new: unknown }[];
    const watched = WATCHED[r.module];
    const change = watched ? changes.find((c) => c.field === watched.field) : undefined;
    if (watched && change) return { ...base, type: watched.type, change };
    return { ...base, type: 'taskCompleted' as const };
  });
  const more = rows.rows.length > perPage;
  const last = page[page.length - 1];
  return {
    data,
    info: {
      perPage,
      moreRecords: more,
      ...(more && last ? { nextCursor: encodeFeedCursor({ at: Number(last.at), rank: 0, id: Number(last.id) }) } : {}),
    },
  };
}

interface Detail {
  name: string | null;
  relatedTo?: { module: string; id: string; name: string | null } | null;
  content?: string | null;
}

/** Names (and, for activities, what they relate to) of the records on a page: one query per module. */
async function recordDetails(ctx: Ctx, rows: { module: string; recordId: string }[]): Promise<Map<string, Detail>> {
  const out = new Map<string, Detail>();
  const byModule = new Map<string, Set<string>>();
  for (const r of rows) byModule.set(r.module, (byModule.get(r.module) ?? new Set()).add(r.recordId));
  const targets = new Map<string, Set<string>>();
  for (const [name, ids] of byModule) {
    const m = ctx.meta.modulesByName.get(name);
    if (!m) continue;
    const link = m.fieldsByName.get('relatedTo');
    const content = name === 'notes' ? m.fieldsByName.get('content') : undefined;
    const found = await sql<Record<string, unknown>>`select * from ${sql.table(m.tableName)} where id in (${sql.join([...ids])})`.execute(
      ctx.db,
    );
    for (const row of found.rows) {
      const d: Detail = { name: (row._name as string | null) ?? null };
      if (link?.type === 'relatedTo') {
        const v = fieldType(link.type).fromRow(row, link) as { module: string; id: string } | null;
        d.relatedTo = v ? { module: v.module, id: v.id, name: null } : null;
        if (v) targets.set(v.module, (targets.get(v.module) ?? new Set()).add(v.id));
      }
      if (content) d.content = fieldType(content.type).fromRow(row, content) as string | null;
      out.set(`${name}:${row.id}`, d);
    }
  }
  const names = new Map<string, string | null>();
  for (const [name, ids] of targets) {
    const m = ctx.meta.modulesByName.get(name);
    if (!m) continue;
    const found = await sql<{
      id: string;
      _name: string | null;
    }>`select id, _name from ${sql.table(m.tableName)} where id in (${sql.join([...ids])})`.execute(ctx.db);
    for (const r of found.rows) names.set(`${name}:${r.id}`, r._name);
  }
  for (const d of out.values()) {
    if (d.relatedTo) d.relatedTo.name = names.get(`${d.relatedTo.module}:${d.relatedTo.id}`) ?? null;
  }
  return out;
}
