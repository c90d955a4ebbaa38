import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, type TestServer, startTestServer } from './harness.js';
import { testDialects } from './pg.js';

const dialects = await testDialects();

describe.each(dialects)('saved views, organisation settings and the test clock on %s', (dialect) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(dialect, { RAPPORT_TEST_CLOCK: '1' });
    await t.admin.post('/api/v1/records/leads', {
      data: [
        { lastName: 'Viewed A', leadStatus: 'Working', rating: 'Hot' },
        { lastName: 'Viewed B', leadStatus: 'Working', rating: 'Cold' },
        { lastName: 'Viewed C', leadStatus: 'New', rating: 'Hot' },
      ],
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('saves a view and lists through it, ANDing the request filter', async () => {
    const v = await t.admin.post('/api/v1/views', {
      module: 'leads',
      name: 'Working leads',
      shared: true,
      filter: { field: 'leadStatus', op: 'eq', value: 'Working' },
      sort: 'lastName',
      fields: ['lastName', 'rating'],
    });
    expect(v.status).toBe(201);
    const list = await t.admin.get(`/api/v1/records/leads?view=${v.body.data.id}`);
    expect(list.status).toBe(200);
    expect(list.body.data.map((r: any) => r.lastName)).toEqual(['Viewed A', 'Viewed B']);
    expect(Object.keys(list.body.data[0]).sort()).toEqual(['id', 'lastName', 'rating', 'version']);
    const hot = encodeURIComponent(JSON.stringify({ field: 'rating', op: 'eq', value: 'Hot' }));
    const both = await t.admin.get(`/api/v1/records/leads?view=${v.body.data.id}&filter=${hot}`);
    expect(both.body.data.map((r: any) => r.lastName)).toEqual(['Viewed A']);
    const views = await t.admin.get('/api/v1/views?module=leads');
    expect(views.body.data.some((x: any) => x.name === 'Working leads')).toBe(true);
  });

  it('clears a view\'s sort and columns with null', async () => {
    const v = await t.admin.post('/api/v1/views', { module: 'leads', name: 'Clearable', sort: 'lastName', fields: ['lastName'] });
    const cleared = await t.admin.patch(`/api/v1/views/${v.body.data.id}`, { sort: null, fields: null, filter: null });
    expect(cleared.status).toBe(200);
    expect(cleared.body.data).toMatchObject({ sort: null, fields: null, filter: null });
  });

  it('rejects a view with a bad filter and a list with an unknown view', async () => {
    const bad = await t.admin.post('/api/v1/views', { module: 'leads', name: 'Bad', filter: { field: 'nope', op: 'eq', value: 1 } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('INVALID_FILTER');
    const unknown = await t.admin.get('/api/v1/records/leads?view=doesnotexist');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('NOT_FOUND');
  });

  it('changes the organisation time zone and refuses an invalid one', async () => {
    const ok = await t.admin.patch('/api/v1/settings/organization', { timeZone: 'Europe/Warsaw', name: 'Acme Sp. z o.o.' });
    expect(ok.status).toBe(200);
    expect(ok.body.data).toMatchObject({ timeZone: 'Europe/Warsaw', name: 'Acme Sp. z o.o.' });
    const bad = await t.admin.patch('/api/v1/settings/organization', { timeZone: 'Mars/Olympus' });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'INVALID_DATA', details: { field: 'timeZone' } });
    expect((await t.admin.get('/api/v1/settings/organization')).body.data.timeZone).toBe('Europe/Warsaw');
  });

  it('moves the test clock forward, and new records carry the moved time', async () => {
    const before = Date.now();
    const r = await t.admin.post('/api/v1/test-clock/advance', { minutes: 60 * 24 });
    expect(r.status).toBe(200);
    expect(Date.parse(r.body.now)).toBeGreaterThan(before + 23 * 3600_000);
    const c = await t.admin.post('/api/v1/records/accounts', { data: [{ name: 'Tomorrow Inc' }] });
    expect(Date.parse(c.body.data[0].record.createdAt)).toBeGreaterThan(before + 23 * 3600_000);
  });
});

describe('the test clock without RAPPORT_TEST_CLOCK', () => {
  it('does not exist', async () => {
    const t = await startTestServer('sqlite');
    try {
      const r = await t.admin.post('/api/v1/test-clock/advance', { minutes: 5 });
      expect(r.status).toBe(404);
      expect(r.body.error.code).toBe('NOT_FOUND');
    } finally {
      await t.close();
    }
  });
});

describe.each(dialects)('recycle bin retention on %s', (dialect) => {
  it('purges entries older than the retention when time moves on, and keeps newer ones', async () => {
    const t = await startTestServer(dialect, { RAPPORT_TEST_CLOCK: '1', RAPPORT_RECYCLE_BIN_DAYS: '60' });
    try {
      const old = await t.admin.post('/api/v1/records/accounts', { data: [{ name: 'Old Deleted' }] });
      await t.admin.delete(`/api/v1/records/accounts/${old.body.data[0].id}`);
      await t.admin.post('/api/v1/test-clock/advance', { minutes: 59 * 24 * 60 });
      // 59 days idle is longer than a session lives: sign in again, as a person would.
      await t.admin.login(ADMIN.email, ADMIN.password);
      const recent = await t.admin.post('/api/v1/records/accounts', { data: [{ name: 'Recent Deleted' }] });
      await t.admin.delete(`/api/v1/records/accounts/${recent.body.data[0].id}`);
      let bin = await t.admin.get('/api/v1/recycle-bin');
      expect(bin.body.data.map((e: any) => e.name).sort()).toEqual(['Old Deleted', 'Recent Deleted']);
      await t.admin.post('/api/v1/test-clock/advance', { minutes: 2 * 24 * 60 });
      bin = await t.admin.get('/api/v1/recycle-bin');
      expect(bin.body.data.map((e: any) => e.name)).toEqual(['Recent Deleted']);
    } finally {
      await t.close();
    }
  });
});
