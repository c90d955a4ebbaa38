import { sql } from 'kysely';
import type { Db, DialectName } from '../db/connection.js';
import { invalidData } from '../errors.js';

/**
 * Serialises changes that could remove the last administrator. On PostgreSQL two concurrent
 * demotions would each still see the other administrator under READ COMMITTED, so they take
 * turns on an advisory lock; SQLite has a single writer, and the caller writes before it checks.
 */
export async function lockAdministrators(db: Db, dialect: DialectName): Promise<void> {
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(724002)`.execute(db);
}

/** Run after the change, inside its transaction: the change is undone if it left nobody in charge. */
export async function assertAnActiveAdministrator(db: Db, field: 'active' | 'profile'): Promise<void> {
  const row = await db
    .selectFrom('users')
    .select(sql<number>`count(*)`.as('n'))
    .where('profile', '=', 'Administrator')
    .where('active', '=', 1)
    .executeTakeFirst();
  if (Number(row?.n ?? 0) === 0) {
    throw invalidData(field, 'The last active administrator cannot be deactivated or lose the Administrator profile');
  }
}
