import type { Ctx } from '../../context.js';
import { invalidData, notFound } from '../../errors.js';
import { newId, newSecret } from '../../ids.js';
import { enqueue } from '../../jobs/index.js';
import { bumpMetaVersion, readMetaVersion } from '../../metadata/snapshot.js';
import type { AutomationRuleKind, ModuleDef } from '../../metadata/types.js';
import { PLAN_DATES_JOB } from '../workflow/date-trigger.js';
import { checkAssignmentRule } from './assignment.js';
import { checkBoolean, checkModule, checkName, type Json } from './common.js';
import { checkScoringRule } from './scoring.js';
import { checkValidationRule } from './validation.js';
import { checkWorkflowRule } from './workflow.js';

const CHECKERS: Record<AutomationRuleKind, (ctx: Ctx, module: ModuleDef, body: Json) => Promise<Json>> = {
  workflow: checkWorkflowRule,
  validation: checkValidationRule,
  assignment: checkAssignmentRule,
  scoring: checkScoringRule,
};
const HAS_ACTIVE: Record<AutomationRuleKind, boolean> = { workflow: true, validation: true, assignment: false, scoring: true };
export const MAX_RULES_PER_KIND = 500;
export const RESCORE_JOB = 'scoring.rescore';

interface RuleRow {
  id: string;
  kind: AutomationRuleKind;
  module: string;
  name: string;
  active: number;
  definition: string;
  secret: string | null;
  createdBy: string | null;
  createdAt: number;
  modifiedAt: number;
}

export function ruleRowToJson(r: RuleRow): Json {
  return {
    id: r.id,
    name: r.name,
    module: r.module,
    ...(HAS_ACTIVE[r.kind] ? { active: !!r.active } : {}),
    ...(JSON.parse(r.definition) as Json),
    createdAt: new Date(Number(r.createdAt)).toISOString(),
    modifiedAt: new Date(Number(r.modifiedAt)).toISOString(),
  };
}

export async function listRules(ctx: Ctx, kind: AutomationRuleKind, module?: string): Promise<Json[]> {
  let q = ctx.db.selectFrom('automation_rules').selectAll().where('kind', '=', kind);
  if (module) q = q.where('module', '=', module);
  return ((await q.orderBy('createdAt').orderBy('id').execute()) as RuleRow[]).map(ruleRowToJson);
}

async function rowOf(ctx: Ctx, kind: AutomationRuleKind, id: string): Promise<RuleRow> {
  const row = (await ctx.db.selectFrom('automation_rules').selectAll().where('id', '=', id).where('kind', '=', kind).executeTakeFirst()) as
    | RuleRow
    | undefined;
  if (!row) throw notFound(`The ${kind} rule '${id}'`);
  return row;
}

export async function getRule(ctx: Ctx, kind: AutomationRuleKind, id: string): Promise<Json> {
  return ruleRowToJson(await rowOf(ctx, kind, id));
}

/** Checks and stores a rule; the metadata version goes up so every process sees it. */
export async function createRule(ctx: Ctx, kind: AutomationRuleKind, body: Json): Promise<Json> {
  const { name, module, active, ...rest } = body;
  const m = checkModule(ctx, module);
  const row: RuleRow = {
    id: newId(ctx.clock.now().getTime()),
    kind,
    module: m.apiName,
    name: checkName(name),
    active: checkBoolean(active, 'active', true) ? 1 : 0,
    definition: JSON.stringify(await CHECKERS[kind](ctx, m, rest)),
    secret: kind === 'workflow' ? newSecret() : null,
    createdBy: ctx.user.id,
    createdAt: ctx.clock.now().getTime(),
    modifiedAt: ctx.clock.now().getTime(),
  };
  await ctx.db.transaction().execute(async (trx) => {
    const count = await trx
      .selectFrom('automation_rules')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('kind', '=', kind)
      .executeTakeFirst();
    if (Number(count?.n ?? 0) >= MAX_RULES_PER_KIND) throw invalidData(undefined, `At most ${MAX_RULES_PER_KIND} ${kind} rules`);
    await trx.insertInto('automation_rules').values(row).execute();
    await afterChange(ctx, trx, kind, m.apiName, row.id, row.definition);
  });
  // The webhook signing secret is shown once, here.
  return { ...ruleRowToJson(row), ...(row.secret ? { secret: row.secret } : {}) };
}

export async function updateRule(ctx: Ctx, kind: AutomationRuleKind, id: string, patch: Json): Promise<Json> {
  const current = await rowOf(ctx, kind, id);
  const merged = { ...ruleRowToJson(current), ...patch };
  if (patch.module !== undefined && patch.module !== current.module) throw invalidData('module', 'The module of a rule cannot change');
  const { name, module, active, id: _id, createdAt, modifiedAt, ...rest } = merged;
  const m = checkModule(ctx, module);
  const next = {
    name: checkName(name),
    active: checkBoolean(active, 'active', true) ? 1 : 0,
    definition: JSON.stringify(await CHECKERS[kind](ctx, m, rest)),
    modifiedAt: ctx.clock.now().getTime(),
  };
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('automation_rules').set(next).where('id', '=', id).execute();
    await afterChange(ctx, trx, kind, m.apiName, id, next.definition);
  });
  return ruleRowToJson({ ...current, ...next });
}

export async function deleteRule(ctx: Ctx, kind: AutomationRuleKind, id: string): Promise<void> {
  const current = await rowOf(ctx, kind, id);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('automation_rules').where('id', '=', id).execute();
    await afterChange(ctx, trx, kind, current.module);
  });
}

async function afterChange(
  ctx: Ctx,
  trx: Ctx['db'],
  kind: AutomationRuleKind,
  module: string,
  ruleId?: string,
  definition?: string,
): Promise<void> {
  await bumpMetaVersion(trx);
  // A date rule (new or changed) plans its next firing for every record; stale plans cancel themselves.
  if (kind === 'workflow' && ruleId && definition && (JSON.parse(definition) as { trigger?: { on?: string } }).trigger?.on === 'date') {
    const now = ctx.clock.now().getTime();
    await enqueue(trx, now, {
      kind: PLAN_DATES_JOB,
      payload: { ruleId },
      idempotencyKey: `plan-dates:${ruleId}:${await readMetaVersion(trx)}`,
    });
  }
  // Existing records are rescored in the background, with the rules as they are when it runs.
  if (kind === 'scoring') {
    const now = ctx.clock.now().getTime();
    await enqueue(trx, now, { kind: RESCORE_JOB, payload: { module }, idempotencyKey: `rescore:${module}:${await readMetaVersion(trx)}` });
  }
}

/** The signing secret of a workflow rule (webhooks). */
export async function ruleSecret(db: Ctx['db'], id: string): Promise<string | null> {
  const row = await db.selectFrom('automation_rules').select('secret').where('id', '=', id).executeTakeFirst();
  return (row?.secret as string | null) ?? null;
}
