import type { Ctx } from '../../context.js';
import type { Db } from '../../db/connection.js';
import { DomainError } from '../../errors.js';
import { localDate } from '../../filters/index.js';
import { zoneOffset } from '../../filters/time-zone.js';
import { enqueue, type JobHandler, markJobDone } from '../../jobs/index.js';
import type { AutomationRuleDef, MetadataSnapshot } from '../../metadata/types.js';
import { getRecord, listRecords } from '../../records/index.js';
import { actingUser } from './acting-user.js';
import { dateTriggerTime } from './decide.js';
import { fireRule } from './fire.js';
import type { WorkflowDefinition } from './types.js';

export const DATE_JOB = 'workflow.dateTrigger';
export const PLAN_DATES_JOB = 'workflow.planDates';

/**
 * When a date rule fires for a record, after `now`: the date field's local day (in the
 * organisation's zone) ± offsetDays at the rule's time; null when the field is empty or, without
 * yearly repeat, the moment has passed.
 */
export function dueTimeOf(meta: MetadataSnapshot, def: WorkflowDefinition, record: Record<string, unknown>, now: number): number | null {
  const spec = def.trigger.date;
  if (!spec) return null;
  const zone = meta.org.timeZone;
  let value = record[spec.field];
  // A date-time field counts by its day in the organisation's zone.
  if (typeof value === 'string' && value.length > 10) value = localDate(Date.parse(value), zone);
  const t = dateTriggerTime(value, spec, now, (local) => zoneOffset(local, zone));
  return t !== null && t > now ? t : null;
}

/** Queues the rule's next firing for the record (once per moment: the idempotency key holds it). */
export async function planDateTrigger(
  db: Db,
  meta: MetadataSnapshot,
  rule: AutomationRuleDef,
  recordId: string,
  record: Record<string, unknown>,
  now: number,
): Promise<void> {
  const due = dueTimeOf(meta, rule.definition as unknown as WorkflowDefinition, record, now);
  if (due === null) return;
  await enqueue(db, now, {
    kind: DATE_JOB,
    runAt: due,
    idempotencyKey: `date:${rule.id}:${recordId}:${due}`,
    payload: { ruleId: rule.id, module: rule.module, recordId, at: due },
  });
}

/**
 * A date rule comes due for a record. If the record, its date or the rule changed since this was
 * planned (so it would now be due at another moment), it is cancelled: the change planned anew.
 */
export const runDateTrigger: JobHandler = async (job, env) => {
  const p = job.payload as { ruleId: string; module: string; recordId: string; at: number };
  const { db, dialect } = env.database;
  const meta = await env.metaCache.get(db);
  const rule = meta.rules.find((r) => r.id === p.ruleId && r.kind === 'workflow');
  const def = rule?.definition as unknown as WorkflowDefinition | undefined;
  const module = meta.modulesByName.get(p.module);
  if (!rule || !def || !rule.active || def.trigger.on !== 'date' || !module) return 'cancelled';
  const user = await actingUser(env, [rule.createdBy]);
  if (!user) return 'cancelled';
  const ctx: Ctx = { db, dialect, meta, user, clock: env.clock };
  let record: Record<string, unknown>;
  try {
    record = await getRecord(ctx, p.module, p.recordId);
  } catch (err) {
    if (err instanceof DomainError && err.code === 'NOT_FOUND') return 'cancelled';
    throw err;
  }
  if (dueTimeOf(meta, def, record, p.at - 1) !== p.at) return 'cancelled';
  const now = env.clock.now().getTime();
  await db.transaction().execute(async (trx) => {
    await fireRule(trx, dialect, meta, rule, {
      module,
      recordId: p.recordId,
      record,
      trigger: 'date',
      event: 'date',
      eventSeq: null,
      origin: `date-${p.recordId}-${p.at}`,
      depth: 0,
      at: now,
      userId: null,
    });
    if (def.trigger.date?.repeat === 'yearly') await planDateTrigger(trx, meta, rule, p.recordId, record, p.at);
    await markJobDone(trx, job, now);
  });
};

/** After a date rule is saved: plans its next firing for every record with a date (the job is idempotent). */
export const planAllDates: JobHandler = async (job, env) => {
  const { db, dialect } = env.database;
  const meta = await env.metaCache.get(db);
  const rule = meta.rules.find((r) => r.id === job.payload.ruleId && r.kind === 'workflow');
  const def = rule?.definition as unknown as WorkflowDefinition | undefined;
  if (!rule || !def || !rule.active || def.trigger.on !== 'date' || !def.trigger.date) return;
  const user = await actingUser(env, []);
  if (!user) return;
  const ctx: Ctx = { db, dialect, meta, user, clock: env.clock };
  const field = def.trigger.date.field;
  let cursor: string | undefined;
  do {
    const page = await listRecords(ctx, rule.module, { filter: { field, op: 'isNotEmpty' }, fields: field, perPage: 200, cursor });
    // Moments after the rule was saved count, even if this job runs later (they fire at once).
    for (const r of page.data) await planDateTrigger(db, meta, rule, r.id as string, r, job.createdAt);
    cursor = page.info.moreRecords ? page.info.nextCursor : undefined;
  } while (cursor);
};
