import type { Ctx } from '../../context.js';
import { withDb } from '../../context.js';
import { DomainError } from '../../errors.js';
import { criteriaMatch } from '../../filters/index.js';
import { type Job, type JobEnv, type JobHandler, markJobDone } from '../../jobs/index.js';
import { getRecord } from '../../records/index.js';
import { actingUser } from './acting-user.js';
import { ACTIONS } from './actions/index.js';
import { actionAt, actionKey } from './decide.js';
import { setActionOutcome } from './run-log.js';
import type { ActionRef, WorkflowDefinition } from './types.js';

interface ActionPayload {
  runId: string;
  ruleId: string;
  module: string;
  recordId: string;
  ref: ActionRef;
  scheduled: boolean;
  depth: number;
  event: string;
  deletedRecord?: Record<string, unknown>;
  userId: string | null;
}

/** Runs one workflow action (a job): re-checks a scheduled one, runs it, logs its outcome. */
export const runWorkflowAction: JobHandler = async (job: Job, env: JobEnv) => {
  const p = job.payload as unknown as ActionPayload;
  const { db, dialect } = env.database;
  const meta = await env.metaCache.get(db);
  const rule = meta.rules.find((r) => r.id === p.ruleId && r.kind === 'workflow');
  const action = rule && actionAt(rule.definition as unknown as WorkflowDefinition, p.ref);
  const user = await actingUser(env, [p.userId, rule?.createdBy]);
  const module = meta.modulesByName.get(p.module);
  const cancel = async (why: string) => {
    await setActionOutcome(db, dialect, p.runId, p.ref, 'cancelled', why);
    return 'cancelled' as const;
  };
  if (!rule || !rule.active || !action || !user || !module)
    return cancel('the rule, its action or its module no longer exists or is inactive');
  const ctx: Ctx = { db, dialect, meta, user, clock: env.clock, automation: { depth: p.depth + 1, ruleId: rule.id } };
  let record: Record<string, unknown>;
  try {
    record = p.deletedRecord ?? (await getRecord(ctx, p.module, p.recordId));
  } catch (err) {
    if (err instanceof DomainError && err.code === 'NOT_FOUND') return cancel('the record no longer exists');
    throw err;
  }
  if (p.scheduled) {
    const condition = (rule.definition as unknown as WorkflowDefinition).conditions[p.ref.condition];
    const env2 = { meta, module, dialect, userId: user.id, now: env.clock.now() };
    if (!criteriaMatch(condition.criteria, record, env2)) return cancel('the record no longer matches the condition');
  }
  const kind = ACTIONS[action.type];
  const input = {
    ctx,
    config: env.config,
    action,
    module: p.module,
    record,
    event: p.event,
    ruleId: rule.id,
    idempotencyKey: job.idempotencyKey ?? actionKey(rule.id, job.id, p.ref),
  };
  try {
    if (kind.transactional) {
      // The effect, the job's completion and the log commit together: a retry never repeats it.
      await db.transaction().execute(async (trx) => {
        await kind.run({ ...input, ctx: withDb(ctx, trx) });
        await setActionOutcome(trx, dialect, p.runId, p.ref, 'done');
        await markJobDone(trx, job, env.clock.now().getTime());
      });
    } else {
      await kind.run(input);
      await setActionOutcome(db, dialect, p.runId, p.ref, 'done');
    }
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    // A rejected write (validation, permissions) will not succeed on retry: log it and stop.
    if (err instanceof DomainError) {
      await setActionOutcome(db, dialect, p.runId, p.ref, 'failed', `${err.code}: ${message}`);
      return;
    }
    await setActionOutcome(db, dialect, p.runId, p.ref, job.attempts >= job.maxAttempts ? 'failed' : 'retrying', message);
    throw err;
  }
};
