import type { Db, DialectName } from '../db/connection.js';
import { addFieldColumns, createRecordTable, createUniqueIndex, recordTableName } from '../db/record-tables.js';
import { newId } from '../ids.js';
import { fieldToRow } from './rows.js';
import type { FieldSeed, ModuleSeed } from './standard-modules.js';
import { systemFields } from './system-fields.js';
import type { FieldDef, LayoutSection, PicklistOption } from './types.js';

/**
 * Writes metadata rows together with the DDL they imply. Callers hold the transaction and the
 * metadata lock; validation of requests happens before (metadata/service.ts).
 */
export function seedToField(module: string, s: FieldSeed, sortOrder: number, custom: boolean): FieldDef {
  return {
    module,
    apiName: s.apiName,
    label: s.label,
    type: s.type,
    required: !!s.required,
    unique: false,
    readOnly: !!s.readOnly,
    custom,
    system: false,
    ...(s.options ? { options: s.options.map((v): PicklistOption => ({ value: v, label: v })) } : {}),
    ...(s.lookupModule ? { lookupModule: s.lookupModule } : {}),
    ...(s.defaultValue !== undefined ? { defaultValue: s.defaultValue } : {}),
    sortOrder,
  };
}

export function defaultLayoutSections(singularLabel: string, fields: FieldDef[]): LayoutSection[] {
  const visible = fields.filter((f) => !f.system);
  const main = visible.filter((f) => f.type !== 'textarea' || f.apiName !== 'description').map((f) => f.apiName);
  const description = visible.filter((f) => f.type === 'textarea' && f.apiName === 'description').map((f) => f.apiName);
  const sections: LayoutSection[] = [{ title: `${singularLabel} Information`, fields: main }];
  if (description.length) sections.push({ title: 'Description Information', fields: description });
  return sections;
}

export async function insertModule(
  db: Db,
  dialect: DialectName,
  seed: ModuleSeed,
  opts: { custom: boolean; sortOrder: number; now: number },
): Promise<void> {
  const table = recordTableName(seed.apiName);
  await db
    .insertInto('modules')
    .values({
      apiName: seed.apiName,
      label: seed.label,
      singularLabel: seed.singularLabel,
      custom: opts.custom ? 1 : 0,
      hidden: 0,
      tableName: table,
      recordName: JSON.stringify(seed.recordName),
      sortOrder: opts.sortOrder,
      createdAt: opts.now,
    })
    .execute();
  await createRecordTable(db, dialect, table);
  const fields = seed.fields.map((s, i) => seedToField(seed.apiName, s, i + 1, opts.custom));
  for (const f of fields) await insertField(db, dialect, table, f);
  for (const f of systemFields(seed.apiName)) await db.insertInto('fields').values(fieldToRow(f)).execute();
  await db
    .insertInto('layouts')
    .values({
      id: newId(opts.now),
      module: seed.apiName,
      name: 'Standard',
      isDefault: 1,
      sections: JSON.stringify(defaultLayoutSections(seed.singularLabel, fields)),
    })
    .execute();
}

/** Inserts the field row and its columns (a new column is empty: unique holds trivially). */
export async function insertField(db: Db, dialect: DialectName, table: string, field: FieldDef): Promise<void> {
  await db.insertInto('fields').values(fieldToRow(field)).execute();
  await addFieldColumns(db, dialect, table, field);
  if (field.unique) await createUniqueIndex(db, table, field);
}

/**
 * For migrations that give existing databases a new standard field: adds `seed` to `module` after
 * its last field, unless the module is absent or already has a field of that name (a new install,
 * or an administrator's own). Returns whether the field was added.
 */
export async function addStandardFieldIfMissing(db: Db, dialect: DialectName, module: string, seed: FieldSeed): Promise<boolean> {
  const row = await db.selectFrom('modules').select('tableName').where('apiName', '=', module).executeTakeFirst();
  if (!row) return false;
  const has = await db.selectFrom('fields').select('apiName').where('module', '=', module).where('apiName', '=', seed.apiName).executeTakeFirst();
  if (has) return false;
  const max = await db
    .selectFrom('fields')
    .select((eb) => eb.fn.max('sortOrder').as('n'))
    .where('module', '=', module)
    .where('system', '=', 0)
    .executeTakeFirst();
  await insertField(db, dialect, row.tableName, seedToField(module, seed, Number(max?.n ?? 0) + 1, false));
  return true;
}
