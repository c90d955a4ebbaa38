import type { CompareKind, FilterOp } from './types.js';

const EQUALITY: FilterOp[] = ['eq', 'neq', 'in', 'notIn'];
const ORDER: FilterOp[] = ['lt', 'lte', 'gt', 'gte', 'between'];
const STRING: FilterOp[] = ['contains', 'notContains', 'startsWith', 'endsWith'];
const EMPTINESS: FilterOp[] = ['isEmpty', 'isNotEmpty'];

export const RELATIVE_DATE_OPS = [
  'today',
  'yesterday',
  'tomorrow',
  'thisWeek',
  'lastWeek',
  'thisMonth',
  'lastMonth',
  'thisQuarter',
  'thisYear',
  'lastNDays',
  'nextNDays',
  'olderThanNDays',
] as const satisfies readonly FilterOp[];
export type RelativeDateOp = (typeof RELATIVE_DATE_OPS)[number];

/**
 * Which operators fit which kind of value. Picklists have no order (their options are not
 * sorted by text) but can be searched as text; booleans are never empty; opaque values
 * (address, formula, file, participants) can only be tested for emptiness.
 */
export const OPS_BY_KIND: Readonly<Record<CompareKind, readonly FilterOp[]>> = {
  text: [...EQUALITY, ...ORDER, ...STRING, ...EMPTINESS],
  picklist: [...EQUALITY, ...STRING, ...EMPTINESS],
  number: [...EQUALITY, ...ORDER, ...EMPTINESS],
  date: [...EQUALITY, ...ORDER, ...EMPTINESS, ...RELATIVE_DATE_OPS],
  datetime: [...EQUALITY, ...ORDER, ...EMPTINESS, ...RELATIVE_DATE_OPS],
  boolean: ['eq', 'neq'],
  ref: [...EQUALITY, ...EMPTINESS],
  multi: ['includesAny', 'includesAll', ...EMPTINESS],
  opaque: EMPTINESS,
  id: EQUALITY,
};

export const opFits = (kind: CompareKind, op: FilterOp) => OPS_BY_KIND[kind].includes(op);

export const isRelativeDateOp = (op: FilterOp): op is RelativeDateOp => (RELATIVE_DATE_OPS as readonly FilterOp[]).includes(op);

export type OperandShape = 'none' | 'scalar' | 'range' | 'list' | 'days';

export function operandShape(op: FilterOp): OperandShape {
  switch (op) {
    case 'between':
      return 'range';
    case 'in':
    case 'notIn':
    case 'includesAny':
    case 'includesAll':
      return 'list';
    case 'lastNDays':
    case 'nextNDays':
    case 'olderThanNDays':
      return 'days';
    case 'isEmpty':
    case 'isNotEmpty':
      return 'none';
    default:
      return isRelativeDateOp(op) ? 'none' : 'scalar';
  }
}

/**
 * The NULL semantics, decided once for both evaluators: an empty value (null, absent, '' or
 * an empty multi-select) is "not equal to", "not in" and "does not contain" anything, so the
 * negative operators match it; every other operator (order, ranges, relative dates, in,
 * contains, ...) never matches it. This keeps `eq x` and `neq x` complementary.
 */
export function matchesEmpty(op: FilterOp): boolean {
  return op === 'neq' || op === 'notIn' || op === 'notContains' || op === 'isEmpty';
}
