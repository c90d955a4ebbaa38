import type { Db } from '../db/connection.js';
import type { Job } from './types.js';

/**
 * Records how far a long job has come, as `payload.progress` `{done, total}` (the admin API and the
 * Jobs page show it). Written outside any transaction, so it is seen while the job runs.
 */
export async function reportJobProgress(db: Db, job: Job, progress: { done: number; total: number }): Promise<void> {
  job.payload = { ...job.payload, progress };
  await db
    .updateTable('jobs')
    .set({ payload: JSON.stringify(job.payload) })
    .where('id', '=', job.id)
    .execute();
}
