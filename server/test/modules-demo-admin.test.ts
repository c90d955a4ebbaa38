import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type Response, startTestServer, type TestServer } from './harness.js';
import { testDialects } from './pg.js';

/**
 * Administration surfaces of the web app (issue 3): renaming and deleting a custom module
 * (DELETE /api/v1/modules/{module}) and sample data through HTTP (/api/v1/demo-data), with
 * bad input, refusals and a Standard user's 403, on both engines.
 */
const dialects = await testDialects();
const M = '/api/v1/modules';
const R = '/api/v1/records';

function expectError(r: Response, status: number, code: string) {
  expect(r.status, r.text).toBe(status);
  expect(r.body.error.code).toBe(code);
  expect(typeof r.body.error.message).toBe('string');
  expect(typeof r.body.error.details).toBe('object');
}

/** Polls the operation until it is no longer running: progress is reported, never guessed. */
async function settled(c: Client): Promise<{ seen: number[]; final: any }> {
  const seen: number[] = [];
  for (;;) {
    const r = await c.get('/api/v1/demo-data');
    expect(r.status, r.text).toBe(200);
    const op = r.body.data.operation;
    seen.push(op.done);
    if (op.status !== 'running') return { seen, final: r.body.data };
    await new Promise((res) => setTimeout(res, 25));
  }
}

describe.each(dialects)('module administration and sample data over HTTP (%s)', (dialect) => {
  let t: TestServer;
  let std: Client;

  beforeAll(async () => {
    t = await startTestServer(dialect);
    const u = await t.admin.post('/api/v1/users', {
      email: 'standard.admin-tests@example.com',
      name: 'Stan Dard',
      password: 'standard user password',
      profile: 'Standard',
    });
    expect(u.status, u.text).toBe(201);
    std = t.client();
    await std.login('standard.admin-tests@example.com', 'standard user password');
  }, 60_000);
  afterAll(async () => t?.close());

  async function customModule(label: string, singularLabel: string): Promise<string> {
    const r = await t.admin.post(M, { label, singularLabel });
    expect(r.status, r.text).toBe(201);
    return r.body.data.apiName;
  }

  describe('renaming a custom module', () => {
    it('changes label and singular label, keeping the API name and records', async () => {
      const api = await customModule('Projects', 'Project');
      const rec = await t.admin.post(`${R}/${api}`, { data: [{ name: 'Apollo' }] });
      expect(rec.status, rec.text).toBe(201);
      const r = await t.admin.patch(`${M}/${api}`, { label: 'Initiatives', singularLabel: 'Initiative' });
      expect(r.status, r.text).toBe(200);
      expect(r.body.data).toMatchObject({ apiName: api, label: 'Initiatives', singularLabel: 'Initiative', custom: true });
      const list = await t.admin.get(`${R}/${api}`);
      expect(list.body.data.map((x: { name: string }) => x.name)).toEqual(['Apollo']);
    });

    it('rejects empty or wrong-typed labels and a Standard user', async () => {
      const api = await customModule('Vendors Two', 'Vendor Two');
      expectError(await t.admin.patch(`${M}/${api}`, { label: '' }), 400, 'INVALID_DATA');
      expectError(await t.admin.patch(`${M}/${api}`, { singularLabel: { text: 'x' } }), 400, 'INVALID_REQUEST');
      expectError(await t.admin.patch(`${M}/${api}`, { label: 'Ok', extra: true }), 400, 'INVALID_REQUEST');
      expectError(await t.admin.patch(`${M}/${api}`, { label: 'x'.repeat(500) }), 400, 'INVALID_REQUEST');
      expectError(await std.patch(`${M}/${api}`, { label: 'Mine' }), 403, 'FORBIDDEN');
      expect((await t.admin.get(`${M}/${api}`)).body.data.label).toBe('Vendors Two');
    });
  });

  describe('deleting a custom module', () => {
    it('drops the module, its records, search entries, saved views and recycle bin entries', async () => {
      const api = await customModule('Gadgets', 'Gadget');
      const created = await t.admin.post(`${R}/${api}`, { data: [{ name: 'Zyxwidget' }, { name: 'Zyxgizmo' }] });
      expect(created.status, created.text).toBe(201);
      const binned = created.body.data[1].id;
      expect((await t.admin.delete(`${R}/${api}/${binned}`)).status).toBe(200);
      const view = await t.admin.post('/api/v1/views', { module: api, name: 'All gadgets' });
      expect(view.status, view.text).toBe(201);
      expect((await t.admin.get('/api/v1/search?q=Zyxwidget')).body.data.length).toBeGreaterThan(0);

      const del = await t.admin.delete(`${M}/${api}`);
      expect(del.status, del.text).toBe(204);

      expectError(await t.admin.get(`${M}/${api}`), 404, 'NOT_FOUND');
      expectError(await t.admin.get(`${R}/${api}`), 404, 'NOT_FOUND');
      expect((await t.admin.get(M)).body.data.map((m: { apiName: string }) => m.apiName)).not.toContain(api);
      expect(JSON.stringify((await t.admin.get('/api/v1/search?q=Zyxwidget')).body.data)).not.toContain('Zyxwidget');
      expectError(await t.admin.get(`/api/v1/views/${view.body.data.id}`), 404, 'NOT_FOUND');
      const bin = await t.admin.get('/api/v1/recycle-bin');
      expect(JSON.stringify(bin.body)).not.toContain(binned);
      // The name is free again: a new module of the same name starts empty.
      const again = await t.admin.post(M, { label: 'Gadgets', singularLabel: 'Gadget', apiName: api });
      expect(again.status, again.text).toBe(201);
      expect((await t.admin.get(`${R}/${api}`)).body.data).toEqual([]);
    });

    it('refuses standard modules (400), unknown ones (404), bad names (400) and Standard users (403)', async () => {
      expectError(await t.admin.delete(`${M}/leads`), 400, 'INVALID_DATA');
      expectError(await t.admin.delete(`${M}/nothingHere`), 404, 'NOT_FOUND');
      for (const bad of ['Bad-Name', '1abc', '%00', 'a'.repeat(80)]) {
        const r = await t.admin.delete(`${M}/${encodeURIComponent(bad)}`);
        expect([400, 404], `${bad}: ${r.text}`).toContain(r.status);
        expect(r.body.error.code).toMatch(/INVALID|NOT_FOUND/);
      }
      const api = await customModule('Widgets', 'Widget');
      expectError(await std.delete(`${M}/${api}`), 403, 'FORBIDDEN');
      expect((await t.admin.get(`${M}/${api}`)).status).toBe(200);
      expect((await t.admin.get(`${M}/leads`)).status).toBe(200);
    });

    it('refuses while a lookup of another module points at it, and succeeds once it is gone', async () => {
      const api = await customModule('Suppliers', 'Supplier');
      const f = await t.admin.post(`${M}/deals/fields`, { label: 'Supplier', type: 'lookup', lookupModule: api });
      expect(f.status, f.text).toBe(201);
      const r = await t.admin.delete(`${M}/${api}`);
      expectError(r, 409, 'CONFLICT');
      expect(r.body.error.details.lookupFields).toEqual([`deals.${f.body.data.apiName}`]);
      expect((await t.admin.get(`${M}/${api}`)).status).toBe(200);
      expect((await t.admin.delete(`${M}/deals/fields/${f.body.data.apiName}`)).status).toBe(204);
      expect((await t.admin.delete(`${M}/${api}`)).status).toBe(204);
    });

    it("refuses while an activity's relatedTo names one of its records", async () => {
      const api = await customModule('Sites', 'Site');
      const site = await t.admin.post(`${R}/${api}`, { data: [{ name: 'North yard' }] });
      const siteId = site.body.data[0].id;
      const task = await t.admin.post(`${R}/tasks`, { data: [{ subject: 'Inspect', relatedTo: { module: api, id: siteId } }] });
      expect(task.status, task.text).toBe(201);
      const r = await t.admin.delete(`${M}/${api}`);
      expectError(r, 409, 'CONFLICT');
      expect(r.body.error.details.relatedFields).toEqual(['tasks.relatedTo']);
      expect((await t.admin.get(`${R}/${api}/${siteId}`)).status).toBe(200);
      expect((await t.admin.patch(`${R}/tasks/${task.body.data[0].id}`, { data: { relatedTo: null } })).status).toBe(200);
      expect((await t.admin.delete(`${M}/${api}`)).status).toBe(204);
    });
  });

  describe('sample data', () => {
    it('is refused to Standard users on every verb', async () => {
      expectError(await std.get('/api/v1/demo-data'), 403, 'FORBIDDEN');
      expectError(await std.post('/api/v1/demo-data', {}), 403, 'FORBIDDEN');
      expectError(await std.delete('/api/v1/demo-data'), 403, 'FORBIDDEN');
      expectError(await t.client().get('/api/v1/demo-data'), 401, 'UNAUTHENTICATED');
    });

    it('loads in the background with progress, refuses a second load, and removes exactly the sample data', async () => {
      const mine = await t.admin.post(`${R}/leads`, { data: [{ lastName: 'Not Sample' }] });
      const before = await t.admin.get('/api/v1/demo-data');
      expect(before.body.data).toMatchObject({ loaded: false, operation: null });

      const start = await t.admin.post('/api/v1/demo-data', {});
      expect(start.status, start.text).toBe(202);
      expect(start.body.data.operation).toMatchObject({ action: 'load', total: 1300, error: null });
      // A second request while the first runs is refused, and so is bad input.
      expectError(await t.admin.post('/api/v1/demo-data', {}), 409, 'CONFLICT');
      const malformed = await t.admin.request('POST', '/api/v1/demo-data', '{"not json', { 'content-type': 'application/json' });
      expect(malformed.status).toBe(400);

      const loaded = await settled(t.admin);
      expect(loaded.final.operation).toMatchObject({ action: 'load', status: 'done', done: 1300, total: 1300 });
      expect(loaded.seen).toEqual([...loaded.seen].sort((a, b) => a - b));
      expect(loaded.final.loaded).toBe(true);
      expect(loaded.final.counts).toEqual({ accounts: 100, contacts: 300, leads: 300, deals: 150, tasks: 250, notes: 200 });
      expect((await t.admin.get(`${R}/leads/count`)).body.count).toBe(301);

      const twice = await t.admin.post('/api/v1/demo-data', {});
      expectError(twice, 409, 'CONFLICT');
      expect(twice.body.error.details.counts.leads).toBe(300);

      const remove = await t.admin.delete('/api/v1/demo-data');
      expect(remove.status, remove.text).toBe(202);
      expect(remove.body.data.operation).toMatchObject({ action: 'remove', status: 'running', total: 1300 });
      const removed = await settled(t.admin);
      expect(removed.final).toMatchObject({ loaded: false, operation: { action: 'remove', status: 'done', done: 1300 } });
      const leads = await t.admin.get(`${R}/leads`);
      expect(leads.body.data.map((l: { id: string }) => l.id)).toEqual([mine.body.data[0].id]);
      expect((await t.admin.get(`${R}/accounts/count`)).body.count).toBe(0);
    }, 180_000);
  });
});
