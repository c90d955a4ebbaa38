import type { Clock } from '../clock.js';
import type { ActingUser } from '../context.js';
import type { Db } from '../db/connection.js';
import { userOfApiToken } from './api-tokens.js';
import { userOfSession } from './sessions.js';

/**
 * Who is calling, or null. A bearer token, when given, decides alone: a request that names a
 * wrong token is refused even if it also carries a valid cookie, so a broken integration
 * fails loudly instead of borrowing a browser session.
 */
export async function authenticateRequest(
  db: Db,
  clock: Clock,
  creds: { sessionToken?: string; bearer?: string },
): Promise<ActingUser | null> {
  if (creds.bearer !== undefined) return userOfApiToken(db, clock, creds.bearer);
  if (creds.sessionToken) return userOfSession(db, clock, creds.sessionToken);
  return null;
}
