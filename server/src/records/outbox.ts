import type { Ctx } from '../context.js';
import { type ColumnTypes, insertRows } from '../db/insert-rows.js';

export type RecordEventType = 'created' | 'updated' | 'deleted' | 'restored';

export interface RecordEvent {
  module: string;
  recordId: string;
  type: RecordEventType;
  payload: { record?: Record<string, unknown>; changes?: unknown[]; automation?: { depth: number; ruleId: string } };
}

/** A record event as the outbox holds it: numbered, timed and signed. */
export interface StoredRecordEvent extends RecordEvent {
  seq: number;
  at: number;
  userId: string | null;
}

/** Printable ASCII but `"` and `\`: a string JSON writes as it is, between quotes. */
const PLAIN = /^[ !#-[\]-~]*$/;

/** JSON.stringify of a field value, with the common cases (plain text, numbers) done directly. */
function jsonOf(v: unknown): string {
  if (typeof v === 'string') return PLAIN.test(v) ? `"${v}"` : JSON.stringify(v);
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'null';
  return JSON.stringify(v);
}

const EVENT_COLUMNS: ColumnTypes = { module: 'text', recordId: 'text', type: 'text', at: 'bigint', userId: 'text', payload: 'json' };

/** Field names as JSON keys, quoted once. */
const quotedKeys = new Map<string, string>();

/**
 * The outbox's copy of a payload: the record without its empty (null) fields, which readers take
 * as empty anyway. Events are most of what a write sends to the database (a lead's is half nulls),
 * and every reader parses them. Written key by key: a compacted copy to stringify cost a third more.
 */
function storedJson(payload: RecordEvent['payload']): string {
  const { record, ...rest } = payload;
  if (!record) return JSON.stringify(payload);
  let out = '';
  for (const key in record) {
    const v = record[key];
    if (v === null || v === undefined) continue;
    let quoted = quotedKeys.get(key);
    if (quoted === undefined) {
      quoted = `${JSON.stringify(key)}:`;
      quotedKeys.set(key, quoted);
    }
    out += (out ? ',' : '{') + quoted + jsonOf(v);
  }
  const others = JSON.stringify(rest);
  return `{"record":${out ? `${out}}` : '{}'}${others === '{}' ? '' : `,${others.slice(1, -1)}`}}`;
}

/**
 * Appends record events to the outbox in the caller's transaction, so a rolled-back write never
 * leaves one; notifications, meetings and webhooks read them after commit. Returns them as stored
 * (with their seq), for the workflow rules the write runs before it commits. An event names the
 * rule write it comes from: its own (a create rule's change folded into the insert), else the context's.
 */
export async function appendEvents(ctx: Ctx, events: RecordEvent[]): Promise<StoredRecordEvent[]> {
  const at = ctx.clock.now().getTime();
  const userId = ctx.user.id;
  const payloads = events.map((e) => (ctx.automation && !e.payload.automation ? { ...e.payload, automation: ctx.automation } : e.payload));
  const rows = await insertRows(
    ctx.db,
    ctx.dialect,
    'record_events',
    events.map((e, i) => ({ module: e.module, recordId: e.recordId, type: e.type, at, userId, payload: storedJson(payloads[i]) })),
    ['seq'],
    EVENT_COLUMNS,
  );
  // Seqs are drawn row by row in VALUES order on both engines; RETURNING's order is not promised.
  const seqs = rows.map((r) => Number(r.seq)).sort((a, b) => a - b);
  return events.map((e, i) => ({ module: e.module, recordId: e.recordId, type: e.type, payload: payloads[i], seq: seqs[i], at, userId }));
}
