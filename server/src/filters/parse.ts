import { DomainError, invalidFilter } from '../errors.js';
import type { MetadataSnapshot, ModuleDef } from '../metadata/types.js';
import { opFits } from './operators.js';
import { resolveSubject } from './subject.js';
import { type CompareKind, FILTER_OPS, type FilterCondition, type FilterNode, type FilterOp, type Operand } from './types.js';
import { parseOperand } from './values.js';

export const MAX_DEPTH = 10;
export const MAX_CONDITIONS = 200;
/** Bound parameters a filter may bring to one statement; well under SQLite's 32766 and PostgreSQL's 65535. */
export const MAX_FILTER_VALUES = 10000;

const STRING_OPS: readonly FilterOp[] = ['contains', 'notContains', 'startsWith', 'endsWith'];

interface Budget {
  conditions: number;
  values: number;
}

/**
 * Validates a filter as given in JSON (API.md "Filters") against a module's metadata and returns
 * the tree both evaluators run. Every problem is an INVALID_FILTER naming the field (and
 * operator) when there is one, and `path` locating the node, e.g. `and[1].or[0]`.
 */
export function parseFilter(input: unknown, module: ModuleDef, meta: MetadataSnapshot): FilterNode {
  return parseNode(input, module, meta, { conditions: 0, values: 0 }, 0, '$');
}

function parseNode(input: unknown, module: ModuleDef, meta: MetadataSnapshot, budget: Budget, depth: number, path: string): FilterNode {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw invalidFilter('A filter must be a condition {"field", "op", "value"} or a group {"and": [...]} / {"or": [...]}', { path });
  }
  const obj = input as Record<string, unknown>;
  if ('and' in obj || 'or' in obj) return parseGroup(obj, module, meta, budget, depth + 1, path);
  return parseCondition(obj, module, meta, budget, path);
}

function parseGroup(
  obj: Record<string, unknown>,
  module: ModuleDef,
  meta: MetadataSnapshot,
  budget: Budget,
  depth: number,
  path: string,
): FilterNode {
  const keys = Object.keys(obj);
  if (keys.length !== 1) throw invalidFilter('A group has exactly one key, "and" or "or"', { path });
  const type = keys[0] as 'and' | 'or';
  const children = obj[type];
  if (!Array.isArray(children) || children.length === 0) {
    throw invalidFilter(`"${type}" needs a non-empty array of conditions or groups`, { path });
  }
  if (depth > MAX_DEPTH) throw invalidFilter(`Filters may nest at most ${MAX_DEPTH} groups deep`, { path });
  const base = path === '$' ? '' : `${path}.`;
  return {
    type,
    children: children.map((c, i) => parseNode(c, module, meta, budget, depth, `${base}${type}[${i}]`)),
  };
}

function parseCondition(
  obj: Record<string, unknown>,
  module: ModuleDef,
  meta: MetadataSnapshot,
  budget: Budget,
  path: string,
): FilterCondition {
  const { field, op, value } = obj;
  if (typeof field !== 'string' || field === '') throw invalidFilter('A condition needs "field" (a field API name)', { path });
  const extra = Object.keys(obj).find((k) => k !== 'field' && k !== 'op' && k !== 'value');
  if (extra) throw invalidFilter(`A condition has only "field", "op" and "value", not "${extra}"`, { field, path });
  const { subject, kind } = withPath(() => resolveSubject(field, module, meta), path);
  if (typeof op !== 'string' || !(FILTER_OPS as readonly string[]).includes(op)) {
    throw invalidFilter(`Unknown operator '${String(op)}' on '${field}'`, { field, op: String(op), path });
  }
  const filterOp = op as FilterOp;
  if (!opFits(kind, filterOp)) {
    throw invalidFilter(`The operator '${op}' does not fit the field '${field}'`, { field, op, path });
  }
  const fold = foldsFor(kind, filterOp) || (subject.source === 'field' && subject.field.type === 'tags');
  const operand = withPath(() => parseOperand(value, { path: field, op: filterOp, kind, subject, fold }), path);
  count(budget, operand, { field, op: filterOp, path });
  return { type: 'condition', field, op: filterOp, kind, subject, fold, operand };
}

/** Adds where the problem is to errors raised by helpers that only know the field. */
function withPath<T>(step: () => T, path: string): T {
  try {
    return step();
  } catch (e) {
    if (e instanceof DomainError) e.details.path ??= path;
    throw e;
  }
}

/**
 * Text compares case-insensitively; picklists compare exactly (canonical options) except when searched
 * as text. Free-text tags (a multi kind) always compare folded: "VIP" and "vip" are one tag.
 */
function foldsFor(kind: CompareKind, op: FilterOp): boolean {
  return kind === 'text' || (kind === 'picklist' && STRING_OPS.includes(op));
}

function count(budget: Budget, operand: Operand, at: { field: string; op: FilterOp; path: string }): void {
  budget.conditions++;
  budget.values += operand.type === 'list' ? operand.values.length : 2;
  if (budget.conditions > MAX_CONDITIONS) {
    throw invalidFilter(`A filter may have at most ${MAX_CONDITIONS} conditions`, at);
  }
  if (budget.values > MAX_FILTER_VALUES) {
    throw invalidFilter(`A filter may compare with at most ${MAX_FILTER_VALUES} values in all`, at);
  }
}
