import { consumeOutbox, type JobEnv } from '../../jobs/index.js';
import { onRecordEvent } from './engine.js';
import { InlineBatch } from './inline.js';
import type { OutboxEvent } from './types.js';

const CURSOR_KEY = 'automationCursor';
const BATCH = 500;

/** Hands record events to the workflow engine; the jobs they make commit with the cursor's advance. */
export async function readOutbox(env: JobEnv): Promise<boolean> {
  const { dialect } = env.database;
  const meta = await env.metaCache.get(env.database.db);
  // Events of modules without active workflow rules are passed over unread (their payloads are
  // whole records: reading and parsing them was a good part of the reader's time).
  const ruled = [...new Set(meta.rules.filter((r) => r.kind === 'workflow' && r.active).map((r) => r.module))];
  return consumeOutbox(
    env,
    CURSOR_KEY,
    BATCH,
    async (trx, rows) => {
      const batch = new InlineBatch(trx, dialect, meta, env.clock);
      for (const r of rows) {
        if (r.payload === null) continue;
        const event: OutboxEvent = { ...(r as unknown as OutboxEvent), seq: Number(r.seq), at: Number(r.at), payload: JSON.parse(r.payload as string) };
        await onRecordEvent(trx, dialect, meta, event, batch);
      }
      await batch.flush();
    },
    { payloadOf: ruled },
  );
}
