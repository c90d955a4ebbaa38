import path from 'node:path';
import { type CompiledQuery, Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import { systemClock } from '../../server/src/clock.js';
import type { Ctx } from '../../server/src/context.js';
import { type Db, openSqlite } from '../../server/src/db/connection.js';
import { loadSnapshot } from '../../server/src/metadata/index.js';
import { type UserRow, userRowToActingUser } from '../../server/src/users/rows.js';
import { pgPool } from './engines.js';
import { ADMIN, type Target } from './server-process.js';

export interface CapturedQuery {
  sql: string;
  parameters: readonly unknown[];
}

/**
 * Runs product service code against the dataset with a query log, and returns the SQL it
 * sent: the raw baselines then time exactly the statements the API runs.
 */
export async function captureQueries(target: Target, fn: (ctx: Ctx) => Promise<unknown>): Promise<CapturedQuery[]> {
  const captured: CompiledQuery[] = [];
  const log = (e: { level: string; query: CompiledQuery }) => {
    if (e.level === 'query') captured.push(e.query);
  };
  let db: Db;
  let close: () => Promise<void>;
  if (target.engine === 'sqlite') {
    const opened = openSqlite(path.join(target.dataDir, 'rapport.db'));
    db = new Kysely({ dialect: new SqliteDialect({ database: opened.sqlite! }), log });
    close = () => db.destroy();
  } else {
    const pool = pgPool(target.databaseUrl, 1);
    db = new Kysely({ dialect: new PostgresDialect({ pool }), log });
    close = () => db.destroy();
  }
  try {
    const user = (await db.selectFrom('users').selectAll().where('email', '=', ADMIN.email).executeTakeFirstOrThrow()) as UserRow;
    const ctx: Ctx = { db, dialect: target.engine, meta: await loadSnapshot(db), user: userRowToActingUser(user), clock: systemClock };
    captured.length = 0;
    await fn(ctx);
    return captured.map((q) => ({ sql: q.sql, parameters: q.parameters }));
  } finally {
    await close();
  }
}
