import type { Clock } from '../clock.js';
import type { ActingUser } from '../context.js';
import type { Db } from '../db/connection.js';
import { newSecret } from '../ids.js';
import { type UserRow, userRowToActingUser } from '../users/rows.js';
import { hashSecret, MAX_SECRET_LENGTH } from './secret-hash.js';

/** Sessions live 30 days after their last use (sliding). */
export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;
/** lastSeenAt (and the expiry) move at most once a minute: no write on every request. */
const TOUCH_INTERVAL_MS = 60 * 1000;

export interface NewSession {
  /** The cookie value; only its hash is stored. */
  token: string;
  expiresAt: Date;
}

export async function createSession(
  db: Db,
  clock: Clock,
  userId: string,
  meta: { ip?: string; userAgent?: string } = {},
): Promise<NewSession> {
  const token = newSecret();
  const now = clock.now().getTime();
  const expiresAt = now + SESSION_TTL_MS;
  await db
    .insertInto('sessions')
    .values({
      id: hashSecret(token),
      userId,
      createdAt: now,
      expiresAt,
      lastSeenAt: now,
      ip: meta.ip?.slice(0, 100) ?? null,
      userAgent: meta.userAgent?.slice(0, 500) ?? null,
    })
    .execute();
  // Expired sessions of this user are dead weight; the index on userId makes this cheap.
  await db.deleteFrom('sessions').where('userId', '=', userId).where('expiresAt', '<=', now).execute();
  return { token, expiresAt: new Date(expiresAt) };
}

/** The active user behind a live session token, or null. Extends the session as it is used. */
export async function userOfSession(db: Db, clock: Clock, token: string): Promise<ActingUser | null> {
  if (!token || token.length > MAX_SECRET_LENGTH) return null;
  const id = hashSecret(token);
  const now = clock.now().getTime();
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.userId')
    .selectAll('users')
    .select(['sessions.lastSeenAt as sessionLastSeenAt'])
    .where('sessions.id', '=', id)
    .where('sessions.expiresAt', '>', now)
    .where('users.active', '=', 1)
    .executeTakeFirst();
  if (!row) return null;
  if (now - Number(row.sessionLastSeenAt) >= TOUCH_INTERVAL_MS) {
    await db
      .updateTable('sessions')
      .set({ lastSeenAt: now, expiresAt: now + SESSION_TTL_MS })
      .where('id', '=', id)
      .execute();
  }
  return userRowToActingUser(row as unknown as UserRow);
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  if (!token || token.length > MAX_SECRET_LENGTH) return;
  await db.deleteFrom('sessions').where('id', '=', hashSecret(token)).execute();
}

/** Signs a user out everywhere (deactivation, password reset by an administrator). */
export async function deleteSessionsOfUser(db: Db, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('userId', '=', userId).execute();
}
