import SQLite from 'better-sqlite3';
import pg from 'pg';

/** PostgreSQL for benchmarks: BENCH_PG_URL, else the tests' TEST_PG_URL, else local trust auth. */
export const PG_ADMIN_URL = process.env.BENCH_PG_URL ?? process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function pgUrl(database: string): string {
  const u = new URL(PG_ADMIN_URL);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function pgAdmin<T>(fn: (c: pg.Client) => Promise<T>, url = PG_ADMIN_URL): Promise<T> {
  const c = pgClient(url);
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

export async function pgReachable(): Promise<boolean> {
  try {
    await pgAdmin((c) => c.query('select 1'));
    return true;
  } catch {
    return false;
  }
}

const safeName = (name: string) => {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unsafe database name ${name}`);
  return name;
};

export const pgDatabaseExists = (name: string) =>
  pgAdmin(async (c) => (await c.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1);

export async function pgCreateDatabase(name: string): Promise<string> {
  await pgAdmin((c) => c.query(`create database ${safeName(name)} template template0 encoding 'UTF8'`));
  return pgUrl(name);
}

export async function pgDropDatabase(name: string): Promise<void> {
  await pgAdmin((c) => c.query(`drop database if exists ${safeName(name)} with (force)`));
}

export function sqliteVersion(): string {
  const db = new SQLite(':memory:');
  try {
    return (db.prepare('select sqlite_version() as v').get() as { v: string }).v;
  } finally {
    db.close();
  }
}

export async function pgVersion(): Promise<{ version: string; settings: string }> {
  return pgAdmin(async (c) => {
    const v = (await c.query('show server_version')).rows[0].server_version as string;
    const s = await c.query(
      `select name, setting, unit from pg_settings where name in ('shared_buffers', 'work_mem', 'effective_cache_size', 'synchronous_commit', 'max_connections') order by name`,
    );
    const fmt = (r: { name: string; setting: string; unit: string | null }) => {
      if (r.unit === '8kB') return `${r.name}=${Math.round((Number(r.setting) * 8) / 1024)}MB`;
      if (r.unit === 'kB') return `${r.name}=${Math.round(Number(r.setting) / 1024)}MB`;
      return `${r.name}=${r.setting}`;
    };
    return { version: v, settings: s.rows.map(fmt).join(', ') };
  });
}

/**
 * A pool whose idle connections may be cut (a scratch database dropped WITH (FORCE) while a
 * connection is still closing) without crashing the run, as the product's own pool does.
 */
export function pgPool(url: string, max: number): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max });
  pool.on('error', () => {});
  return pool;
}

export function pgClient(url: string): pg.Client {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  c.on('error', () => {});
  return c;
}
