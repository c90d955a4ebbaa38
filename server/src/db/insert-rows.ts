import { CompiledQuery } from 'kysely';
import type { Db, DialectName } from './connection.js';

/** Parameters per statement: under SQLite's 32,766 and PostgreSQL's 65,535. */
const MAX_PARAMS = 30_000;

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

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
    const tuples: string[] = [];
    for (const r of part) {
      const marks: string[] = [];
      for (const c of columns) {
        params.push(r[c] === undefined ? null : r[c]);
        marks.push(dialect === 'postgres' ? `$${params.length}` : '?');
      }
      tuples.push(`(${marks.join(', ')})`);
    }
    const result = await db.executeQuery(CompiledQuery.raw(head + tuples.join(', ') + tail, params));
    out.push(...(result.rows as Record<string, unknown>[]));
  }
  return out;
}
