import { sql } from 'kysely';
import type { Database } from '../db/connection.js';
import { jobRowToJob } from './rows.js';
import type { Job } from './types.js';

/**
 * Takes one due job for this worker: marks it locked until `now + leaseMs` and counts the
 * attempt. A job whose lease ran out (its worker died) is due again. PostgreSQL: several
 * processes claim side by side with `FOR UPDATE SKIP LOCKED`; SQLite: one statement, one writer.
 */
export async function claimDueJob(database: Database, now: number, workerId: string, leaseMs: number): Promise<Job | undefined> {
  const { db } = database;
  const lockedUntil = now + leaseMs;
  if (database.dialect === 'postgres') {
    return db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom('jobs')
        .select('id')
        .where('status', '=', 'pending')
        .where('runAt', '<=', now)
        .where((eb) => eb.or([eb('lockedUntil', 'is', null), eb('lockedUntil', '<', now)]))
        .orderBy('runAt')
        .orderBy('id')
        .limit(1)
        .forUpdate()
        .skipLocked()
        .executeTakeFirst();
      if (!row) return undefined;
      const claimed = await trx
        .updateTable('jobs')
        .set({ lockedBy: workerId, lockedUntil, attempts: sql`attempts + 1` })
        .where('id', '=', row.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      return jobRowToJob(claimed);
    });
  }
  const result = await sql<Record<string, unknown>>`
    update jobs set "lockedBy" = ${workerId}, "lockedUntil" = ${lockedUntil}, attempts = attempts + 1
    where id = (select id from jobs where status = 'pending' and "runAt" <= ${now}
                and ("lockedUntil" is null or "lockedUntil" < ${now}) order by "runAt", id limit 1)
    returning *`.execute(db);
  const row = result.rows[0];
  return row ? jobRowToJob(row) : undefined;
}
