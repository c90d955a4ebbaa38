import { parseInstant } from '../metadata/field-types/datetime.js';
import { fieldType } from '../metadata/field-types/index.js';
import type { CompareKind, FilterCondition, Scalar } from './types.js';

/** What the in-memory evaluator compares: a scalar in comparison form, a multi-select's options, or null for empty. */
export type ComparableValue = Scalar | readonly string[] | null;

/**
 * Reads the value a condition looks at from a record in API shape (API.md "Values in records")
 * and brings it to the form the SQL evaluator sees in the column: currency in minor units,
 * date-times as epoch ms, references as their id. Lookups must carry their `name` (as in
 * responses) for `<lookup>.name` conditions.
 */
export function comparableValue(c: FilterCondition, record: Readonly<Record<string, unknown>>): ComparableValue {
  switch (c.subject.source) {
    case 'id':
      return nonEmptyText(record.id);
    case 'relatedName': {
      const ref = record[c.subject.field.apiName];
      return typeof ref === 'object' && ref !== null ? nonEmptyText((ref as { name?: unknown }).name) : null;
    }
    case 'field':
      return fromApiValue(c.kind, record[c.subject.field.apiName], c);
  }
}

function fromApiValue(kind: CompareKind, v: unknown, c: FilterCondition): ComparableValue {
  switch (kind) {
    case 'text':
    case 'picklist':
    case 'date':
      return nonEmptyText(v);
    case 'number': {
      if (typeof v !== 'number' || !Number.isFinite(v)) return null;
      const type = c.subject.source === 'field' ? fieldType(c.subject.field.type) : undefined;
      return type?.toStorageScalar ? Number(type.toStorageScalar(v)) : v;
    }
    case 'datetime':
      return typeof v === 'string' ? parseInstant(v) : typeof v === 'number' && Number.isFinite(v) ? v : null;
    case 'boolean':
      // A checkbox is never empty: unset is false.
      return v === true;
    case 'ref':
    case 'id':
      return nonEmptyText(typeof v === 'object' && v !== null ? (v as { id?: unknown }).id : v);
    case 'multi':
      return Array.isArray(v) && v.length > 0 ? v.filter((x): x is string => typeof x === 'string') : null;
    case 'opaque':
      return v === null || v === undefined || v === '' ? null : true;
  }
}

const nonEmptyText = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
