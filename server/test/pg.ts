import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** PostgreSQL for tests: 127.0.0.1:5432, user postgres, trust auth (override with TEST_PG_URL). */
export const PG_ADMIN_URL = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

let reachable: Promise<boolean> | null = null;

export function postgresReachable(): Promise<boolean> {
  reachable ??= (async () => {
    const c = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 3000 });
    try {
      await c.connect();
      await c.end();
      return true;
    } catch {
      return false;
    }
  })();
  return reachable;
}

/** The engines a suite runs on. With CI=true a missing PostgreSQL fails the run instead of skipping. */
export async function testDialects(): Promise<('sqlite' | 'postgres')[]> {
  if (await postgresReachable()) return ['sqlite', 'postgres'];
  if (process.env.CI === 'true') throw new Error(`PostgreSQL is required in CI but ${PG_ADMIN_URL} is unreachable`);
  console.warn('PostgreSQL unreachable: running the SQLite half of the suite only');
  return ['sqlite'];
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: PG_ADMIN_URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** A fresh database for one test file; returns its URL and a drop function. */
export async function freshPostgresDatabase(prefix = 'rapport_t'): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin((c) => c.query(`create database ${name} template template0 encoding 'UTF8'`));
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => admin((c) => c.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
  };
}
