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
  /** The columns' types, for a table of fixed schema: on PostgreSQL the rows go as one JSON parameter. */
  types?: ColumnTypes,
): Promise<Record<string, unknown>[]> {
  if (rows.length === 0) return [];
  const seen = new Set<string>();
  for (const r of rows) for (const k in r) seen.add(k);
  const columns = [...seen];
  if (dialect === 'postgres' && types && columns.every((c) => types[c] !== undefined)) {
    return insertAsJson(db, table, columns, types, rows, returning);
  }
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

/**
 * A column's type for PostgreSQL's JSON path: `json` is text that holds JSON (an event's
 * payload), sent as it is rather than as a string inside the parameter, so never escaped twice.
 */
export type ColumnTypes = Readonly<Record<string, 'text' | 'bigint' | 'json'>>;

/**
 * PostgreSQL: the rows as one JSON array of arrays, spread by json_array_elements. A VALUES list
 * of a few hundred rows has thousands of parameters, each framed and written on its own by the
 * driver and parsed by the server; the outbox, history and run log of one bulk create were most
 * of the bytes and the parameters it sent. Rows keep their order (WITH ORDINALITY), so serial
 * columns are drawn in it as with VALUES.
 */
async function insertAsJson(
  db: Db,
  table: string,
  columns: readonly string[],
  types: ColumnTypes,
  rows: readonly Record<string, unknown>[],
  returning: readonly string[],
): Promise<Record<string, unknown>[]> {
  const select = columns.map((c, i) => {
    const type = types[c];
    if (type === 'json') return `case when json_typeof(e->${i}) = 'null' then null else (e->${i})::text end`;
    return type === 'bigint' ? `(e->>${i})::bigint` : `e->>${i}`;
  });
  const parts: string[] = [];
  for (const r of rows) {
    const cells: string[] = [];
    for (const c of columns) {
      const v = r[c];
      if (v === undefined || v === null) cells.push('null');
      else if (types[c] === 'json') cells.push(v as string);
      else cells.push(JSON.stringify(v));
    }
    parts.push(`[${cells.join(',')}]`);
  }
  const tail = returning.length ? ` returning ${returning.map(quote).join(', ')}` : '';
  const text = `insert into ${quote(table)} (${columns.map(quote).join(', ')})
    select ${select.join(', ')} from json_array_elements($1::json) with ordinality as x(e, n) order by n${tail}`;
  const result = await db.executeQuery(CompiledQuery.raw(text, [`[${parts.join(',')}]`]));
  return result.rows as Record<string, unknown>[];
}
