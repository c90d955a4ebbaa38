import type { Clock } from '../clock.js';
import type { ActingUser, Ctx } from '../context.js';
import type { Db } from '../db/connection.js';
import { invalidData, notFound, requiredMissing } from '../errors.js';
import { newId, newSecret } from '../ids.js';
import { type UserRow, userRowToActingUser } from '../users/rows.js';
import { hashSecret, MAX_SECRET_LENGTH } from './secret-hash.js';

/** The prefix makes a leaked token recognisable (secret scanners, logs) and tells it from a session. */
export const API_TOKEN_PREFIX = 'rap_';
/** lastUsedAt moves at most once a minute: no write on every API call. */
const TOUCH_INTERVAL_MS = 60 * 1000;

export interface NewApiToken {
  id: string;
  name: string;
  /** Shown once: only its hash is stored. */
  token: string;
}

export interface ApiTokenInfo {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

function parseTokenName(v: unknown): string {
  if (typeof v !== 'string') throw invalidData('name', "'name' must be a string");
  const name = v.trim();
  if (name === '') throw requiredMissing('name');
  if (name.includes('\u0000')) throw invalidData('name', "'name' may not contain a NUL character");
  if ([...name].length > 255) throw invalidData('name', "'name' is longer than 255 characters", { maxLength: 255 });
  return name;
}

/** A new token for the acting user. */
export async function createApiToken(ctx: Ctx, input: { name: unknown }): Promise<NewApiToken> {
  const name = parseTokenName(input.name);
  const now = ctx.clock.now().getTime();
  const id = newId(now);
  const token = API_TOKEN_PREFIX + newSecret();
  await ctx.db
    .insertInto('api_tokens')
    .values({ id, userId: ctx.user.id, name, tokenHash: hashSecret(token), createdAt: now, lastUsedAt: null })
    .execute();
  return { id, name, token };
}

/** The acting user's own tokens, without their secrets. */
export async function listApiTokens(ctx: Ctx): Promise<ApiTokenInfo[]> {
  const rows = await ctx.db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'createdAt', 'lastUsedAt'])
    .where('userId', '=', ctx.user.id)
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    createdAt: new Date(Number(r.createdAt)).toISOString(),
    lastUsedAt: r.lastUsedAt == null ? null : new Date(Number(r.lastUsedAt)).toISOString(),
  }));
}

/** Someone else's token answers 404 like a missing one: ids of other users' tokens stay hidden. */
export async function revokeApiToken(ctx: Ctx, id: string): Promise<void> {
  const res = await ctx.db.deleteFrom('api_tokens').where('id', '=', id).where('userId', '=', ctx.user.id).executeTakeFirst();
  if (Number(res.numDeletedRows) === 0) throw notFound('API token');
}

/** The active user behind an API token, or null. */
export async function userOfApiToken(db: Db, clock: Clock, token: string): Promise<ActingUser | null> {
  if (!token.startsWith(API_TOKEN_PREFIX) || token.length > MAX_SECRET_LENGTH) return null;
  const tokenHash = hashSecret(token);
  const row = await db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.userId')
    .selectAll('users')
    .select(['api_tokens.id as tokenId', 'api_tokens.lastUsedAt as tokenLastUsedAt'])
    .where('api_tokens.tokenHash', '=', tokenHash)
    .where('users.active', '=', 1)
    .executeTakeFirst();
  if (!row) return null;
  const now = clock.now().getTime();
  if (row.tokenLastUsedAt == null || now - Number(row.tokenLastUsedAt) >= TOUCH_INTERVAL_MS) {
    await db.updateTable('api_tokens').set({ lastUsedAt: now }).where('id', '=', row.tokenId).execute();
  }
  return userRowToActingUser(row as unknown as UserRow);
}
