import { type RawBuilder, sql } from 'kysely';
import type { ColumnKind } from '../metadata/field-types/types.js';
import type { Db, DialectName } from './connection.js';

/**
 * Every difference between SQLite and PostgreSQL that the rest of the code needs lives here,
 * decided once (docs/decisions/storage.md).
 */
export function columnType(dialect: DialectName, kind: ColumnKind): string {
  switch (kind) {
    case 'text':
      return 'text';
    case 'integer':
      return 'integer';
    case 'bigint':
      return dialect === 'postgres' ? 'bigint' : 'integer';
    case 'real':
      return dialect === 'postgres' ? 'double precision' : 'real';
  }
}

/** Unicode lower case of a text expression (SQLite's own lower() folds ASCII only). */
export function foldSql(dialect: DialectName, expr: RawBuilder<unknown>): RawBuilder<unknown> {
  return dialect === 'postgres' ? sql`lower(${expr})` : sql`rlower(${expr})`;
}

/** Byte-wise (code point) text order on both engines, so sorts agree. */
export function collateC(dialect: DialectName, expr: RawBuilder<unknown>): RawBuilder<unknown> {
  return dialect === 'postgres' ? sql`${expr} collate "C"` : expr;
}

/** `needle` occurs in `hay` (no LIKE wildcards to escape). */
export function containsSql(dialect: DialectName, hay: RawBuilder<unknown>, needle: unknown): RawBuilder<unknown> {
  return dialect === 'postgres' ? sql`strpos(${hay}, ${needle}) > 0` : sql`instr(${hay}, ${needle}) > 0`;
}

/** Serialises DDL (custom fields and modules) across processes on PostgreSQL; SQLite has one writer. */
export async function lockMetadata(db: Db, dialect: DialectName): Promise<void> {
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(724001)`.execute(db);
}

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The largest number of bound parameters we put into one statement on either engine. */
export const MAX_PARAMS = 30000;
