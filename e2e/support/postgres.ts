import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The same PostgreSQL the server suites use: 127.0.0.1:5432, user postgres (override with TEST_PG_URL). */
const ADMIN_URL = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function withAdmin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3000 });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

export async function postgresReachable(): Promise<boolean> {
  try {
    await withAdmin(async () => undefined);
    return true;
  } catch {
    return false;
  }
}

export async function createDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `rapport_e2e_${process.pid}_${randomBytes(4).toString('hex')}`;
  await withAdmin((c) => c.query(`create database ${name} template template0 encoding 'UTF8'`));
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => withAdmin((c) => c.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
  };
}
