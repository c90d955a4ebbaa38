import { invalidData, requiredMissing } from '../errors.js';
import { fieldType } from '../metadata/field-types/index.js';
import type { FieldDef, ModuleDef } from '../metadata/types.js';

export type RecordValues = Record<string, unknown>;

/** Keys a client may send that are not fields; they are checked, never written from input. */
const ENVELOPE_KEYS = new Set(['id', 'version', 'createdAt', 'createdBy', 'modifiedAt', 'modifiedBy']);

/**
 * Turns a client's record (API shape) into canonical values for the fields it names.
 * Unknown fields, read-only fields that change, and bad values → INVALID_DATA naming the field.
 * `current` is the stored record for an update (null on create).
 */
export function parseInput(module: ModuleDef, input: unknown, current: RecordValues | null): RecordValues {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw invalidData(undefined, 'A record must be a JSON object of field values');
  }
  const out: RecordValues = {};
  for (const [key, raw] of Object.entries(input as Record<string, unknown>)) {
    if (ENVELOPE_KEYS.has(key)) {
      if (raw === undefined || raw === null) continue;
      // On an update a client may echo what it read; identity and concurrency come from the URL/If-Match.
      if (current && (key === 'id' || key === 'version' || sameValue(raw, current[key]))) continue;
      throw invalidData(key, `'${key}' is maintained by Rapport and cannot be set`);
    }
    const field = module.fieldsByName.get(key);
    if (!field) throw invalidData(key, `'${key}' is not a field of ${module.apiName}`);
    const type = fieldType(field.type);
    if (field.readOnly || type.computed) {
      // A read-only field may be echoed back unchanged (a client saving what it read).
      if (raw === null || raw === undefined || (current && sameValue(raw, current[key]))) continue;
      throw invalidData(key, `'${key}' is read-only`);
    }
    out[key] = type.parse(raw, field, current ? { current: current[key] } : NOTHING_CURRENT);
  }
  return out;
}

/** What a create parses against: no stored value (one object for every field of every record). */
const NOTHING_CURRENT = Object.freeze({ current: null });

/** The fields a create may fill itself, per module (most of a module's fields have no default). */
const defaulted = new WeakMap<ModuleDef, FieldDef[]>();
function defaultedFields(module: ModuleDef): FieldDef[] {
  let list = defaulted.get(module);
  if (!list) {
    list = module.fields.filter((f) => !f.system && ((f.defaultValue !== undefined && f.defaultValue !== null) || f.type === 'boolean'));
    defaulted.set(module, list);
  }
  return list;
}

/** Fills defaults on create and checks required fields on the resulting record. */
export function applyDefaults(module: ModuleDef, values: RecordValues): RecordValues {
  const out = { ...values };
  for (const f of defaultedFields(module)) {
    if (out[f.apiName] !== undefined) continue;
    if (f.defaultValue !== undefined && f.defaultValue !== null) {
      out[f.apiName] = fieldType(f.type).parse(f.defaultValue, f, NOTHING_CURRENT);
    } else if (f.type === 'boolean') {
      out[f.apiName] = false;
    }
  }
  return out;
}

export function checkRequired(module: ModuleDef, record: RecordValues, touched?: ReadonlySet<string>): void {
  for (const f of module.fields) {
    if (!f.required || (touched && !touched.has(f.apiName)) || fieldType(f.type).computed) continue;
    if (isEmptyValue(record[f.apiName])) throw requiredMissing(f.apiName);
  }
}

export function isEmptyValue(v: unknown): boolean {
  return v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
}

/** Equality of API-shaped values (lookups compare by id). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (isEmptyValue(a) && isEmptyValue(b)) return true;
  if (a === b) return true;
  if (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null) {
    const ida = (a as { id?: unknown }).id;
    const idb = (b as { id?: unknown }).id;
    if (ida !== undefined || idb !== undefined) {
      return ida === idb && (a as { module?: unknown }).module === (b as { module?: unknown }).module;
    }
    return JSON.stringify(a) === JSON.stringify(b);
  }
  if (typeof a === 'string' && typeof b === 'object' && b !== null) return (b as { id?: unknown }).id === a;
  return false;
}

export function writableFields(module: ModuleDef): FieldDef[] {
  return module.fields.filter((f) => !f.system || f.apiName === 'owner');
}
