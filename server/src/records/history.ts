import type { Ctx } from '../context.js';
import { type ColumnTypes, insertRows } from '../db/insert-rows.js';
import { type RecordValues, sameValue } from './values.js';

export type HistoryAction = 'created' | 'updated' | 'deleted' | 'restored' | 'converted';

export interface FieldChange {
  field: string;
  old: unknown;
  new: unknown;
}

export interface HistoryEntry {
  module: string;
  recordId: string;
  action: HistoryAction;
  changes: FieldChange[];
}

/** The fields whose value differs between two versions of a record. */
export function diffValues(prev: RecordValues, next: RecordValues): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const key of Object.keys(next)) {
    if (!sameValue(prev[key], next[key])) changes.push({ field: key, old: prev[key] ?? null, new: next[key] ?? null });
  }
  return changes;
}

/** Writes history rows in the caller's transaction (so history never disagrees with records). */
const HISTORY_COLUMNS: ColumnTypes = { module: 'text', recordId: 'text', at: 'bigint', userId: 'text', action: 'text', changes: 'json' };

export async function writeHistory(ctx: Ctx, entries: HistoryEntry[]): Promise<void> {
  const at = ctx.clock.now().getTime();
  await insertRows(
    ctx.db,
    ctx.dialect,
    'record_history',
    entries.map((e) => ({
      module: e.module,
      recordId: e.recordId,
      at,
      userId: ctx.user.id,
      action: e.action,
      changes: JSON.stringify(e.changes),
    })),
    [],
    HISTORY_COLUMNS,
  );
}

export interface HistoryItem {
  at: string;
  user: { id: string; name: string | null } | null;
  action: HistoryAction;
  changes: FieldChange[];
}

export async function readHistory(ctx: Ctx, module: string, recordId: string, limit = 500): Promise<HistoryItem[]> {
  const rows = await ctx.db
    .selectFrom('record_history as h')
    .leftJoin('users as u', 'u.id', 'h.userId')
    .select(['h.at', 'h.userId', 'u.name as userName', 'h.action', 'h.changes'])
    .where('h.module', '=', module)
    .where('h.recordId', '=', recordId)
    .orderBy('h.at', 'desc')
    .orderBy('h.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    at: new Date(Number(r.at)).toISOString(),
    user: r.userId ? { id: r.userId, name: r.userName ?? null } : null,
    action: r.action,
    changes: JSON.parse(r.changes),
  }));
}
