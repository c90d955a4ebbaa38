import type { Job, JobStatus } from './types.js';

/** A `jobs` row → a Job (pg returns bigints as numbers, see db/connection.ts). */
export function jobRowToJob(r: Record<string, unknown>): Job {
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    id: r.id as string,
    kind: r.kind as string,
    payload: JSON.parse(r.payload as string) as Record<string, unknown>,
    runAt: Number(r.runAt),
    attempts: Number(r.attempts),
    maxAttempts: Number(r.maxAttempts),
    lockedBy: (r.lockedBy as string | null) ?? null,
    lockedUntil: num(r.lockedUntil),
    lastError: (r.lastError as string | null) ?? null,
    status: r.status as JobStatus,
    idempotencyKey: (r.idempotencyKey as string | null) ?? null,
    createdAt: Number(r.createdAt),
    doneAt: num(r.doneAt),
  };
}

/** A job as the admin API shows it. */
export function jobToJson(j: Job) {
  const iso = (v: number | null) => (v === null ? null : new Date(v).toISOString());
  return {
    id: j.id,
    kind: j.kind,
    status: j.status,
    payload: j.payload,
    runAt: new Date(j.runAt).toISOString(),
    attempts: j.attempts,
    maxAttempts: j.maxAttempts,
    lastError: j.lastError,
    idempotencyKey: j.idempotencyKey,
    createdAt: new Date(j.createdAt).toISOString(),
    doneAt: iso(j.doneAt),
  };
}
