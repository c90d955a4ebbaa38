import path from 'node:path';
import SQLite from 'better-sqlite3';
import { fold } from '../../server/src/db/fold.js';
import { pgClient, pgPool } from './engines.js';
import type { Target } from './server-process.js';
import { nowMs } from './stats.js';

/**
 * The raw engines, driven directly with the same settings the product uses (connection.ts):
 * the baselines every API figure is compared with.
 */
export function openRawSqlite(file: string): SQLite.Database {
  const db = new SQLite(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('cache_size = -64000');
  db.pragma('temp_store = MEMORY');
  db.function('rlower', { deterministic: true }, (v: unknown) => (typeof v === 'string' ? fold(v) : v));
  return db;
}

/** Placeholders for a multi-row insert: (?, ?, …), (…) on SQLite, ($1, …) on PostgreSQL. */
export function multiRowInsert(dialect: 'sqlite' | 'postgres', table: string, columns: readonly string[], rows: number): string {
  let n = 0;
  const tuple = () => `(${columns.map(() => (dialect === 'sqlite' ? '?' : `$${++n}`)).join(', ')})`;
  const values = Array.from({ length: rows }, tuple).join(', ');
  return `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values ${values}`;
}

/** Inserts batches of rows, one multi-row statement and one transaction per batch. Returns ms. */
export function rawSqliteInsert(db: SQLite.Database, table: string, columns: readonly string[], batches: unknown[][][]): number {
  const stmts = new Map<number, SQLite.Statement>();
  const stmt = (n: number) => {
    let s = stmts.get(n);
    if (!s) {
      s = db.prepare(multiRowInsert('sqlite', table, columns, n));
      stmts.set(n, s);
    }
    return s;
  };
  const t0 = nowMs();
  for (const batch of batches) {
    const s = stmt(batch.length);
    db.transaction(() => s.run(batch.flat()))();
  }
  return nowMs() - t0;
}

/** Inserts batches from `clients` concurrent connections, one multi-row statement per batch. Returns ms. */
export async function rawPgInsert(
  url: string,
  table: string,
  columns: readonly string[],
  batches: unknown[][][],
  clients: number,
): Promise<number> {
  const pool = pgPool(url, clients);
  try {
    const conns = await Promise.all(Array.from({ length: clients }, () => pool.connect()));
    let next = 0;
    const t0 = nowMs();
    await Promise.all(
      conns.map(async (c) => {
        while (next < batches.length) {
          const batch = batches[next++];
          await c.query(multiRowInsert('postgres', table, columns, batch.length), batch.flat());
        }
      }),
    );
    const ms = nowMs() - t0;
    for (const c of conns) c.release();
    return ms;
  } finally {
    await pool.end();
  }
}

/** EXPLAIN QUERY PLAN (SQLite) as indented text. */
export function explainSqlite(db: SQLite.Database, sql: string, params: readonly unknown[]): string {
  const rows = db.prepare(`explain query plan ${sql}`).all(...params) as { id: number; parent: number; detail: string }[];
  const depth = new Map<number, number>([[0, -1]]);
  return rows
    .map((r) => {
      const d = (depth.get(r.parent) ?? -1) + 1;
      depth.set(r.id, d);
      return `${'  '.repeat(d)}${r.detail}`;
    })
    .join('\n');
}

/** EXPLAIN (ANALYZE, BUFFERS) on PostgreSQL, as text. */
export async function explainPg(url: string, sql: string, params: readonly unknown[]): Promise<string> {
  const c = pgClient(url);
  await c.connect();
  try {
    const r = await c.query(`explain (analyze, buffers) ${sql}`, params as unknown[]);
    return r.rows.map((x) => x['QUERY PLAN'] as string).join('\n');
  } finally {
    await c.end();
  }
}

/** One statement, ready to run again and again on the raw engine. */
export interface RawRunner {
  /** Runs it once; returns milliseconds. */
  run(): Promise<number>;
  rows(): Promise<number>;
  explain(): Promise<string>;
  close(): Promise<void>;
}

export async function rawRunner(target: Target, sql: string, params: readonly unknown[]): Promise<RawRunner> {
  if (target.engine === 'sqlite') {
    const db = openRawSqlite(path.join(target.dataDir, 'rapport.db'));
    const stmt = db.prepare(sql);
    return {
      run: async () => {
        const t0 = nowMs();
        stmt.all(...params);
        return nowMs() - t0;
      },
      rows: async () => stmt.all(...params).length,
      explain: async () => explainSqlite(db, sql, params),
      close: async () => {
        db.close();
      },
    };
  }
  const c = pgClient(target.databaseUrl);
  await c.connect();
  return {
    run: async () => {
      const t0 = nowMs();
      await c.query(sql, params as unknown[]);
      return nowMs() - t0;
    },
    rows: async () => (await c.query(sql, params as unknown[])).rowCount ?? 0,
    explain: () => explainPg(target.databaseUrl, sql, params),
    close: () => c.end(),
  };
}

/**
 * Times the API request and the raw statement alternately, `n` times each after `warm` rounds,
 * so both see the same machine load (other work on the machine moves both alike).
 */
export async function interleaved(
  n: number,
  warm: number,
  api: () => Promise<number>,
  raw: RawRunner,
): Promise<{ api: number[]; raw: number[] }> {
  for (let i = 0; i < warm; i++) {
    await api();
    await raw.run();
  }
  const a: number[] = [];
  const r: number[] = [];
  for (let i = 0; i < n; i++) {
    a.push(await api());
    r.push(await raw.run());
  }
  return { api: a, raw: r };
}
