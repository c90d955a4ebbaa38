import { consumeOutbox, type JobEnv } from '../../jobs/index.js';
import { onRecordEvent } from './engine.js';
import { InlineBatch } from './inline.js';
import { eventTypesOf } from './decide.js';
import type { OutboxEvent, WorkflowDefinition } from './types.js';

const CURSOR_KEY = 'automationCursor';
const BATCH = 500;

/** Hands record events to the workflow engine; the jobs they make commit with the cursor's advance. */
export async function readOutbox(env: JobEnv): Promise<boolean> {
  const { dialect } = env.database;
  const meta = await env.metaCache.get(env.database.db);
  // Events no active workflow rule acts on are passed over unread: their payloads are whole
  // records, and reading and parsing them was a good part of the reader's time (a rule's own
  // field updates come back as `updated` events that create-only rules ignore).
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
        const event: OutboxEvent = { ...(r as unknown as OutboxEvent), seq: Number(r.seq), at: Number(r.at), payload: JSON.parse(r.payload as string) };
        await onRecordEvent(trx, dialect, meta, event, batch);
      }
      await batch.flush();
    },
    { payloadOf: [...wanted.keys()] },
  );
}
