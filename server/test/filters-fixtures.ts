import { sql } from 'kysely';
import type { Db, DialectName } from '../src/db/connection.js';
import { columnType, quoteIdent } from '../src/db/dialect.js';
import { fieldType } from '../src/metadata/field-types/index.js';
import { columnName } from '../src/metadata/field-types/types.js';
import { systemFields } from '../src/metadata/system-fields.js';
import type { FieldDef, FieldTypeName, MetadataSnapshot, ModuleDef } from '../src/metadata/types.js';

/** A test module with one field of each kind the filters compare, and the accounts it looks up. */
export function field(module: string, apiName: string, type: FieldTypeName, extra: Partial<FieldDef> = {}): FieldDef {
  return {
    module,
    apiName,
    label: apiName,
    type,
    required: false,
    unique: false,
    readOnly: false,
    custom: true,
    system: false,
    sortOrder: 0,
    ...extra,
  };
}

const options = (values: string[]) => values.map((value) => ({ value, label: value }));

export const STATUS_OPTIONS = ['Hot', 'Warm', 'Cold', 'Ëlan', '50%', 'a_b', 'Back\\slash'];
export const COLOR_OPTIONS = ['Red', 'green', 'Öl', 'x_y', '%'];
/** Stored tags (distinct ignoring case) and the spellings filters ask for them in. */
export const TAGS = ['VIP', 'Ëlan', 'x_y', '%', 'a b'];
export const TAG_QUERIES = ['vip', 'VIP', 'ëlan', 'ËLAN', 'x_y', '%', 'A B', 'a', 'nope'];

function moduleDef(apiName: string, fields: FieldDef[]): ModuleDef {
  const all = [...fields, ...systemFields(apiName)];
  return {
    apiName,
    label: apiName,
    singularLabel: apiName,
    custom: true,
    hidden: false,
    tableName: `r_${apiName}`,
    recordName: { fields: [fields[0].apiName], mode: 'join' },
    sortOrder: 0,
    fields: all,
    fieldsByName: new Map(all.map((f) => [f.apiName, f])),
    layouts: [],
  };
}

export const things = moduleDef('things', [
  field('things', 'title', 'text'),
  field('things', 'status', 'picklist', { options: options(STATUS_OPTIONS) }),
  field('things', 'colors', 'multiselect', { options: options(COLOR_OPTIONS) }),
  field('things', 'labels', 'tags'),
  field('things', 'qty', 'integer'),
  field('things', 'amount', 'currency'),
  field('things', 'weight', 'decimal', { decimals: 2 }),
  field('things', 'prob', 'percent'),
  field('things', 'due', 'date'),
  field('things', 'at', 'datetime'),
  field('things', 'flag', 'boolean'),
  field('things', 'account', 'lookup', { lookupModule: 'accounts' }),
  field('things', 'place', 'address'),
]);

export const accounts = moduleDef('accounts', [field('accounts', 'name', 'text')]);

export const meta: MetadataSnapshot = {
  version: 1,
  org: { name: 'Test', timeZone: 'UTC', currency: 'USD', locale: 'en' },
  modules: [things, accounts],
  modulesByName: new Map([
    [things.apiName, things],
    [accounts.apiName, accounts],
  ]),
  pipelines: [],
  rules: [],
};

/** DDL as record-tables.ts writes it: system columns, then each field's columns by its type. */
export async function createRecordTable(db: Db, dialect: DialectName, module: ModuleDef): Promise<void> {
  const big = columnType(dialect, 'bigint');
  const cols = [
    'id text primary key',
    'owner text',
    `"createdAt" ${big} not null`,
    '"createdBy" text',
    `"modifiedAt" ${big} not null`,
    '"modifiedBy" text',
    'version integer not null default 1',
    '_name text',
  ];
  for (const f of module.fields.filter((f) => !f.system)) {
    for (const c of fieldType(f.type).columns) cols.push(`${quoteIdent(columnName(f, c.suffix))} ${columnType(dialect, c.kind)}`);
  }
  await sql.raw(`create table ${quoteIdent(module.tableName)} (${cols.join(', ')})`).execute(db);
}

/** The users table as far as filters read it (`owner.name`). */
export async function createUsersTable(db: Db): Promise<void> {
  await sql.raw('create table users (id text primary key, name text not null)').execute(db);
}

/** A record in API shape → its row, through each field type's own `toRow`. */
export function recordToRow(module: ModuleDef, record: Record<string, unknown>, name: unknown): Record<string, unknown> {
  const row: Record<string, unknown> = { id: record.id, version: 1, _name: name ?? null };
  for (const f of module.fields) Object.assign(row, fieldType(f.type).toRow(record[f.apiName] ?? null, f));
  return row;
}
