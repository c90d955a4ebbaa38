import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureFirstAdmin, hashPassword, verifyPassword } from '../src/auth/index.js';
import { AdjustableClock } from '../src/clock.js';
import { readConfig } from '../src/config.js';
import { type Database, openPostgres, openSqlite } from '../src/db/connection.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { type App, buildApp } from '../src/http/app.js';
import { MetadataCache } from '../src/metadata/snapshot.js';
import { freshPostgresDatabase, testDialects } from './pg.js';

// These suites use buildApp + inject rather than the HTTP harness: they need to move the clock
// and to sign in from many client addresses (the per-IP login throttle would otherwise block them).
interface TestDb {
  database: Database;
  drop(): Promise<void>;
}

async function openTestDb(dialect: 'sqlite' | 'postgres'): Promise<TestDb> {
  if (dialect === 'postgres') {
    const pgDb = await freshPostgresDatabase();
    return { database: openPostgres(pgDb.url, 4), drop: pgDb.drop };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-auth-'));
  return { database: openSqlite(path.join(dir, 'test.db')), drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
}

const dialects = await testDialects();

const ADMIN_EMAIL = 'Admin@Example.com';
const ADMIN_PASSWORD = 'correct horse battery';

describe.each(dialects)('authentication on %s', (dialect) => {
  let testDb: TestDb;
  let app: App;
  let clock: AdjustableClock;
  let ipSeq = 0;
  // Every test signs in from its own address so the per-IP throttle of one never blocks another.
  const nextIp = () => `10.0.${Math.floor(++ipSeq / 250)}.${ipSeq % 250}`;

  const db = () => testDb.database.db;

  async function signIn(email: string, password: string, ip = nextIp()) {
    return app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, remoteAddress: ip });
  }
  function sessionOf(res: { cookies: { name: string; value: string }[] }): string {
    const c = res.cookies.find((k) => k.name === 'rapport_session');
    if (!c) throw new Error('no session cookie');
    return c.value;
  }
  async function adminSession() {
    const res = await signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
    expect(res.statusCode).toBe(200);
    return sessionOf(res);
  }
  const me = (creds: { session?: string; bearer?: string }) =>
    app.inject({
      method: 'GET',
      url: '/api/v1/me',
      ...(creds.session ? { cookies: { rapport_session: creds.session } } : {}),
      ...(creds.bearer ? { headers: { authorization: `Bearer ${creds.bearer}` } } : {}),
    });
  async function createUser(session: string, body: Record<string, unknown>) {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/users',
      cookies: { rapport_session: session },
      payload: body,
    });
    expect(res.statusCode).toBe(201);
    return res.json().data as { id: string; email: string };
  }

  beforeAll(async () => {
    testDb = await openTestDb(dialect);
    await migrateToLatest(testDb.database);
    clock = new AdjustableClock();
    expect(await ensureFirstAdmin(db(), clock, ADMIN_EMAIL, ADMIN_PASSWORD)).toBe(true);
    const config = readConfig({ RAPPORT_DATA_DIR: os.tmpdir() });
    app = await buildApp({ database: testDb.database, config, clock, metaCache: new MetadataCache() }, { logger: false });
  });

  afterAll(async () => {
    await app?.close();
    await testDb?.database.close();
    await testDb?.drop();
  });

  it('creates the first administrator only while there is no user', async () => {
    expect(await ensureFirstAdmin(db(), clock, 'other@example.com', 'another password')).toBe(false);
    const users = await db().selectFrom('users').select(['email', 'profile', 'active', 'passwordHash']).execute();
    expect(users).toHaveLength(1);
    expect(users[0]).toMatchObject({ email: ADMIN_EMAIL, profile: 'Administrator', active: 1 });
    expect(users[0].passwordHash).toMatch(/^\$argon2id\$/);
  });

  it('hashes passwords with argon2id and verifies them', async () => {
    const h = await hashPassword('s3cret password');
    expect(h).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(h, 's3cret password')).toBe(true);
    expect(await verifyPassword(h, 's3cret passwore')).toBe(false);
    expect(await verifyPassword('not a hash', 'x')).toBe(false);
  });

  it('signs in with the right password and sets an HttpOnly SameSite=Lax cookie', async () => {
    const res = await signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(Object.keys(body.user).sort()).toEqual(['email', 'id', 'name', 'profile', 'role']);
    expect(body.user).toMatchObject({ email: ADMIN_EMAIL, profile: 'Administrator', role: null });
    const cookie = res.cookies.find((c) => c.name === 'rapport_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.secure).toBeFalsy();
    const expires = new Date(cookie?.expires as unknown as string).getTime();
    expect(expires - clock.now().getTime()).toBeGreaterThan(29 * 24 * 3600 * 1000);
    const meRes = await me({ session: sessionOf(res) });
    expect(meRes.statusCode).toBe(200);
    expect(meRes.json().user).toMatchObject({ email: ADMIN_EMAIL, active: true, timeZone: 'UTC' });
  });

  it('stores only a hash of the session token', async () => {
    const token = await adminSession();
    const rows = await db().selectFrom('sessions').select('id').execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((r) => r.id === token)).toBe(false);
  });

  it('marks the cookie Secure when the request came over https', async () => {
    const before = process.env.RAPPORT_TRUST_PROXY;
    process.env.RAPPORT_TRUST_PROXY = '1';
    const config = readConfig({ RAPPORT_DATA_DIR: os.tmpdir() });
    const httpsApp = await buildApp({ database: testDb.database, config, clock, metaCache: new MetadataCache() }, { logger: false });
    if (before === undefined) delete process.env.RAPPORT_TRUST_PROXY;
    else process.env.RAPPORT_TRUST_PROXY = before;
    try {
      const res = await httpsApp.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'x-forwarded-proto': 'https' },
        payload: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
        remoteAddress: nextIp(),
      });
      expect(res.statusCode).toBe(200);
      expect(res.cookies.find((c) => c.name === 'rapport_session')?.secure).toBe(true);
    } finally {
      await httpsApp.close();
    }
  });

  it('compares emails case-insensitively and ignores surrounding spaces', async () => {
    const res = await signIn('  aDMIN@example.COM ', ADMIN_PASSWORD);
    expect(res.statusCode).toBe(200);
  });

  it('answers a wrong password and an unknown email with the same 401', async () => {
    const wrong = await signIn(ADMIN_EMAIL, 'not the password');
    const unknown = await signIn('nobody@example.com', 'not the password');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().error.code).toBe('INVALID_CREDENTIALS');
    expect(wrong.cookies).toHaveLength(0);
  });

  it('refuses sign-in after 10 failures for one account, even with the right password, for 15 minutes', async () => {
    const session = await adminSession();
    const user = await createUser(session, { email: 'throttled@example.com', name: 'T', password: 'the password 1', profile: 'Standard' });
    for (let i = 0; i < 10; i++) {
      // From different addresses: the account's own limit is what is tested.
      expect((await signIn(user.email, `wrong ${i}`)).statusCode).toBe(401);
    }
    const blocked = await signIn(user.email, 'the password 1');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe('RATE_LIMITED');
    expect(blocked.json().error.details.retryAfterSeconds).toBeGreaterThan(0);
    // Other accounts are not affected.
    expect((await signIn(ADMIN_EMAIL, ADMIN_PASSWORD)).statusCode).toBe(200);
    clock.advance(15 * 60 * 1000 + 1000);
    expect((await signIn(user.email, 'the password 1')).statusCode).toBe(200);
  });

  it('refuses sign-in from an address after 10 failures from it', async () => {
    const ip = nextIp();
    for (let i = 0; i < 10; i++) {
      expect((await signIn(`guess${i}@example.com`, 'wrong password', ip)).statusCode).toBe(401);
    }
    const blocked = await signIn(ADMIN_EMAIL, ADMIN_PASSWORD, ip);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe('RATE_LIMITED');
    expect((await signIn(ADMIN_EMAIL, ADMIN_PASSWORD, nextIp())).statusCode).toBe(200);
  });

  it('ends the session on logout and clears the cookie', async () => {
    const session = await adminSession();
    expect((await me({ session })).statusCode).toBe(200);
    const out = await app.inject({ method: 'POST', url: '/api/v1/auth/logout', cookies: { rapport_session: session } });
    expect(out.statusCode).toBe(204);
    expect(out.body).toBe('');
    const cleared = out.cookies.find((c) => c.name === 'rapport_session');
    expect(cleared?.value).toBe('');
    expect(new Date(cleared?.expires as unknown as string).getTime()).toBeLessThan(Date.now());
    const after = await me({ session });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('answers logout without a session with 204', async () => {
    expect((await app.inject({ method: 'POST', url: '/api/v1/auth/logout' })).statusCode).toBe(204);
  });

  it.each([
    ['no credentials', {}],
    ['a garbage cookie', { session: 'garbage' }],
    ['a forged cookie', { session: 'A'.repeat(43) }],
    ['an oversized cookie', { session: 'x'.repeat(5000) }],
    ['a garbage bearer token', { bearer: 'garbage' }],
    ['a forged bearer token', { bearer: `rap_${'A'.repeat(43)}` }],
  ])('refuses %s with 401 UNAUTHENTICATED', async (_label, creds) => {
    const res = await me(creds);
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: expect.any(String), details: {} } });
  });

  it.each([
    ['an invalid rule', 'POST', '/api/v1/automation/workflow-rules', { name: '', trigger: { on: 42 } }],
    ['an unknown property', 'POST', '/api/v1/records/leads', { data: [{ lastName: 'X' }], nonsense: true }],
    ['a bad path parameter', 'PATCH', '/api/v1/users/%00', { name: 1 }],
    ['an empty JSON body', 'PATCH', '/api/v1/users/abc', ''],
    ['a malformed JSON body', 'POST', '/api/v1/records/leads', '{"data": ['],
  ])('answers an anonymous request with %s 401, before judging its body', async (_label, method, url, payload) => {
    const res = await app.inject({
      method: method as 'POST' | 'PATCH',
      url,
      ...(typeof payload === 'string' ? { payload, headers: { 'content-type': 'application/json' } } : { payload }),
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a session token used as a bearer token', async () => {
    const session = await adminSession();
    expect((await me({ bearer: session })).statusCode).toBe(401);
  });

  it('keeps a session alive while it is used and expires it after 30 idle days', async () => {
    const session = await adminSession();
    clock.advance(20 * 24 * 3600 * 1000);
    expect((await me({ session })).statusCode).toBe(200);
    clock.advance(20 * 24 * 3600 * 1000);
    expect((await me({ session })).statusCode).toBe(200);
    clock.advance(31 * 24 * 3600 * 1000);
    expect((await me({ session })).statusCode).toBe(401);
  });

  it('issues API tokens that work as Bearer until revoked and are shown only once', async () => {
    const session = await adminSession();
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/api-tokens',
      cookies: { rapport_session: session },
      payload: { name: 'Zapier' },
    });
    expect(created.statusCode).toBe(201);
    const { id, name, token } = created.json();
    expect(name).toBe('Zapier');
    expect(token).toMatch(/^rap_[A-Za-z0-9_-]{43}$/);

    const viaToken = await me({ bearer: token });
    expect(viaToken.statusCode).toBe(200);
    expect(viaToken.json().user.email).toBe(ADMIN_EMAIL);

    const list = await app.inject({ method: 'GET', url: '/api/v1/api-tokens', headers: { authorization: `Bearer ${token}` } });
    expect(list.statusCode).toBe(200);
    const entry = list.json().data.find((t: { id: string }) => t.id === id);
    expect(Object.keys(entry).sort()).toEqual(['createdAt', 'id', 'lastUsedAt', 'name']);
    expect(entry.lastUsedAt).toMatch(/Z$/);
    expect(list.body).not.toContain(token.slice(4));
    const stored = await db().selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain(token.slice(4));

    const del = await app.inject({ method: 'DELETE', url: `/api/v1/api-tokens/${id}`, cookies: { rapport_session: session } });
    expect(del.statusCode).toBe(204);
    expect((await me({ bearer: token })).statusCode).toBe(401);
    const again = await app.inject({ method: 'DELETE', url: `/api/v1/api-tokens/${id}`, cookies: { rapport_session: session } });
    expect(again.statusCode).toBe(404);
  });

  it("neither lists nor revokes another user's tokens", async () => {
    const adminS = await adminSession();
    const other = await createUser(adminS, { email: 'tokens@example.com', name: 'Tok', password: 'tokens password', profile: 'Standard' });
    const otherS = sessionOf(await signIn(other.email, 'tokens password'));
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/api-tokens',
      cookies: { rapport_session: otherS },
      payload: { name: 'mine' },
    });
    const { id, token } = created.json();
    const adminList = await app.inject({ method: 'GET', url: '/api/v1/api-tokens', cookies: { rapport_session: adminS } });
    expect(adminList.json().data.map((t: { id: string }) => t.id)).not.toContain(id);
    const del = await app.inject({ method: 'DELETE', url: `/api/v1/api-tokens/${id}`, cookies: { rapport_session: adminS } });
    expect(del.statusCode).toBe(404);
    expect((await me({ bearer: token })).statusCode).toBe(200);
  });

  it('rejects an API token request without a name or with unknown properties', async () => {
    const session = await adminSession();
    for (const payload of [{}, { name: '' }, { name: 'x', extra: 1 }, { name: 'x'.repeat(256) }]) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/api-tokens', cookies: { rapport_session: session }, payload });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'INVALID_REQUEST', details: { field: expect.any(String) } });
    }
  });

  it('stops a deactivated user: no sign-in, no session, no token; reactivation restores sign-in', async () => {
    const adminS = await adminSession();
    const user = await createUser(adminS, {
      email: 'leaver@example.com',
      name: 'Leaver',
      password: 'leaver password',
      profile: 'Standard',
    });
    const userS = sessionOf(await signIn(user.email, 'leaver password'));
    const tokenRes = await app.inject({
      method: 'POST',
      url: '/api/v1/api-tokens',
      cookies: { rapport_session: userS },
      payload: { name: 'script' },
    });
    const { token } = tokenRes.json();
    expect((await me({ bearer: token })).statusCode).toBe(200);

    const patch = await app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${user.id}`,
      cookies: { rapport_session: adminS },
      payload: { active: false },
    });
    expect(patch.statusCode).toBe(200);
    expect(patch.json().data.active).toBe(false);

    expect((await me({ session: userS })).statusCode).toBe(401);
    expect((await me({ bearer: token })).statusCode).toBe(401);
    const denied = await signIn(user.email, 'leaver password');
    expect(denied.statusCode).toBe(401);
    expect(denied.json().error.code).toBe('INVALID_CREDENTIALS');

    await app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${user.id}`,
      cookies: { rapport_session: adminS },
      payload: { active: true },
    });
    expect((await signIn(user.email, 'leaver password')).statusCode).toBe(200);
    expect((await me({ bearer: token })).statusCode).toBe(200);
  });

  it('refuses the session of a user deactivated outside the API (CLI, another process)', async () => {
    const adminS = await adminSession();
    const user = await createUser(adminS, {
      email: 'direct@example.com',
      name: 'Direct',
      password: 'direct password',
      profile: 'Standard',
    });
    const userS = sessionOf(await signIn(user.email, 'direct password'));
    expect((await me({ session: userS })).statusCode).toBe(200);
    await db().updateTable('users').set({ active: 0 }).where('id', '=', user.id).execute();
    expect((await me({ session: userS })).statusCode).toBe(401);
  });

  it('does not let a user created without a password sign in', async () => {
    const adminS = await adminSession();
    const user = await createUser(adminS, { email: 'nopass@example.com', name: 'No Pass', profile: 'Standard' });
    const res = await signIn(user.email, '');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('INVALID_CREDENTIALS');
  });

  it('rejects a login body of the wrong shape with 400', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: ADMIN_EMAIL } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'INVALID_REQUEST', details: { field: 'password' } });
    const extra = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD, remember: true },
    });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().error.details.field).toBe('remember');
  });

  it('keeps the login history', async () => {
    const rows = await db()
      .selectFrom('login_attempts')
      .select(sql<number>`count(*)`.as('n'))
      .where('success', '=', 1)
      .executeTakeFirstOrThrow();
    expect(Number(rows.n)).toBeGreaterThan(0);
  });
});
