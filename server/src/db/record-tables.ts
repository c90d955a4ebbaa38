import { sql } from 'kysely';
import { fieldType } from '../metadata/field-types/index.js';
import { columnName } from '../metadata/field-types/types.js';
import type { FieldDef } from '../metadata/types.js';
import type { Db, DialectName } from './connection.js';
import { columnType, quoteIdent } from './dialect.js';

/**
 * DDL for record tables: each module is a table, each field one or more columns
 * (docs/decisions/custom-fields.md). Only the metadata service calls these.
 */
export const recordTableName = (moduleApiName: string) => `r_${moduleApiName}`;

/** The shadow column that holds the folded value of a unique text field, with a unique index. */
export const uniqueShadow = (field: { apiName: string }) => `${field.apiName}__ci`;

const SYSTEM_COLUMNS = (dialect: DialectName) => [
  'id text primary key',
  'owner text',
  `"createdAt" ${columnType(dialect, 'bigint')} not null`,
  '"createdBy" text',
  `"modifiedAt" ${columnType(dialect, 'bigint')} not null`,
  '"modifiedBy" text',
  'version integer not null default 1',
  '_name text',
];

export async function createRecordTable(db: Db, dialect: DialectName, table: string): Promise<void> {
  await sql.raw(`create table ${quoteIdent(table)} (${SYSTEM_COLUMNS(dialect).join(', ')})`).execute(db);
  for (const col of ['owner', 'createdAt', 'modifiedAt']) {
    await sql.raw(`create index ${quoteIdent(`${table}_${col}`)} on ${quoteIdent(table)} (${quoteIdent(col)})`).execute(db);
  }
}

export async function dropRecordTable(db: Db, table: string): Promise<void> {
  await sql.raw(`drop table if exists ${quoteIdent(table)}`).execute(db);
}

/** Adds the columns of a field, its unique shadow and the indexes a field of its type wants. */
export async function addFieldColumns(db: Db, dialect: DialectName, table: string, field: FieldDef): Promise<void> {
  const t = fieldType(field.type);
  for (const c of t.columns) {
    const col = columnName(field, c.suffix);
    await sql.raw(`alter table ${quoteIdent(table)} add column ${quoteIdent(col)} ${columnType(dialect, c.kind)}`).execute(db);
  }
  // Related lists read "records whose lookup points here": index the id column.
  if (t.kind === 'ref') await createFieldIndex(db, table, field.apiName);
  if (field.unique) await addUniqueShadow(db, table, field);
}

export async function createFieldIndex(db: Db, table: string, column: string): Promise<void> {
  await sql.raw(`create index if not exists ${quoteIdent(`${table}_${column}`)} on ${quoteIdent(table)} (${quoteIdent(column)})`).execute(db);
}

export async function addUniqueShadow(db: Db, table: string, field: FieldDef): Promise<void> {
  const col = uniqueShadow(field);
  await sql.raw(`alter table ${quoteIdent(table)} add column ${quoteIdent(col)} text`).execute(db);
}

export async function createUniqueIndex(db: Db, table: string, field: FieldDef): Promise<void> {
  const col = uniqueShadow(field);
  await sql.raw(`create unique index ${quoteIdent(`${table}_${col}`)} on ${quoteIdent(table)} (${quoteIdent(col)})`).execute(db);
}

export async function dropUniqueShadow(db: Db, table: string, field: FieldDef): Promise<void> {
  const col = uniqueShadow(field);
  await sql.raw(`drop index if exists ${quoteIdent(`${table}_${col}`)}`).execute(db);
  await sql.raw(`alter table ${quoteIdent(table)} drop column ${quoteIdent(col)}`).execute(db);
}

export async function dropFieldColumns(db: Db, table: string, field: FieldDef): Promise<void> {
  if (field.unique) await dropUniqueShadow(db, table, field);
  await sql.raw(`drop index if exists ${quoteIdent(`${table}_${field.apiName}`)}`).execute(db);
  for (const c of fieldType(field.type).columns) {
    await sql.raw(`alter table ${quoteIdent(table)} drop column ${quoteIdent(columnName(field, c.suffix))}`).execute(db);
  }
}
