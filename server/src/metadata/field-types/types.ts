import type { FieldDef, FieldTypeName } from '../types.js';

/** How a filter compares values of a type; the filters module switches over this. */
export type ValueKind = 'text' | 'number' | 'date' | 'datetime' | 'boolean' | 'ref' | 'multi' | 'opaque';

export type ColumnKind = 'text' | 'integer' | 'bigint' | 'real';

export interface ColumnSpec {
  /** '' is the field's own column (named by its API name); others are `${apiName}__${suffix}`. */
  suffix: string;
  kind: ColumnKind;
}

/** A reference from a value to another record (or user) that must exist. */
export interface ValueReference {
  module: string; // a module API name, or 'users'
  id: string;
  field: string;
}

/** Context a type may need to judge a value: what the record holds now (for retired options). */
export interface ParseContext {
  current: unknown;
}

export interface FieldType {
  name: FieldTypeName;
  kind: ValueKind;
  columns: readonly ColumnSpec[];
  /** Turns an API input into the canonical API value (null for empty) or throws INVALID_DATA. */
  parse(input: unknown, field: FieldDef, pc: ParseContext): unknown;
  /** Canonical API value → column values. */
  toRow(value: unknown, field: FieldDef): Record<string, unknown>;
  /**
   * For a type stored in one column named by the field: canonical API value → that column's value
   * (what toRow gives, without an object per value: bulk writes convert thousands).
   */
  toColumn?(value: unknown): unknown;
  /** Column values → API value (references come back with name null; the reader fills names). */
  fromRow(row: Record<string, unknown>, field: FieldDef): unknown;
  references?(value: unknown, field: FieldDef): ValueReference[];
  /** Scalar (number/text) → storage scale for filters: currency compares in minor units. */
  toStorageScalar?(value: unknown): unknown;
  /** Values the record service fills, never a client (autonumber, formula). */
  computed?: boolean;
  /** Properties a field definition of this type may carry. */
  accepts: { options?: boolean; lookupModule?: boolean; maxLength?: number; decimals?: number };
}

export function columnName(field: { apiName: string }, suffix: string): string {
  return suffix ? `${field.apiName}__${suffix}` : field.apiName;
}

/** toRow and toColumn of a type stored in the field's own column only. */
export function singleColumn(toColumn: (value: unknown) => unknown): Pick<FieldType, 'toRow' | 'toColumn'> {
  return { toColumn, toRow: (v, f) => ({ [f.apiName]: toColumn(v) }) };
}
