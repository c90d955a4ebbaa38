import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestServer, startTestServer } from './harness.js';
import { testDialects } from './pg.js';

const dialects = await testDialects();

describe.each(dialects)('first-run setup on %s', (dialect) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(dialect, {}, { emptyDatabase: true });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('says setup is needed on an empty database', async () => {
    const r = await t.client().get('/api/v1/setup');
    expect(r).toMatchObject({ status: 200, body: { needed: true } });
  });

  it('refuses a setup with bad values and creates nothing', async () => {
    const c = t.client();
    const r = await c.post('/api/v1/setup', {
      organization: { name: 'Acme', timeZone: 'Nowhere/City' },
      admin: { name: 'Ada', email: 'ada@acme.example', password: 'long enough password' },
    });
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ code: 'INVALID_DATA', details: { field: 'organization.timeZone' } });
    const short = await c.post('/api/v1/setup', { organization: { name: 'Acme' }, admin: { name: 'Ada', email: 'ada@acme.example', password: 'short' } });
    expect(short.status).toBe(400);
    expect((await c.get('/api/v1/setup')).body.needed).toBe(true);
  });

  it('creates the organisation and the first administrator, signed in', async () => {
    const c = t.client();
    const r = await c.post('/api/v1/setup', {
      organization: { name: 'Acme Sp. z o.o.', timeZone: 'Europe/Warsaw', currency: 'PLN' },
      admin: { name: 'Ada Lovelace', email: 'ada@acme.example', password: 'long enough password' },
    });
    expect(r.status).toBe(201);
    expect(r.body.user).toMatchObject({ email: 'ada@acme.example', profile: 'Administrator' });
    const me = await c.get('/api/v1/me');
    expect(me.status).toBe(200);
    const org = await c.get('/api/v1/settings/organization');
    expect(org.body.data).toMatchObject({ name: 'Acme Sp. z o.o.', timeZone: 'Europe/Warsaw', currency: 'PLN' });
  });

  it('cannot run twice', async () => {
    const r = await t.client().post('/api/v1/setup', {
      organization: { name: 'Evil' },
      admin: { name: 'Mallory', email: 'mallory@evil.example', password: 'long enough password' },
    });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('CONFLICT');
    expect((await t.client().get('/api/v1/setup')).body.needed).toBe(false);
  });
});
