import { sql } from 'kysely';
import type { Db } from '../db/connection.js';
import type { JobEnv } from './types.js';

/** One row of `record_events` as read by an outbox consumer (payload still JSON text). */
export type OutboxRow = Record<string, unknown> & { seq: number | string; payload: unknown };

/**
 * Hands the record events past a consumer's stored cursor (a `settings` row named `cursorKey`) to
 * `handle`, oldest first, at most `batch` at a time; what `handle` writes and the cursor's advance
 * commit together, so a crash re-reads rather than loses. Returns whether there was work: false when
 * nothing was new, else what `handle` says (a consumer that only skipped unrelated events says false,
 * so the worker does not spin).
 *
 * On PostgreSQL the cursor row is locked (one reader per consumer across processes), and before
 * reading, a barrier — a short transaction of its own that takes the outbox table's EXCLUSIVE lock
 * and commits at once — waits for every write transaction that already drew a seq: seqs are drawn
 * under the table's ROW EXCLUSIVE lock, so after the barrier every lower seq is visible and every
 * later one is higher. No event is skipped, and writers wait only for the barrier, never for the
 * consumer's work. SQLite has one writer, so committed order is seq order.
 *
 * `payloadOf` names the only modules whose payloads the consumer reads (the others come as null);
 * `until` is the last seq it reads.
 */
export async function consumeOutbox(
  env: JobEnv,
  cursorKey: string,
  batch: number,
  handle: (trx: Db, rows: OutboxRow[]) => Promise<boolean | undefined | void>,
  opts: { payloadOf?: readonly string[]; until?: number } = {},
): Promise<boolean> {
  const { db, dialect } = env.database;
  await db
    .insertInto('settings')
    .values({ key: cursorKey, value: '0' })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  return db.transaction().execute(async (trx) => {
    let q = trx.selectFrom('settings').select('value').where('key', '=', cursorKey);
    if (dialect === 'postgres') q = q.forUpdate();
    const cursor = Number((await q.executeTakeFirstOrThrow()).value);
    if (dialect === 'postgres')
      await db.transaction().execute((barrier) => sql`lock table record_events in exclusive mode`.execute(barrier));
    // A consumer of a few modules' events reads the others' payloads (whole records) as null.
    const only = opts.payloadOf;
    const payload = only
      ? only.length
        ? sql<string | null>`case when ${sql.ref('module')} in (${sql.join(only)}) then ${sql.ref('payload')} end`
        : sql<null>`null`
      : sql.ref('payload');
    let read = trx
      .selectFrom('record_events')
      .select(['seq', 'module', 'recordId', 'type', 'at', 'userId', payload.as('payload')])
      .where('seq', '>', cursor);
    if (opts.until !== undefined) read = read.where('seq', '<=', opts.until);
    const rows = (await read.orderBy('seq').limit(batch).execute()) as OutboxRow[];
    if (rows.length === 0) return false;
    const worked = await handle(trx, rows);
    await trx
      .updateTable('settings')
      .set({ value: String(rows[rows.length - 1].seq) })
      .where('key', '=', cursorKey)
      .execute();
    return worked ?? true;
  });
}
