import type { Clock } from '../clock.js';
import type { Db } from '../db/connection.js';
import { DomainError } from '../errors.js';
import { insertUser } from '../users/insert.js';
import { parseEmail, parsePassword } from '../users/validate.js';
import { hashPassword } from './password.js';

/**
 * First-run setup (RAPPORT_ADMIN_EMAIL / RAPPORT_ADMIN_PASSWORD at start-up): creates an active
 * Administrator when there is no user at all. Returns whether it created one. Bad values throw
 * INVALID_DATA so start-up can say what is wrong with the environment.
 */
export async function ensureFirstAdmin(db: Db, clock: Clock, email: string, password: string): Promise<boolean> {
  const any = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (any) return false;
  const address = parseEmail(email);
  const passwordHash = await hashPassword(parsePassword(password));
  const name = address.split('@')[0];
  try {
    await insertUser(db, clock, {
      email: address,
      name,
      passwordHash,
      profile: 'Administrator',
      role: null,
      timeZone: 'UTC',
      locale: 'en',
    });
  } catch (err) {
    // Another process starting at the same moment created it first.
    if (err instanceof DomainError && err.code === 'DUPLICATE_DATA') return false;
    throw err;
  }
  return true;
}
