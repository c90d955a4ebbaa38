import { isRelativeDateOp, type RelativeDateOp } from './operators.js';
import { relativeSpan } from './relative-dates.js';
import { type FilterCondition, type FilterEnv, ME, type Operand, type Scalar } from './types.js';

/**
 * Reads a condition's operand for both evaluators. The parser guarantees each operator's shape,
 * so a mismatch here is a programming error, not bad input.
 */
const resolve = (v: Scalar, env: FilterEnv): Scalar => (v === ME ? env.userId : v);

export function scalarOf(c: FilterCondition, env: FilterEnv): Scalar {
  const o = expect(c.operand, 'scalar');
  return resolve(o.value, env);
}

export function rangeOf(c: FilterCondition, env: FilterEnv): [Scalar, Scalar] {
  const o = expect(c.operand, 'range');
  return [resolve(o.from, env), resolve(o.to, env)];
}

export function listOf(c: FilterCondition, env: FilterEnv): Scalar[] {
  const o = expect(c.operand, 'list');
  return [...new Set(o.values.map((v) => resolve(v, env)))];
}

/** The span a relative date operator covers now, in the field's comparison form. */
export function spanOf(c: FilterCondition, env: FilterEnv): { from?: Scalar; to?: Scalar } {
  if (!isRelativeDateOp(c.op) || (c.kind !== 'date' && c.kind !== 'datetime')) {
    throw new Error(`'${c.op}' is not a relative date condition`);
  }
  const days = c.operand.type === 'days' ? c.operand.days : 0;
  return relativeSpan(c.kind, c.op as RelativeDateOp, days, env.now, env.timeZone);
}

function expect<T extends Operand['type']>(operand: Operand, type: T): Extract<Operand, { type: T }> {
  if (operand.type !== type) throw new Error(`expected a ${type} operand, got ${operand.type}`);
  return operand as Extract<Operand, { type: T }>;
}
