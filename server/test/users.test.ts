import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureFirstAdmin } from '../src/auth/index.js';
import { AdjustableClock } from '../src/clock.js';
import { readConfig } from '../src/config.js';
import type { Ctx } from '../src/context.js';
import { type Database, openPostgres, openSqlite } from '../src/db/connection.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { DomainError } from '../src/errors.js';
import { type App, buildApp } from '../src/http/app.js';
import { MetadataCache } from '../src/metadata/snapshot.js';
import { type UserRow, updateUser, userRowToActingUser } from '../src/users/index.js';
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
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-users-'));
  return { database: openSqlite(path.join(dir, 'test.db')), drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
}

const dialects = await testDialects();

const ADMIN_EMAIL = 'root@example.com';
const ADMIN_PASSWORD = 'root password 1';

describe.each(dialects)('users on %s', (dialect) => {
  let testDb: TestDb;
  let app: App;
  let clock: AdjustableClock;
  let metaCache: MetadataCache;
  let adminS: string;
  let ipSeq = 0;
  const db = () => testDb.database.db;

  async function signIn(email: string, password: string) {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password },
      remoteAddress: `10.1.0.${++ipSeq % 250}`,
    });
    return res;
  }
  async function sessionFor(email: string, password: string) {
    const res = await signIn(email, password);
    expect(res.statusCode).toBe(200);
    return res.cookies.find((c) => c.name === 'rapport_session')?.value as string;
  }
  const call = (session: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
    app.inject({ method, url: `/api/v1${url}`, cookies: { rapport_session: session }, ...(payload ? { payload } : {}) });

  let seq = 0;
  async function newUser(extra: Record<string, unknown> = {}) {
    const email = `user${++seq}@example.com`;
    const res = await call(adminS, 'POST', '/users', {
      email,
      name: `User ${seq}`,
      password: 'password 123',
      profile: 'Standard',
      ...extra,
    });
    expect(res.statusCode).toBe(201);
    return { ...(res.json().data as { id: string; email: string }), password: 'password 123' };
  }
  async function ctxFor(userId: string): Promise<Ctx> {
    const row = (await db().selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow()) as UserRow;
    return { db: db(), dialect, meta: await metaCache.get(db()), user: userRowToActingUser(row), clock };
  }

  beforeAll(async () => {
    testDb = await openTestDb(dialect);
    await migrateToLatest(testDb.database);
    clock = new AdjustableClock();
    metaCache = new MetadataCache();
    await ensureFirstAdmin(db(), clock, ADMIN_EMAIL, ADMIN_PASSWORD);
    const config = readConfig({ RAPPORT_DATA_DIR: os.tmpdir() });
    app = await buildApp({ database: testDb.database, config, clock, metaCache }, { logger: false });
    adminS = await sessionFor(ADMIN_EMAIL, ADMIN_PASSWORD);
  });

  afterAll(async () => {
    await app?.close();
    await testDb?.database.close();
    await testDb?.drop();
  });

  it('creates a user: 201 with the user and organisation defaults, never the password hash', async () => {
    const res = await call(adminS, 'POST', '/users', {
      email: '  Jane.Doe@Example.com ',
      name: ' Jane Doe ',
      password: 'jane password',
      profile: 'Standard',
    });
    expect(res.statusCode).toBe(201);
    const user = res.json().data;
    expect(Object.keys(user).sort()).toEqual(['active', 'createdAt', 'email', 'id', 'locale', 'name', 'profile', 'role', 'timeZone']);
    expect(user).toMatchObject({
      email: 'Jane.Doe@Example.com',
      name: 'Jane Doe',
      profile: 'Standard',
      role: null,
      active: true,
      timeZone: 'UTC',
      locale: 'en',
    });
    expect(user.createdAt).toMatch(/^\d{4}-\d\d-\d\dT.*Z$/);
    expect(res.body).not.toContain('argon2');
    expect((await signIn('jane.doe@example.com', 'jane password')).statusCode).toBe(200);
  });

  it('stores time zone and locale in canonical spelling', async () => {
    const res = await call(adminS, 'POST', '/users', {
      email: 'zoned@example.com',
      name: 'Zoned',
      profile: 'Administrator',
      role: 'Sales Manager',
      timeZone: 'europe/paris',
      locale: 'fr-ca',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().data).toMatchObject({ timeZone: 'Europe/Paris', locale: 'fr-CA', role: 'Sales Manager', profile: 'Administrator' });
  });

  it('refuses a second user with the same email, whatever its case: 409 naming the field', async () => {
    const first = await newUser();
    const res = await call(adminS, 'POST', '/users', { email: first.email.toUpperCase(), name: 'Dup', profile: 'Standard' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toEqual({ error: { code: 'DUPLICATE_DATA', message: expect.any(String), details: { field: 'email' } } });
  });

  it.each([
    ['a malformed email', { email: 'not an email' }, 'INVALID_DATA', 'email'],
    ['two emails', { email: 'a@example.com, b@example.com' }, 'INVALID_DATA', 'email'],
    ['an empty name', { name: '   ' }, 'REQUIRED_FIELD_MISSING', 'name'],
    ['a name with NUL', { name: 'a\u0000b' }, 'INVALID_DATA', 'name'],
    ['a name over 255 characters', { name: 'n'.repeat(256) }, 'INVALID_REQUEST', 'name'],
    ['a short password', { password: 'short' }, 'INVALID_DATA', 'password'],
    ['a password over 1000 characters', { password: 'p'.repeat(1001) }, 'INVALID_REQUEST', 'password'],
    ['an unknown profile', { profile: 'Boss' }, 'INVALID_REQUEST', 'profile'],
    ['an unknown time zone', { timeZone: 'Mars/Olympus' }, 'INVALID_DATA', 'timeZone'],
    ['an unknown locale', { locale: 'not a locale' }, 'INVALID_DATA', 'locale'],
    ['an unknown property', { salary: 1 }, 'INVALID_REQUEST', 'salary'],
    ['a missing email', { email: undefined }, 'INVALID_REQUEST', 'email'],
  ])('answers %s with 400 naming the field', async (_label, change, code, field) => {
    const body = { email: `bad${++seq}@example.com`, name: 'Bad', password: 'password 123', profile: 'Standard', ...change };
    const res = await call(adminS, 'POST', '/users', body);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      error: { code, message: expect.any(String), details: expect.objectContaining({ field }) },
    });
  });

  it('lists users and gets one; an unknown id is 404', async () => {
    const u = await newUser();
    const list = await call(adminS, 'GET', '/users');
    expect(list.statusCode).toBe(200);
    const emails = list.json().data.map((x: { email: string }) => x.email);
    expect(emails).toContain(ADMIN_EMAIL);
    expect(emails).toContain(u.email);
    expect(list.body).not.toContain('passwordHash');
    const one = await call(adminS, 'GET', `/users/${u.id}`);
    expect(one.statusCode).toBe(200);
    expect(one.json().data).toMatchObject({ id: u.id, email: u.email });
    const missing = await call(adminS, 'GET', '/users/nosuchuser');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('NOT_FOUND');
  });

  it('lets a Standard user read users but not create them (403)', async () => {
    const u = await newUser();
    const s = await sessionFor(u.email, u.password);
    expect((await call(s, 'GET', '/users')).statusCode).toBe(200);
    const res = await call(s, 'POST', '/users', { email: 'sneaky@example.com', name: 'Sneaky', profile: 'Administrator' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
    expect(await db().selectFrom('users').select('id').where('emailFold', '=', 'sneaky@example.com').executeTakeFirst()).toBeUndefined();
  });

  it('lets a Standard user change their own name, time zone, locale and password, nothing else', async () => {
    const u = await newUser();
    const s = await sessionFor(u.email, u.password);
    const ok = await call(s, 'PATCH', `/users/${u.id}`, { name: 'New Name', timeZone: 'America/New_York', locale: 'de' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().data).toMatchObject({ name: 'New Name', timeZone: 'America/New_York', locale: 'de', profile: 'Standard' });

    const promote = await call(s, 'PATCH', `/users/${u.id}`, { profile: 'Administrator' });
    expect(promote.statusCode).toBe(403);
    expect(promote.json().error).toMatchObject({ code: 'FORBIDDEN', details: { field: 'profile' } });
    const other = await call(s, 'PATCH', `/users/${(await newUser()).id}`, { name: 'Hijacked' });
    expect(other.statusCode).toBe(403);

    const pw = await call(s, 'PATCH', `/users/${u.id}`, { password: 'a brand new password' });
    expect(pw.statusCode).toBe(200);
    expect((await signIn(u.email, u.password)).statusCode).toBe(401);
    expect((await signIn(u.email, 'a brand new password')).statusCode).toBe(200);
    // Changing one's own password keeps one's own session.
    expect((await call(s, 'GET', '/me')).statusCode).toBe(200);
  });

  it('signs a user out everywhere when an administrator sets their password', async () => {
    const u = await newUser();
    const s = await sessionFor(u.email, u.password);
    const res = await call(adminS, 'PATCH', `/users/${u.id}`, { password: 'reset by admin' });
    expect(res.statusCode).toBe(200);
    expect((await call(s, 'GET', '/me')).statusCode).toBe(401);
    expect((await signIn(u.email, 'reset by admin')).statusCode).toBe(200);
  });

  it('lets an administrator promote, demote and deactivate users', async () => {
    const u = await newUser();
    const promoted = await call(adminS, 'PATCH', `/users/${u.id}`, { profile: 'Administrator', role: 'CEO' });
    expect(promoted.json().data).toMatchObject({ profile: 'Administrator', role: 'CEO' });
    const demoted = await call(adminS, 'PATCH', `/users/${u.id}`, { profile: 'Standard', active: false, role: null });
    expect(demoted.statusCode).toBe(200);
    expect(demoted.json().data).toMatchObject({ profile: 'Standard', active: false, role: null });
  });

  it('answers PATCH of an unknown user with 404 and bad values with 400', async () => {
    expect((await call(adminS, 'PATCH', '/users/nosuchuser', { name: 'X' })).statusCode).toBe(404);
    const u = await newUser();
    const bad = await call(adminS, 'PATCH', `/users/${u.id}`, { timeZone: 'Nowhere/Land' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'INVALID_DATA', details: { field: 'timeZone' } });
    const extra = await call(adminS, 'PATCH', `/users/${u.id}`, { email: 'new@example.com' });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().error.details.field).toBe('email');
  });

  it('never removes the last active administrator', async () => {
    // Leave exactly one active administrator: the first one.
    const admins = await db()
      .selectFrom('users')
      .select('id')
      .where('profile', '=', 'Administrator')
      .where('email', '!=', ADMIN_EMAIL)
      .execute();
    for (const a of admins) expect((await call(adminS, 'PATCH', `/users/${a.id}`, { active: false })).statusCode).toBe(200);
    const root = await db().selectFrom('users').select('id').where('email', '=', ADMIN_EMAIL).executeTakeFirstOrThrow();

    const deactivate = await call(adminS, 'PATCH', `/users/${root.id}`, { active: false });
    expect(deactivate.statusCode).toBe(400);
    expect(deactivate.json().error).toMatchObject({ code: 'INVALID_DATA', details: { field: 'active' } });
    const demote = await call(adminS, 'PATCH', `/users/${root.id}`, { profile: 'Standard' });
    expect(demote.statusCode).toBe(400);
    expect(demote.json().error).toMatchObject({ code: 'INVALID_DATA', details: { field: 'profile' } });
    const still = await call(adminS, 'GET', `/users/${root.id}`);
    expect(still.json().data).toMatchObject({ profile: 'Administrator', active: true });

    // With a second administrator, the first may step down.
    const second = await newUser({ profile: 'Administrator' });
    const stepDown = await call(adminS, 'PATCH', `/users/${root.id}`, { profile: 'Standard' });
    expect(stepDown.statusCode).toBe(200);
    // Restore for the other tests (the second administrator acts).
    const secondS = await sessionFor(second.email, second.password);
    expect((await call(secondS, 'PATCH', `/users/${root.id}`, { profile: 'Administrator' })).statusCode).toBe(200);
    expect((await call(adminS, 'PATCH', `/users/${second.id}`, { active: false })).statusCode).toBe(200);
  });

  it('keeps one administrator when two demote each other at the same time', async () => {
    const a = await newUser({ profile: 'Administrator' });
    const root = await db().selectFrom('users').select('id').where('email', '=', ADMIN_EMAIL).executeTakeFirstOrThrow();
    const [ctxA, ctxRoot] = await Promise.all([ctxFor(a.id), ctxFor(root.id)]);
    const results = await Promise.allSettled([
      updateUser(ctxA, root.id, { profile: 'Standard' }),
      updateUser(ctxRoot, a.id, { profile: 'Standard' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(failed.reason).toBeInstanceOf(DomainError);
    expect((failed.reason as DomainError).code).toBe('INVALID_DATA');
    const admins = await db().selectFrom('users').select('id').where('profile', '=', 'Administrator').where('active', '=', 1).execute();
    expect(admins).toHaveLength(1);
    // Restore the first administrator if it was the one demoted.
    if (admins[0].id !== root.id) await updateUser(await ctxFor(admins[0].id), root.id, { profile: 'Administrator' });
  });
});
