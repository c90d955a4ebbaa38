import type { Field } from '../../api/types';

/**
 * Which filter operators fit which kind of field. A copy of the server's table: keep it in step with
 * server/src/filters/operators.ts (OPS_BY_KIND, operandShape) and server/src/filters/subject.ts (kindOf).
 */
export type FilterOp =
  | 'eq'
  | 'neq'
  | 'in'
  | 'notIn'
  | 'lt'
  | 'lte'
  | 'gt'
  | 'gte'
  | 'between'
  | 'contains'
  | 'notContains'
  | 'startsWith'
  | 'endsWith'
  | 'isEmpty'
  | 'isNotEmpty'
  | 'includesAny'
  | 'includesAll'
  | RelativeDateOp;

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
] as const;
export type RelativeDateOp = (typeof RELATIVE_DATE_OPS)[number];

export type CompareKind = 'text' | 'picklist' | 'number' | 'date' | 'datetime' | 'boolean' | 'ref' | 'multi' | 'opaque' | 'id';

const EQUALITY: FilterOp[] = ['eq', 'neq', 'in', 'notIn'];
const ORDER: FilterOp[] = ['lt', 'lte', 'gt', 'gte', 'between'];
const STRING: FilterOp[] = ['contains', 'notContains', 'startsWith', 'endsWith'];
const EMPTINESS: FilterOp[] = ['isEmpty', 'isNotEmpty'];

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

/** The compare kind of a field type (server/src/metadata/field-types/*: `kind`). */
export function kindOfField(field: Pick<Field, 'type'>): CompareKind {
  switch (field.type) {
    case 'picklist':
      return 'picklist';
    case 'integer':
    case 'bigint':
    case 'decimal':
    case 'currency':
    case 'percent':
    case 'autonumber':
      return 'number';
    case 'date':
      return 'date';
    case 'datetime':
      return 'datetime';
    case 'boolean':
      return 'boolean';
    case 'lookup':
    case 'user':
    case 'relatedTo':
      return 'ref';
    case 'multiselect':
    case 'tags':
      return 'multi';
    case 'address':
    case 'formula':
    case 'file':
    case 'participants':
      return 'opaque';
    default:
      return 'text';
  }
}

export const operatorsFor = (field: Pick<Field, 'type'>): readonly FilterOp[] => OPS_BY_KIND[kindOfField(field)];

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
      return (RELATIVE_DATE_OPS as readonly string[]).includes(op) ? 'none' : 'scalar';
  }
}
