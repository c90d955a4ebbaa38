import { consumeOutbox, type JobEnv } from '../../jobs/index.js';
import { eventTypesOf } from './decide.js';
import { onRecordEvent } from './engine.js';
import { InlineBatch } from './inline.js';
import type { OutboxEvent, WorkflowDefinition } from './types.js';

const CURSOR_KEY = 'automationCursor';
/** The last event written before workflow rules ran in the writes' own transactions (migration 0013). */
const END_KEY = 'automationCursorEnd';
const BATCH = 500;

/**
 * Finishes the record events that an earlier version wrote for the workflow rules to read after
 * commit, so an upgrade with events still unread loses none: the rules now run inside each write's
 * transaction (in-transaction.ts), and past the seq the upgrade recorded this step does nothing.
 */
export async function readOutbox(env: JobEnv): Promise<boolean> {
  const { db, dialect } = env.database;
  const settings = await db.selectFrom('settings').select(['key', 'value']).where('key', 'in', [CURSOR_KEY, END_KEY]).execute();
  const value = (key: string) => Number(settings.find((s) => s.key === key)?.value ?? 0);
  const end = value(END_KEY);
  // Caught up (always, on a database created by this version): one read of two settings a pass.
  if (value(CURSOR_KEY) >= end) return false;
  const meta = await env.metaCache.get(db);
  // Events no active workflow rule acts on are passed over unread (their payloads are whole records).
  const wanted = new Map<string, Set<string>>();
  for (const rule of meta.rules) {
    if (rule.kind !== 'workflow' || !rule.active) continue;
    const types = wanted.get(rule.module) ?? new Set<string>();
    for (const type of eventTypesOf(rule.definition as unknown as WorkflowDefinition)) types.add(type);
    wanted.set(rule.module, types);
  }
  return consumeOutbox(
    env,
    CURSOR_KEY,
    BATCH,
    async (trx, rows) => {
      const batch = new InlineBatch(trx, dialect, meta, env.clock);
      for (const r of rows) {
        if (r.payload === null || !wanted.get(r.module as string)?.has(r.type as string)) continue;
        const event: OutboxEvent = {
          ...(r as unknown as OutboxEvent),
          seq: Number(r.seq),
          at: Number(r.at),
          payload: JSON.parse(r.payload as string),
        };
        await onRecordEvent(trx, dialect, meta, event, batch);
      }
      await batch.flush();
    },
    { payloadOf: [...wanted.keys()], until: end },
  );
}
