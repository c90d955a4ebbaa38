import { fold } from '../db/fold.js';
import { uniqueShadow } from '../db/record-tables.js';
import { fieldType } from '../metadata/field-types/index.js';
import type { FieldDef, ModuleDef } from '../metadata/types.js';
import type { RecordValues } from './values.js';

/** Maps between canonical API values and the columns of a record table. */
export function valuesToColumns(module: ModuleDef, values: RecordValues): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(values)) {
    const field = module.fieldsByName.get(key);
    if (!field || (field.system && key !== 'owner')) continue;
    Object.assign(row, fieldType(field.type).toRow(v, field));
    if (field.unique) row[uniqueShadow(field)] = uniqueKey(v);
  }
  return row;
}

/** The value a unique index compares: folded text, so "Zoë@x.io" and "zoë@X.io" collide. */
export function uniqueKey(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return fold(v.trim());
  if (typeof v === 'object' && 'id' in (v as object)) return String((v as { id: unknown }).id);
  return JSON.stringify(v);
}

export interface StoredRecord {
  id: string;
  version: number;
  name: string | null;
  values: RecordValues;
}

/** A row of a record table → the record in API shape (lookup names still null). */
// One object shape per module: records start as a copy of it, so V8 keeps them in fast mode
// (adding ~50 computed keys one by one turns an object into a slow dictionary).
const blanks = new WeakMap<ModuleDef, RecordValues>();
function blankValues(module: ModuleDef): RecordValues {
  let blank = blanks.get(module);
  if (!blank) {
    blank = {};
    for (const f of module.fields) blank[f.apiName] = null;
    blanks.set(module, blank);
  }
  return blank;
}

export function columnsToRecord(module: ModuleDef, row: Record<string, unknown>, fields?: readonly FieldDef[]): StoredRecord {
  const values: RecordValues = fields ? {} : { ...blankValues(module) };
  for (const f of fields ?? module.fields) values[f.apiName] = fieldType(f.type).fromRow(row, f);
  return { id: row.id as string, version: Number(row.version), name: (row._name as string | null) ?? null, values };
}

export function recordToJson(rec: StoredRecord): Record<string, unknown> {
  return { id: rec.id, ...rec.values, version: rec.version };
}
