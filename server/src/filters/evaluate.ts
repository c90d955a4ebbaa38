import { fold } from '../db/fold.js';
import { listOf, rangeOf, scalarOf, spanOf } from './operand.js';
import { isRelativeDateOp, matchesEmpty } from './operators.js';
import { comparableValue } from './record-value.js';
import { compareCodePoints } from './text-order.js';
import type { FilterCondition, FilterEnv, FilterNode, Scalar } from './types.js';

/**
 * The in-memory evaluator (workflow, scoring, validation and assignment criteria). It must
 * select exactly what `filterToSql` selects; the property test in server/test holds both to it.
 */
export function matchesRecord(node: FilterNode, record: Readonly<Record<string, unknown>>, env: FilterEnv): boolean {
  switch (node.type) {
    case 'and':
      return node.children.every((child) => matchesRecord(child, record, env));
    case 'or':
      return node.children.some((child) => matchesRecord(child, record, env));
    case 'condition':
      return matchesCondition(node, record, env);
  }
}

function matchesCondition(c: FilterCondition, record: Readonly<Record<string, unknown>>, env: FilterEnv): boolean {
  const value = comparableValue(c, record);
  if (c.kind === 'boolean') return (value === scalarOf(c, env)) === (c.op === 'eq');
  if (value === null) return matchesEmpty(c.op);
  if (c.op === 'isEmpty' || c.op === 'isNotEmpty') return c.op === 'isNotEmpty';
  if (Array.isArray(value)) return includes(c, value, env);
  const v = value as Scalar;
  return testPresent(c, c.fold ? fold(String(v)) : v, env);
}

function includes(c: FilterCondition, stored: readonly string[], env: FilterEnv): boolean {
  const wanted = listOf(c, env);
  // Folded like the SQL side for tags; multiselect options compare exactly.
  const options = c.fold ? stored.map(fold) : stored;
  return c.op === 'includesAll' ? wanted.every((w) => options.includes(String(w))) : wanted.some((w) => options.includes(String(w)));
}

/** Compares a non-empty value with the operand. */
function testPresent(c: FilterCondition, v: Scalar, env: FilterEnv): boolean {
  if (isRelativeDateOp(c.op)) {
    const span = spanOf(c, env);
    return (span.from === undefined || compare(v, span.from) >= 0) && (span.to === undefined || compare(v, span.to) < 0);
  }
  switch (c.op) {
    case 'eq':
      return compare(v, scalarOf(c, env)) === 0;
    case 'neq':
      return compare(v, scalarOf(c, env)) !== 0;
    case 'lt':
      return compare(v, scalarOf(c, env)) < 0;
    case 'lte':
      return compare(v, scalarOf(c, env)) <= 0;
    case 'gt':
      return compare(v, scalarOf(c, env)) > 0;
    case 'gte':
      return compare(v, scalarOf(c, env)) >= 0;
    case 'between': {
      const [from, to] = rangeOf(c, env);
      return compare(v, from) >= 0 && compare(v, to) <= 0;
    }
    case 'in':
      return listOf(c, env).some((x) => compare(v, x) === 0);
    case 'notIn':
      return !listOf(c, env).some((x) => compare(v, x) === 0);
    case 'contains':
      return String(v).includes(String(scalarOf(c, env)));
    case 'notContains':
      return !String(v).includes(String(scalarOf(c, env)));
    case 'startsWith':
      return String(v).startsWith(String(scalarOf(c, env)));
    case 'endsWith':
      return String(v).endsWith(String(scalarOf(c, env)));
    default:
      throw new Error(`'${c.op}' cannot compare a ${c.kind} value`);
  }
}

/** Numbers by value, text by code point (as SQLite's BINARY and PostgreSQL's "C" collation). */
function compare(a: Scalar, b: Scalar): number {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  return compareCodePoints(String(a), String(b));
}
