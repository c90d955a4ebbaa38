import type { Clock } from '../clock.js';
import type { ProfileName } from '../context.js';
import type { Db } from '../db/connection.js';
import { fold } from '../db/fold.js';
import { DomainError } from '../errors.js';
import { newId } from '../ids.js';
import type { UserRow } from './rows.js';

/** A user whose attributes are already validated (and whose password is already hashed). */
export interface NewUserRow {
  email: string;
  name: string;
  passwordHash: string | null;
  profile: ProfileName;
  role: string | null;
  timeZone: string;
  locale: string;
}

/** SQLite and PostgreSQL report a unique violation differently. */
export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/**
 * Inserts a user without permission checks (first-run setup, CLI, the users service). The
 * unique index on emailFold is the arbiter of duplicates, so two concurrent creations of one
 * address cannot both succeed.
 */
export async function insertUser(db: Db, clock: Clock, user: NewUserRow): Promise<UserRow> {
  const now = clock.now().getTime();
  const row: UserRow = { id: newId(now), emailFold: fold(user.email), active: 1, createdAt: now, modifiedAt: now, ...user };
  try {
    await db.insertInto('users').values(row).execute();
  } catch (err) {
    if (isUniqueViolation(err)) throw new DomainError('DUPLICATE_DATA', 'Another user already has this email address', { field: 'email' });
    throw err;
  }
  return row;
}
