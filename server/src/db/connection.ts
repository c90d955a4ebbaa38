import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { fold } from './fold.js';

export type DialectName = 'sqlite' | 'postgres';

// Tables are created from metadata at run time, so the schema type is open.
// biome-ignore lint/suspicious/noExplicitAny: dynamic schema
export type Db = Kysely<any>;

export interface Database {
  db: Db;
  dialect: DialectName;
  /** SQLite only: the raw handle, for bulk paths and benchmarks. */
  sqlite?: SQLite.Database;
  close(): Promise<void>;
}

// int8 and numeric arrive as strings from pg; we only store safe integers (ids of counters,
// money in minor units, epoch milliseconds), so numbers are exact.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));
pg.types.setTypeParser(1082, (v) => v);

export function openSqlite(file: string): Database {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('cache_size = -64000');
  sqlite.pragma('temp_store = MEMORY');
  // Checkpoint the WAL every ~40 MB instead of every 4 MB: bulk writes (a create with its rules'
  // tasks, history and events) filled 4 MB every few calls, and each checkpoint's fsyncs stalled
  // the one writer — the slowest rounds of the automation benchmark were those.
  sqlite.pragma('wal_autocheckpoint = 10000');
  sqlite.function('rlower', { deterministic: true }, (v: unknown) => (typeof v === 'string' ? fold(v) : v));
  const db = new Kysely({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, dialect: 'sqlite', sqlite, close: () => db.destroy() };
}

/**
 * Kysely prepares every query anew; bulk writes repeat the same SQL text, so keep the most
 * recent prepared statements (better-sqlite3 runs one statement at a time, so reuse is safe).
 */
function withStatementCache(sqlite: SQLite.Database, size = 500) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(text: string) {
      let stmt = cache.get(text);
      if (stmt) {
        cache.delete(text);
      } else {
        stmt = sqlite.prepare(text);
        if (cache.size >= size) cache.delete(cache.keys().next().value as string);
      }
      cache.set(text, stmt);
      return stmt;
    },
  };
}

export function openPostgres(url: string, poolSize = 10): Database {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // A dropped idle connection must not crash the process.
  pool.on('error', () => {});
  const db = new Kysely({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', close: () => db.destroy() };
}

export function openDatabase(opts: { databaseUrl?: string; dataDir: string }): Database {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl);
  return openSqlite(path.join(opts.dataDir, 'rapport.db'));
}
