import type { Db } from '../db/connection.js';
import type { Job } from './types.js';

/** Back-off before attempt n+1: 30 s, 1 min, 2 min, … capped at an hour. */
export function backoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

/**
 * Marks a claimed job done. A handler whose effect is a database write calls this in the same
 * transaction, so the effect and the job's completion commit together (never repeated).
 */
export async function markJobDone(db: Db, job: Job, now: number): Promise<void> {
  await db
    .updateTable('jobs')
    .set({ status: 'done', doneAt: now, lockedBy: null, lockedUntil: null })
    .where('id', '=', job.id)
    .where('status', '=', 'pending')
    .where('lockedBy', '=', job.lockedBy)
    .execute();
}

export async function markJobCancelled(db: Db, job: Job, now: number, reason: string): Promise<void> {
  await db
    .updateTable('jobs')
    .set({ status: 'cancelled', doneAt: now, lockedBy: null, lockedUntil: null, lastError: reason })
    .where('id', '=', job.id)
    .where('status', '=', 'pending')
    .execute();
}

/** After a failed attempt: retry later with back-off, or give up after maxAttempts. */
export async function markJobFailedAttempt(db: Db, job: Job, now: number, error: string): Promise<void> {
  const giveUp = job.attempts >= job.maxAttempts;
  await db
    .updateTable('jobs')
    .set({
      status: giveUp ? 'failed' : 'pending',
      runAt: giveUp ? job.runAt : now + backoffMs(job.attempts),
      lastError: error.slice(0, 2000),
      lockedBy: null,
      lockedUntil: null,
      doneAt: giveUp ? now : null,
    })
    .where('id', '=', job.id)
    .where('status', '=', 'pending')
    .execute();
}
