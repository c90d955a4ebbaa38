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
    const type = fieldType(field.type);
    if (type.toColumn) row[key] = type.toColumn(v);
    else Object.assign(row, type.toRow(v, field));
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
// One object shape per module: every record starts as an object literal with all its fields, made
// by a function compiled once per module (the fastest way V8 has to make an object of a known
// shape: a copy of a template object cost a tenth of a bulk create). Adding ~50 computed keys one
// by one would instead turn each record into a slow dictionary.
const blanks = new WeakMap<ModuleDef, () => RecordValues>();
function blankValues(module: ModuleDef): RecordValues {
  let make = blanks.get(module);
  if (!make) {
    // Field names come from metadata; JSON.stringify quotes them, whatever they hold.
    const body = module.fields.map((f) => `${JSON.stringify(f.apiName)}: null`).join(', ');
    make = new Function(`return () => ({ ${body} });`)() as () => RecordValues;
    blanks.set(module, make);
  }
  return make();
}

export function columnsToRecord(module: ModuleDef, row: Record<string, unknown>, fields?: readonly FieldDef[]): StoredRecord {
  const values: RecordValues = fields ? {} : blankValues(module);
  for (const f of fields ?? module.fields) values[f.apiName] = fieldType(f.type).fromRow(row, f);
  return { id: row.id as string, version: Number(row.version), name: (row._name as string | null) ?? null, values };
}

export function recordToJson(rec: StoredRecord): Record<string, unknown> {
  return { id: rec.id, ...rec.values, version: rec.version };
}
