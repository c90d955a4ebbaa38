import type { Ctx } from '../context.js';
import { enqueue, type JobHandler, markJobDone } from '../jobs/index.js';
import { notify } from '../notifications/index.js';

export const REMINDER_JOB = 'activity.reminder';

/** Modules whose records carry a `reminderAt` the job worker delivers. */
export const REMINDER_MODULES = new Set(['tasks', 'calls']);

/** A reminder set this long ago when planned is not delivered late (an import of old tasks). */
const STALE_MS = 5 * 60_000;

type Values = Record<string, unknown>;

const keyPrefix = (module: string, id: string) => `reminder:${module}:${id}:`;

const isDone = (module: string, v: Values) => module === 'tasks' && v.status === 'Completed';

/**
 * Plans (or re-plans, or cancels) a record's reminder in the write's transaction: one job at
 * `reminderAt`, keyed by record and instant so planning twice is harmless; pending jobs for any
 * other instant of the same record are cancelled. The handler checks again when it runs.
 */
export async function planReminder(tx: Ctx, module: string, id: string, prev: Values | null, next: Values): Promise<void> {
  const at = typeof next.reminderAt === 'string' ? Date.parse(next.reminderAt) : null;
  const unchanged = prev !== null && prev.reminderAt === next.reminderAt && isDone(module, prev) === isDone(module, next);
  if (unchanged) return;
  const now = tx.clock.now().getTime();
  const keep = at !== null && !isDone(module, next) ? `${keyPrefix(module, id)}${at}` : null;
  // A new record has no job to cancel (and most have no reminder): a bulk create of tasks costs nothing here.
  if (prev !== null) {
    let cancel = tx.db
      .updateTable('jobs')
      .set({ status: 'cancelled', doneAt: now, lastError: 'the reminder was changed, or the activity completed' })
      .where('kind', '=', REMINDER_JOB)
      .where('status', '=', 'pending')
      .where('idempotencyKey', 'like', `${keyPrefix(module, id)}%`);
    if (keep) cancel = cancel.where('idempotencyKey', '<>', keep);
    await cancel.execute();
  }
  if (keep && at !== null && at >= now - STALE_MS) {
    await enqueue(tx.db, now, { kind: REMINDER_JOB, runAt: at, payload: { module, id, at }, idempotencyKey: keep });
    // A task reopened with the reminder it had: its job was cancelled on completion; plan it again.
    await tx.db
      .updateTable('jobs')
      .set({ status: 'pending', runAt: at, attempts: 0, doneAt: null, lastError: null, lockedBy: null, lockedUntil: null })
      .where('idempotencyKey', '=', keep)
      .where('status', '=', 'cancelled')
      .execute();
  }
}

/**
 * Delivers a reminder when it is due: only if the record still exists, is not completed and its
 * reminder is still this instant. The notification and the job's completion commit together,
 * and the notification's dedupe key keeps it single even if two processes ran the same job.
 */
export const deliverReminder: JobHandler = async (job, env) => {
  const { module, id, at } = job.payload as { module: string; id: string; at: number };
  const meta = await env.metaCache.get(env.database.db);
  const def = meta.modulesByName.get(module);
  if (!def) return 'cancelled';
  return env.database.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom(def.tableName).selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return 'cancelled';
    const reminderAt = row.reminderAt === null || row.reminderAt === undefined ? null : Number(row.reminderAt);
    if (reminderAt !== at || (module === 'tasks' && row.status === 'Completed')) return 'cancelled';
    const userId = row.owner as string | null;
    if (!userId) return 'cancelled';
    const due = module === 'tasks' ? row.dueAt : row.callStartAt;
    await notify(trx, env.clock, {
      userId,
      kind: 'reminder',
      title: String(row._name ?? row.subject ?? ''),
      ...(due !== null && due !== undefined ? { body: new Date(Number(due)).toISOString() } : {}),
      record: { module, id },
      dedupeKey: `${keyPrefix(module, id)}${at}`,
    });
    await markJobDone(trx, job, env.clock.now().getTime());
  });
};
