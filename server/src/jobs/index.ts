/** Durable jobs (ARCHITECTURE.md idea 4): the jobs table, a claiming worker, retries with back-off. */

export { backoffMs, markJobCancelled, markJobDone } from './finish.js';
export { consumeOutbox, type OutboxRow } from './outbox-cursor.js';
export { reportJobProgress } from './progress.js';
export { DEFAULT_MAX_ATTEMPTS, enqueue, listJobs, retryJob } from './queue.js';
export { jobToJson } from './rows.js';
export type { Job, JobEnv, JobHandler, JobInput, JobStatus } from './types.js';
export { JobWorker, type WorkerStep } from './worker.js';
