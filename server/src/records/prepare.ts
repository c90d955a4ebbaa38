import type { Ctx } from '../context.js';
import type { ModuleDef } from '../metadata/types.js';
import { applyAutomationRules } from './automation-rules.js';
import { writeRuleOf } from './module-rules/index.js';
import { recordNameOf } from './names.js';
import { type RecordValues, applyDefaults, checkRequired, parseInput } from './values.js';

export interface PreparedCreate {
  values: RecordValues;
  name: string | null;
}

/** Everything about a new record that needs no database: parse, defaults, owner, rules, required. */
export function prepareCreate(ctx: Ctx, module: ModuleDef, input: unknown): PreparedCreate {
  const given = parseInput(module, input, null);
  const values = applyDefaults(module, given);
  if (values.owner == null) values.owner = { id: ctx.user.id, name: ctx.user.name };
  writeRuleOf(module.apiName)?.(ctx, values, null, new Set(Object.keys(given)));
  checkRequired(module, values);
  applyAutomationRules(ctx, module, values, null);
  return { values, name: recordNameOf(module, values) };
}

export interface PreparedUpdate {
  next: RecordValues;
  given: Set<string>;
  name: string | null;
}

/**
 * The record after applying a change to `current`, with rules applied and required checked.
 * `systemValues` are trusted values the server sets itself (read-only fields included).
 */
export function prepareUpdate(
  ctx: Ctx,
  module: ModuleDef,
  current: RecordValues,
  input: unknown,
  systemValues: RecordValues = {},
  id: string | null = null,
): PreparedUpdate {
  const parsed = parseInput(module, input, current);
  const given = new Set(Object.keys(parsed));
  const next = { ...current, ...parsed, ...systemValues };
  writeRuleOf(module.apiName)?.(ctx, next, current, given);
  checkRequired(module, next, given);
  applyAutomationRules(ctx, module, next, id);
  return { next, given, name: recordNameOf(module, next) };
}
