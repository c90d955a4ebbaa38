import { sql } from 'kysely';
import type { Db } from '../db/connection.js';
import { DomainError } from '../errors.js';

/** At most this many failed sign-ins per account and per IP address within the window. */
export const MAX_FAILED_LOGINS = 10;
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;

async function failuresSince(db: Db, column: 'emailFold' | 'ip', value: string, since: number) {
  const row = await db
    .selectFrom('login_attempts')
    .select([sql<number>`count(*)`.as('n'), sql<number | null>`min(at)`.as('oldest')])
    .where(column, '=', value)
    .where('at', '>', since)
    .where('success', '=', 0)
    .executeTakeFirst();
  return { count: Number(row?.n ?? 0), oldest: row?.oldest == null ? null : Number(row.oldest) };
}

/**
 * Throws RATE_LIMITED once the account or the address has used up its failures. Checked
 * before the password so a guesser learns nothing more once blocked.
 */
export async function checkLoginThrottle(db: Db, now: number, emailFold: string, ip: string): Promise<void> {
  const since = now - LOGIN_WINDOW_MS;
  for (const [column, value] of [
    ['emailFold', emailFold],
    ['ip', ip],
  ] as const) {
    const { count, oldest } = await failuresSince(db, column, value, since);
    if (count >= MAX_FAILED_LOGINS) {
      // Approximate: the block lifts when the oldest failure leaves the window.
      const retryAfterSeconds = Math.max(1, Math.ceil(((oldest ?? now) + LOGIN_WINDOW_MS - now) / 1000));
      throw new DomainError('RATE_LIMITED', 'Too many failed sign-in attempts; try again later', { retryAfterSeconds });
    }
  }
}

/** Every answered attempt is kept: failures feed the throttle, successes are the login history. */
export async function recordLoginAttempt(db: Db, now: number, attempt: { emailFold: string; ip: string; success: boolean }): Promise<void> {
  await db
    .insertInto('login_attempts')
    .values({ emailFold: attempt.emailFold.slice(0, 320), ip: attempt.ip, at: now, success: attempt.success ? 1 : 0 })
    .execute();
}
