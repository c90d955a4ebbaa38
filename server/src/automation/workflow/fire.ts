import type { Db, DialectName } from '../../db/connection.js';
import { criteriaMatch, type FilterEnv } from '../../filters/index.js';
import { enqueue } from '../../jobs/index.js';
import type { AutomationRuleDef, MetadataSnapshot, ModuleDef } from '../../metadata/types.js';
import { actionKey, firstMatchingCondition, MAX_DEPTH, planActions } from './decide.js';
import { INLINE_TYPES, type InlineBatch } from './inline.js';
import { type RunRow, startRun } from './run-log.js';
import type { WorkflowDefinition } from './types.js';

export const ACTION_JOB = 'workflow.action';

/** One firing of a rule on a record: a record event, or a date trigger coming due. */
export interface Firing {
  module: ModuleDef;
  recordId: string;
  /** The record in API shape, as the event saw it. */
  record: Record<string, unknown>;
  /** create, edit, delete, restore or date: shown in the run log. */
  trigger: string;
  /** The event type actions see (a webhook's `event`): created, updated, deleted, restored, date. */
  event: string;
  eventSeq: number | null;
  /** Unique per firing of a rule on a record: keys the action jobs (never run twice). */
  origin: string | number;
  depth: number;
  at: number;
  userId: string | null;
  /** What criteria are evaluated with; an event firing many rules makes it once (criteriaEnvOf). */
  criteriaEnv?: FilterEnv;
  /** The matching condition, when the caller found it already (see matchingCondition). */
  condition?: number;
}

/** The index of the rule's first condition the firing's record matches, or -1. */
export function matchingCondition(
  meta: MetadataSnapshot,
  dialect: DialectName,
  rule: AutomationRuleDef,
  f: Pick<Firing, 'module' | 'userId' | 'at' | 'record' | 'criteriaEnv'>,
): number {
  const env = f.criteriaEnv ?? criteriaEnvOf(meta, dialect, f);
  return firstMatchingCondition(rule.definition as unknown as WorkflowDefinition, (criteria) => criteriaMatch(criteria, f.record, env));
}

export const criteriaEnvOf = (meta: MetadataSnapshot, dialect: DialectName, f: Pick<Firing, 'module' | 'userId' | 'at'>): FilterEnv => ({
  meta,
  module: f.module,
  dialect,
  userId: f.userId ?? '',
  now: new Date(f.at),
  timeZone: meta.org.timeZone,
});

/**
 * Runs the first matching condition of a rule for one firing, in the caller's transaction: a run
 * is logged and every action becomes a job (instant: due now; scheduled: due after its delay).
 * Past the depth limit the run is logged as stopped and nothing is queued.
 */
export async function fireRule(
  db: Db,
  dialect: DialectName,
  meta: MetadataSnapshot,
  rule: AutomationRuleDef,
  f: Firing,
  batch?: InlineBatch,
): Promise<void> {
  const def = rule.definition as unknown as WorkflowDefinition;
  const ci = f.condition ?? matchingCondition(meta, dialect, rule, f);
  if (ci < 0) return;
  const planned = planActions(def.conditions[ci], ci, f.at);
  const run: Omit<RunRow, 'id'> = {
    ruleId: rule.id,
    module: f.module.apiName,
    recordId: f.recordId,
    trigger: f.trigger,
    eventSeq: f.eventSeq,
    condition: ci,
    depth: f.depth,
    at: f.at,
    status: 'started',
    actions: [],
  };
  if (f.depth >= MAX_DEPTH) {
    // A rule's write triggered rules MAX_DEPTH times in a row: a loop, most likely. Stop here.
    run.status = 'stopped';
    run.actions = planned.map((p) => ({
      ...p.ref,
      type: p.action.type,
      status: 'cancelled' as const,
      error: `depth limit ${MAX_DEPTH} reached`,
    }));
    await startRun(db, run);
    return;
  }
  const actions = planned.map((p) => ({
    condition: p.ref.condition,
    group: p.ref.group,
    index: p.ref.index,
    type: p.action.type,
    status: p.scheduled ? ('scheduled' as const) : ('pending' as const),
  }));
  run.actions = actions;
  // With a batch (a write's rules), instant record writes run with it (see InlineBatch); the rest are jobs.
  const inline = (p: (typeof planned)[number]) =>
    batch !== undefined && !p.scheduled && f.event !== 'deleted' && INLINE_TYPES.has(p.action.type);
  let runId: string;
  if (batch) {
    const pending = batch.addRun(run);
    runId = pending.row.id;
    for (const [i, p] of planned.entries()) {
      if (!inline(p)) continue;
      batch.addAction({
        run: pending,
        logged: actions[i],
        ref: p.ref,
        action: p.action,
        module: f.module.apiName,
        record: f.record,
        ruleId: rule.id,
        userId: f.userId,
        ruleAuthor: rule.createdBy,
        depth: f.depth,
      });
    }
  } else runId = await startRun(db, run);
  const jobs = planned
    .filter((p) => !inline(p))
    .map((p) => ({
      kind: ACTION_JOB,
      runAt: p.runAt,
      maxAttempts: p.action.type === 'webhook' ? 6 : 3,
      idempotencyKey: actionKey(rule.id, f.origin, p.ref),
      payload: {
        runId,
        ruleId: rule.id,
        module: f.module.apiName,
        recordId: f.recordId,
        ref: p.ref,
        scheduled: p.scheduled,
        depth: f.depth,
        event: f.event,
        deletedRecord: f.event === 'deleted' ? f.record : undefined,
        userId: f.userId,
      },
    }));
  if (batch) batch.addJobs(jobs);
  else await enqueue(db, f.at, jobs);
}
