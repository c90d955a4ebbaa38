import { fieldType } from '../metadata/field-types/index.js';
import type { FieldDef, FieldTypeName } from '../metadata/types.js';

/** Which field types a lead field's value may be copied into on conversion, by the source's type. */
const TARGET_TYPES: Partial<Record<FieldTypeName, readonly FieldTypeName[]>> = {
  text: ['text', 'textarea'],
  textarea: ['textarea'],
  email: ['email', 'text', 'textarea'],
  phone: ['phone', 'text', 'textarea'],
  url: ['url', 'text', 'textarea'],
  picklist: ['picklist', 'text', 'textarea'],
  multiselect: ['multiselect'],
  tags: ['tags'],
  integer: ['integer', 'bigint', 'decimal'],
  bigint: ['bigint', 'decimal'],
  decimal: ['decimal'],
  currency: ['currency'],
  percent: ['percent', 'decimal'],
  date: ['date'],
  datetime: ['datetime'],
  boolean: ['boolean'],
  lookup: ['lookup'],
  user: ['user'],
  address: ['address'],
};

const maxLengthOf = (f: FieldDef) => f.maxLength ?? fieldType(f.type).accepts.maxLength ?? Number.POSITIVE_INFINITY;
const decimalsOf = (f: FieldDef) => (f.type === 'integer' || f.type === 'bigint' ? 0 : (f.decimals ?? 2));

/** A field a conversion may write: not maintained by Rapport (system, read-only, computed). */
export function isWritableTarget(f: FieldDef): boolean {
  return !f.system && !f.readOnly && !fieldType(f.type).computed && TARGET_TYPES[f.type] !== undefined;
}

/**
 * Every value of `source` fits `target`: a compatible type, text no longer than the target allows,
 * no more decimals than it keeps, a lookup to the same module. (Picklist values are checked per
 * value at conversion time, since options change.)
 */
export function isCompatible(source: FieldDef, target: FieldDef): boolean {
  if (!isWritableTarget(target) || !TARGET_TYPES[source.type]?.includes(target.type)) return false;
  // Free text must fit; picklist values are short and checked one by one at conversion.
  if (fieldType(source.type).accepts.maxLength && maxLengthOf(source) > maxLengthOf(target)) return false;
  if (target.type === 'decimal' && decimalsOf(source) > decimalsOf(target)) return false;
  if (target.type === 'lookup' && source.lookupModule !== target.lookupModule) return false;
  return true;
}
