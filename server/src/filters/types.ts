import type { DialectName } from '../db/connection.js';
import type { FieldDef, MetadataSnapshot, ModuleDef } from '../metadata/types.js';

/** The operators of API.md "Filters". */
export const FILTER_OPS = [
  'eq',
  'neq',
  'lt',
  'lte',
  'gt',
  'gte',
  'between',
  'in',
  'notIn',
  'contains',
  'notContains',
  'startsWith',
  'endsWith',
  'isEmpty',
  'isNotEmpty',
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
  'includesAny',
  'includesAll',
] as const;
export type FilterOp = (typeof FILTER_OPS)[number];

/**
 * How a condition compares values. Mostly the field type's `kind`, split further where the
 * comparison differs: picklists compare exactly (their values are canonical options), `id`
 * is the record's own id.
 */
export type CompareKind = 'text' | 'picklist' | 'number' | 'date' | 'datetime' | 'boolean' | 'ref' | 'multi' | 'opaque' | 'id';

/** What a condition looks at. */
export type Subject =
  | { source: 'id' }
  | { source: 'field'; field: FieldDef }
  /** The name of the record (or user) a lookup/user field points to: `account.name`. */
  | { source: 'relatedName'; field: FieldDef; table: string; nameColumn: string };

export type Scalar = string | number | boolean;

/**
 * A validated value in comparison form: text already folded when the condition folds,
 * numbers at storage scale (currency in minor units), datetimes as epoch milliseconds, dates as
 * 'YYYY-MM-DD'. References may hold ME, resolved against the acting user at evaluation time.
 */
export type Operand =
  | { type: 'none' }
  | { type: 'scalar'; value: Scalar }
  | { type: 'range'; from: Scalar; to: Scalar }
  | { type: 'list'; values: Scalar[] }
  | { type: 'days'; days: number };

/** The reference value that means "the acting user" (API.md: `"$me"` on owner/user fields). */
export const ME = '$me';

export interface FilterCondition {
  type: 'condition';
  /** The field path as written, e.g. `account.name`. */
  field: string;
  op: FilterOp;
  kind: CompareKind;
  subject: Subject;
  /** Compare case-insensitively: fold the stored value (the operand is folded already). */
  fold: boolean;
  operand: Operand;
}

export interface FilterGroup {
  type: 'and' | 'or';
  children: FilterNode[];
}

export type FilterNode = FilterCondition | FilterGroup;

/** What both evaluators need besides the filter: where, who and when. */
export interface FilterEnv {
  dialect: DialectName;
  module: ModuleDef;
  meta: MetadataSnapshot;
  /** The acting user, for `$me`. */
  userId: string;
  now: Date;
  /** IANA zone in which relative dates ("today", "thisWeek") are computed. */
  timeZone: string;
  /** Qualifies the module's columns when the query joins or aliases the record table. */
  tableAlias?: string;
}
