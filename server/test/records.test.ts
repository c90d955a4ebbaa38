import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestServer, startTestServer } from './harness.js';
import { testDialects } from './pg.js';

const dialects = await testDialects();

describe.each(dialects)('records on %s', (dialect) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(dialect);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('creates a lead with defaults, owner and system fields', async () => {
    const r = await t.admin.post('/api/v1/records/leads', { data: [{ firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', annualRevenue: 1250.5 }] });
    expect(r.status).toBe(201);
    const res = r.body.data[0];
    expect(res.status).toBe('success');
    const lead = res.record;
    expect(lead).toMatchObject({ firstName: 'Ada', lastName: 'Lovelace', leadStatus: 'New', annualRevenue: 1250.5, version: 1, converted: false });
    expect(lead.owner).toMatchObject({ name: expect.any(String) });
    expect(lead.createdAt).toMatch(/Z$/);
    const got = await t.admin.get(`/api/v1/records/leads/${res.id}`);
    expect(got.status).toBe(200);
    expect(got.body.data.email).toBe('ada@example.com');
  });

  it('updates with If-Match and rejects a stale version', async () => {
    const c = await t.admin.post('/api/v1/records/accounts', { data: [{ name: 'Acme' }] });
    const id = c.body.data[0].id;
    const u = await t.admin.patch(`/api/v1/records/accounts/${id}`, { data: { phone: '+1 555 0100' } }, { 'if-match': '1' });
    expect(u.status).toBe(200);
    expect(u.body.data.version).toBe(2);
    const stale = await t.admin.patch(`/api/v1/records/accounts/${id}`, { data: { phone: '+1 555 0199' } }, { 'if-match': '1' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('VERSION_CONFLICT');
    const h = await t.admin.get(`/api/v1/records/accounts/${id}/history`);
    expect(h.body.data[0]).toMatchObject({ action: 'updated', changes: [{ field: 'phone', old: null, new: '+1 555 0100' }] });
  });

  it('lists with a filter, sort and paging', async () => {
    await t.admin.post('/api/v1/records/leads', {
      data: Array.from({ length: 30 }, (_, i) => ({ lastName: `Pager${String(i).padStart(2, '0')}`, rating: i % 2 ? 'Hot' : 'Cold' })),
    });
    const filter = encodeURIComponent(JSON.stringify({ and: [{ field: 'rating', op: 'eq', value: 'hot' }, { field: 'lastName', op: 'startsWith', value: 'pager' }] }));
    const p1 = await t.admin.get(`/api/v1/records/leads?filter=${filter}&sort=lastName&perPage=10`);
    expect(p1.status).toBe(200);
    expect(p1.body.data.map((r: any) => r.lastName)).toEqual(['Pager01', 'Pager03', 'Pager05', 'Pager07', 'Pager09', 'Pager11', 'Pager13', 'Pager15', 'Pager17', 'Pager19']);
    expect(p1.body.info.moreRecords).toBe(true);
    const p2 = await t.admin.get(`/api/v1/records/leads?filter=${filter}&sort=lastName&perPage=10&cursor=${p1.body.info.nextCursor}`);
    expect(p2.body.data.map((r: any) => r.lastName)).toEqual(['Pager21', 'Pager23', 'Pager25', 'Pager27', 'Pager29']);
    expect(p2.body.info.moreRecords).toBe(false);
    const count = await t.admin.get(`/api/v1/records/leads/count?filter=${filter}`);
    expect(count.body.count).toBe(15);
  });

  it('deletes into the recycle bin and restores with the same id', async () => {
    const c = await t.admin.post('/api/v1/records/contacts', { data: [{ lastName: 'Hopper', email: 'grace@navy.mil' }] });
    const id = c.body.data[0].id;
    const d = await t.admin.delete(`/api/v1/records/contacts/${id}`);
    expect(d.body).toEqual({ data: { id, deleted: true } });
    expect((await t.admin.get(`/api/v1/records/contacts/${id}`)).status).toBe(404);
    const bin = await t.admin.get('/api/v1/recycle-bin');
    const entry = bin.body.data.find((e: any) => e.recordId === id);
    expect(entry).toMatchObject({ module: 'contacts', name: 'Hopper' });
    const r = await t.admin.post(`/api/v1/recycle-bin/${entry.id}/restore`);
    expect(r.status).toBe(200);
    const back = await t.admin.get(`/api/v1/records/contacts/${id}`);
    expect(back.body.data.email).toBe('grace@navy.mil');
  });

  it('bulk update: the same change to many records, a record named twice, history, events and search follow', async () => {
    const c = await t.admin.post('/api/v1/records/leads', {
      data: Array.from({ length: 5 }, (_, i) => ({ lastName: `Setwise${i}`, company: 'Before Ltd' })),
    });
    const ids: string[] = c.body.data.map((r: any) => r.id);
    const res = await t.admin.patch('/api/v1/records/leads', {
      data: [
        ...ids.map((id) => ({ id, rating: 'Hot' })),
        { id: ids[0], lastName: 'Renamedsetwise' },
        { id: ids[1], rating: 'Hot' },
      ],
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body.data.map((r: any) => r.status)).toEqual(Array(7).fill('success'));
    expect(res.body.data.slice(0, 5).map((r: any) => [r.record.rating, r.record.version])).toEqual(Array(5).fill(['Hot', 2]));
    // The second change of ids[0] saw the first; the repeat on ids[1] changed nothing.
    expect(res.body.data[5].record).toMatchObject({ id: ids[0], rating: 'Hot', lastName: 'Renamedsetwise', version: 3 });
    expect(res.body.data[6].record).toMatchObject({ id: ids[1], version: 2 });
    for (const id of ids) {
      const h = await t.admin.get(`/api/v1/records/leads/${id}/history`);
      expect(h.body.data.filter((x: any) => x.action === 'updated').length).toBe(id === ids[0] ? 2 : 1);
    }
    const got = await t.admin.get(`/api/v1/records/leads/${ids[0]}`);
    expect(got.body.data).toMatchObject({ rating: 'Hot', lastName: 'Renamedsetwise', version: 3 });
    const s = await t.admin.get('/api/v1/search?q=renamedsetwise');
    expect(s.body.data.map((h: any) => h.id)).toEqual([ids[0]]);
    const old = await t.admin.get('/api/v1/search?q=setwise0');
    expect(old.body.data.map((h: any) => h.id)).not.toContain(ids[0]);
  });

  it('finds records by prefix with global search', async () => {
    await t.admin.post('/api/v1/records/contacts', { data: [{ firstName: 'Zoë', lastName: 'Quackenbush' }] });
    const s = await t.admin.get('/api/v1/search?q=quack');
    expect(s.status).toBe(200);
    expect(s.body.data.some((h: any) => h.module === 'contacts' && h.name === 'Zoë Quackenbush')).toBe(true);
    const s2 = await t.admin.get('/api/v1/search?q=ZOE%20quackenb');
    expect(s2.body.data.length).toBeGreaterThan(0);
  });
});
