import type { Clock } from '../clock.js';
import type { ActingUser } from '../context.js';
import type { Db } from '../db/connection.js';
import { fold } from '../db/fold.js';
import { DomainError } from '../errors.js';
import { type UserRow, userRowToActingUser } from '../users/rows.js';
import { verifyAgainstDummy, verifyPassword } from './password.js';
import { createSession, deleteSession } from './sessions.js';
import { checkLoginThrottle, recordLoginAttempt } from './throttle.js';

export interface LoginInput {
  email: string;
  password: string;
  /** Accepted for the API contract; two-factor sign-in is not enforced yet. */
  totp?: string;
  ip: string;
  userAgent?: string;
}

export interface LoginResult {
  user: ActingUser;
  sessionToken: string;
  expiresAt: Date;
}

// One answer for an unknown email, a wrong password, an account without a password and an
// inactive account: the response must not tell which emails have (usable) accounts.
const invalidCredentials = () => new DomainError('INVALID_CREDENTIALS', 'The email or password is not correct');

export async function login(db: Db, clock: Clock, input: LoginInput): Promise<LoginResult> {
  const emailFold = fold(input.email.trim());
  const now = clock.now().getTime();
  await checkLoginThrottle(db, now, emailFold, input.ip);

  const row = (await db.selectFrom('users').selectAll().where('emailFold', '=', emailFold).executeTakeFirst()) as UserRow | undefined;
  const ok = row?.passwordHash ? await verifyPassword(row.passwordHash, input.password) : await verifyAgainstDummy(input.password);
  const success = ok && !!row?.active;
  await recordLoginAttempt(db, now, { emailFold, ip: input.ip, success });
  if (!success || !row) throw invalidCredentials();

  const session = await createSession(db, clock, row.id, { ip: input.ip, userAgent: input.userAgent });
  return { user: userRowToActingUser(row), sessionToken: session.token, expiresAt: session.expiresAt };
}

/** Ends the session of this token; an unknown or missing token is already signed out. */
export async function logout(db: Db, sessionToken: string | undefined): Promise<void> {
  if (sessionToken) await deleteSession(db, sessionToken);
}
