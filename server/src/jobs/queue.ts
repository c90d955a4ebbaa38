import type { Ctx } from '../context.js';
import type { Db } from '../db/connection.js';
import { conflict, notFound } from '../errors.js';
import { newId } from '../ids.js';
import { jobRowToJob } from './rows.js';
import type { Job, JobInput, JobStatus } from './types.js';

export const DEFAULT_MAX_ATTEMPTS = 5;

/**
 * Adds jobs in the caller's transaction (so they exist only if the caller's write commits).
 * A job whose idempotency key is already taken is left out: enqueueing twice is harmless.
 */
export async function enqueue(db: Db, now: number, jobs: JobInput | JobInput[]): Promise<void> {
  const list = Array.isArray(jobs) ? jobs : [jobs];
  for (const j of list) {
    await db
      .insertInto('jobs')
      .values({
        id: newId(now),
        kind: j.kind,
        payload: JSON.stringify(j.payload),
        runAt: j.runAt ?? now,
        attempts: 0,
        maxAttempts: j.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
        status: 'pending',
        idempotencyKey: j.idempotencyKey ?? null,
        createdAt: now,
      })
      .onConflict((oc) => oc.column('idempotencyKey').doNothing())
      .execute();
  }
}

/** Jobs of a status, oldest due first (admin API). */
export async function listJobs(ctx: Ctx, status: JobStatus | undefined, limit = 200): Promise<Job[]> {
  let q = ctx.db.selectFrom('jobs').selectAll();
  if (status) q = q.where('status', '=', status);
  const rows = await q.orderBy('runAt').orderBy('id').limit(limit).execute();
  return rows.map(jobRowToJob);
}

/** A failed (or cancelled) job runs again now, with a fresh set of attempts. */
export async function retryJob(ctx: Ctx, id: string): Promise<Job> {
  const row = await ctx.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound(`The job '${id}'`);
  if (row.status === 'pending' || row.status === 'done') throw conflict(`The job is ${row.status}; only failed or cancelled jobs are retried`);
  await ctx.db
    .updateTable('jobs')
    .set({ status: 'pending', attempts: 0, runAt: ctx.clock.now().getTime(), lockedBy: null, lockedUntil: null, doneAt: null })
    .where('id', '=', id)
    .execute();
  return jobRowToJob({ ...row, status: 'pending', attempts: 0, runAt: ctx.clock.now().getTime(), doneAt: null });
}
