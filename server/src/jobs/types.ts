import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Database } from '../db/connection.js';
import type { MetadataCache } from '../metadata/snapshot.js';

export type JobStatus = 'pending' | 'done' | 'failed' | 'cancelled';

/** A row of the `jobs` table in domain shape (times as epoch ms). */
export interface Job {
  id: string;
  kind: string;
  payload: Record<string, unknown>;
  runAt: number;
  attempts: number;
  maxAttempts: number;
  lockedBy: string | null;
  lockedUntil: number | null;
  lastError: string | null;
  status: JobStatus;
  idempotencyKey: string | null;
  createdAt: number;
  doneAt: number | null;
}

export interface JobInput {
  kind: string;
  payload: Record<string, unknown>;
  /** Epoch ms; defaults to now. */
  runAt?: number;
  maxAttempts?: number;
  /** A second enqueue with the same key does nothing. */
  idempotencyKey?: string;
}

/** What job handlers are run with: the process's database, clock, metadata and settings. */
export interface JobEnv {
  database: Database;
  clock: Clock;
  metaCache: MetadataCache;
  config: Config;
  log: { error(obj: object, msg: string): void };
}

/**
 * Runs one job. Throwing retries it with back-off (until maxAttempts); returning `'cancelled'`
 * ends it without running (e.g. a scheduled action whose record no longer matches).
 */
export type JobHandler = (job: Job, env: JobEnv) => Promise<void | 'cancelled'>;
