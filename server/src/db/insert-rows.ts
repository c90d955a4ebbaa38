import { CompiledQuery } from 'kysely';
import type { Db, DialectName } from './connection.js';

/** Parameters per statement: under SQLite's 32,766 and PostgreSQL's 65,535. */
const MAX_PARAMS = 30_000;

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** `(?, ?), (?, ?)` or `($1, $2), ($3, $4)`: the VALUES of `rows` rows of `width` columns. */
function placeholders(dialect: DialectName, rows: number, width: number): string {
  const tuples: string[] = [];
  if (dialect === 'sqlite') {
    const tuple = `(${new Array(width).fill('?').join(', ')})`;
    for (let i = 0; i < rows; i++) tuples.push(tuple);
  } else {
    for (let i = 0, n = 1; i < rows; i++) {
      const marks: string[] = [];
      for (let j = 0; j < width; j++, n++) marks.push(`$${n}`);
      tuples.push(`(${marks.join(', ')})`);
    }
  }
  return tuples.join(', ');
}

/**
 * Inserts rows as few multi-row statements, every row with the columns any of them has (a value
 * a row lacks is written as NULL, not as the column's default: callers give every column that
 * has one), and returns the `returning` columns of the inserted rows. The SQL text is written directly, not
 * built as a Kysely query: the builder makes and freezes a node per value, and for the record
 * service's bulk writes (a hundred rows of forty columns, with their history and events) that
 * cost more CPU than the database's own work. Same text for the same shape, so SQLite's statement
 * cache reuses it. Table and column names come from the server (metadata), never from input.
 */
export async function insertRows(
  db: Db,
  dialect: DialectName,
  table: string,
  rows: readonly Record<string, unknown>[],
  returning: readonly string[] = [],
): Promise<Record<string, unknown>[]> {
  if (rows.length === 0) return [];
  const seen = new Set<string>();
  for (const r of rows) for (const k in r) seen.add(k);
  const columns = [...seen];
  const perStatement = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
  const head = `insert into ${quote(table)} (${columns.map(quote).join(', ')}) values `;
  const tail = returning.length ? ` returning ${returning.map(quote).join(', ')}` : '';
  const out: Record<string, unknown>[] = [];
  for (let from = 0; from < rows.length; from += perStatement) {
    const part = rows.slice(from, from + perStatement);
    const params: unknown[] = [];
    for (const r of part) for (const c of columns) params.push(r[c] === undefined ? null : r[c]);
    const result = await db.executeQuery(CompiledQuery.raw(head + placeholders(dialect, part.length, columns.length) + tail, params));
    out.push(...(result.rows as Record<string, unknown>[]));
  }
  return out;
}
