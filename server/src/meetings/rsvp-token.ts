import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Db } from '../db/connection.js';
import { newSecret } from '../ids.js';

const SECRET_KEY = 'rsvpSecret';
/** How long an invitation's answer links work after the invitation was sent. */
export const RSVP_TOKEN_TTL_MS = 30 * 24 * 60 * 60 * 1000;

export interface RsvpClaim {
  eventId: string;
  /** The participant: `contact:<id>`, `lead:<id>`, `user:<id>` or `email:<address>`. */
  attendee: string;
  /** Epoch ms after which the link no longer works. */
  expiresAt: number;
}

/**
 * The server's RSVP signing secret, made once per database (the first process to need it wins
 * the insert; every process then reads the same value).
 */
export async function rsvpSecret(db: Db): Promise<string> {
  await db
    .insertInto('settings')
    .values({ key: SECRET_KEY, value: newSecret() })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const row = await db.selectFrom('settings').select('value').where('key', '=', SECRET_KEY).executeTakeFirstOrThrow();
  return row.value as string;
}

const mac = (secret: string, body: string) => createHmac('sha256', secret).update(`rsvp.${body}`).digest();

/** `<base64url JSON claim>.<base64url HMAC-SHA256>`: anyone holding it may answer for that participant. */
export function signRsvp(secret: string, claim: RsvpClaim): string {
  const body = Buffer.from(JSON.stringify([claim.eventId, claim.attendee, claim.expiresAt])).toString('base64url');
  return `${body}.${mac(secret, body).toString('base64url')}`;
}

export type RsvpCheck = { ok: true; claim: RsvpClaim } | { ok: false; reason: 'invalid' | 'expired' };

/** Verifies the signature first (constant time), then the claim's shape, then its expiry. */
export function verifyRsvp(secret: string, token: string, now: number): RsvpCheck {
  const m = /^([A-Za-z0-9_-]{1,2000})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) return { ok: false, reason: 'invalid' };
  const given = Buffer.from(m[2], 'base64url');
  const expected = mac(secret, m[1]);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'invalid' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(m[1], 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) return { ok: false, reason: 'invalid' };
  const [eventId, attendee, expiresAt] = parsed;
  if (typeof eventId !== 'string' || typeof attendee !== 'string' || typeof expiresAt !== 'number') return { ok: false, reason: 'invalid' };
  if (now > expiresAt) return { ok: false, reason: 'expired' };
  return { ok: true, claim: { eventId, attendee, expiresAt } };
}
