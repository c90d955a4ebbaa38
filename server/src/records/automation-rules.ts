import type { Ctx } from '../context.js';
import { DomainError } from '../errors.js';
import { criteriaMatch } from '../filters/index.js';
import type { AutomationRuleDef, MetadataSnapshot, ModuleDef } from '../metadata/types.js';
import type { RecordValues } from './values.js';

/**
 * The automation rules a write obeys in the same step as the module's own rules, from the
 * metadata snapshot (no query per write): validation rules reject, scoring rules set `score`.
 */
export function applyAutomationRules(ctx: Ctx, module: ModuleDef, values: RecordValues, id: string | null): void {
  const rules = activeRulesOf(ctx.meta, module.apiName);
  if (rules.length === 0) return;
  const env = { meta: ctx.meta, module, dialect: ctx.dialect, userId: ctx.user.id, now: ctx.clock.now() };
  const record = id ? { ...values, id } : values;
  if (module.fieldsByName.has('score') && rules.some((r) => r.kind === 'scoring')) {
    applyScoresOnly(ctx, module, record);
    values.score = record.score;
  }
  for (const r of rules) {
    if (r.kind !== 'validation' || !criteriaMatch(r.definition.criteria, record, env)) continue;
    const field = r.definition.field as string | undefined;
    throw new DomainError('VALIDATION_RULE', String(r.definition.message), { ...(field ? { field } : {}), rule: r.id });
  }
}

// Active validation and scoring rules by module, once per metadata snapshot (snapshots are
// immutable; every write asks). Workflow rules are not these: a module with many of them and none
// of these costs a write nothing here.
const byModule = new WeakMap<MetadataSnapshot, Map<string, AutomationRuleDef[]>>();
function activeRulesOf(meta: MetadataSnapshot, module: string): readonly AutomationRuleDef[] {
  let map = byModule.get(meta);
  if (!map) {
    map = new Map();
    for (const r of meta.rules) {
      if (r.active && (r.kind === 'validation' || r.kind === 'scoring')) map.set(r.module, [...(map.get(r.module) ?? []), r]);
    }
    byModule.set(meta, map);
  }
  return map.get(module) ?? [];
}

/** The score of a record under the module's active scoring rules (used by rescoring). */
export function scoreOf(ctx: Ctx, module: ModuleDef, record: RecordValues): number {
  const copy = { ...record };
  applyScoresOnly(ctx, module, copy);
  return Number(copy.score ?? 0);
}

function applyScoresOnly(ctx: Ctx, module: ModuleDef, values: RecordValues): void {
  const env = { meta: ctx.meta, module, dialect: ctx.dialect, userId: ctx.user.id, now: ctx.clock.now() };
  let score = 0;
  for (const r of ctx.meta.rules) {
    if (r.kind !== 'scoring' || r.module !== module.apiName || !r.active) continue;
    for (const e of (r.definition.entries ?? []) as { criteria: unknown; points: number }[]) {
      if (criteriaMatch(e.criteria, values, env)) score += e.points;
    }
  }
  values.score = score;
}
