import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/connection.js';
import { addTagFields } from '../src/tags/index.js';
import { type Response, startTestServer, type TestServer } from './harness.js';
import { testDialects } from './pg.js';

const API = '/api/v1';
const dialects = await testDialects();

/** The API.md error body, naming the field. */
function expectError(res: Response, status: number, code: string, field?: string) {
  const seen = `${res.status} ${res.text.slice(0, 400)}`;
  expect(res.status, seen).toBe(status);
  expect(Object.keys(res.body), seen).toEqual(['error']);
  expect(res.body.error.code, seen).toBe(code);
  if (field) expect(res.body.error.details.field, seen).toBe(field);
}

const q = (filter: unknown) => encodeURIComponent(JSON.stringify(filter));

describe.each(dialects)('record tags on %s', (dialect) => {
  let t: TestServer;

  beforeAll(async () => {
    t = await startTestServer(dialect);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('gives leads, contacts, accounts and deals a standard Tags field of type tags', async () => {
    for (const module of ['leads', 'contacts', 'accounts', 'deals']) {
      const fields = (await t.admin.get(`${API}/modules/${module}/fields`)).body.data as { apiName: string; type: string; label: string }[];
      expect(
        fields.find((f) => f.apiName === 'tags'),
        module,
      ).toMatchObject({ type: 'tags', label: 'Tags' });
    }
    const layouts = await t.admin.get(`${API}/modules/leads/layouts`);
    if (layouts.status === 200) expect(JSON.stringify(layouts.body.data)).toContain('"tags"');
  });

  it('stores tags trimmed and collapses repeats in any case, keeping the first spelling', async () => {
    const res = await t.admin.post(`${API}/records/leads`, {
      data: [{ lastName: 'Tagged', tags: [' VIP ', 'Partner', 'vip', 'PARTNER'] }],
    });
    expect(res.status).toBe(201);
    const id = res.body.data[0].id;
    expect((await t.admin.get(`${API}/records/leads/${id}`)).body.data.tags).toEqual(['VIP', 'Partner']);
    const upd = await t.admin.patch(`${API}/records/leads/${id}`, { data: { tags: ['Partner', 'Берлин 2026'] } });
    expect(upd.status).toBe(200);
    expect(upd.body.data.tags).toEqual(['Partner', 'Берлин 2026']);
    const h = (await t.admin.get(`${API}/records/leads/${id}/history`)).body.data;
    expect(h[0]).toMatchObject({
      action: 'updated',
      changes: [{ field: 'tags', old: ['VIP', 'Partner'], new: ['Partner', 'Берлин 2026'] }],
    });
    const cleared = await t.admin.patch(`${API}/records/leads/${id}`, { data: { tags: [] } });
    expect(cleared.body.data.tags).toBeNull();
  });

  it.each([
    ['not an array', 'VIP'],
    ['a number in the list', ['ok', 3]],
    ['an empty tag', ['']],
    ['a blank tag', ['   ']],
    ['a tag of 51 characters', ['x'.repeat(51)]],
    ['a control character', ['a\u0007b']],
    ['the storage separator', ['a\u001eb']],
    ['a newline', ['two\nlines']],
    ['a lone surrogate', ['\ud800x']],
    ['51 tags', Array.from({ length: 51 }, (_, i) => `t${i}`)],
  ])('rejects %s with 400 naming the field, writing nothing', async (_name, tags) => {
    const created = await t.admin.post(`${API}/records/contacts`, { data: [{ lastName: 'Bad', tags }] });
    expect(created.status).toBe(400);
    expect(created.body.data[0]).toMatchObject({ status: 'error', code: 'INVALID_DATA', details: { field: 'tags' } });
    const ok = await t.admin.post(`${API}/records/contacts`, { data: [{ lastName: 'Good', tags: ['keep'] }] });
    const id = ok.body.data[0].id;
    expectError(await t.admin.patch(`${API}/records/contacts/${id}`, { data: { tags } }), 400, 'INVALID_DATA', 'tags');
    expect((await t.admin.get(`${API}/records/contacts/${id}`)).body.data).toMatchObject({ tags: ['keep'], version: 1 });
  });

  it('finds a record by one of its tags in global search', async () => {
    const res = await t.admin.post(`${API}/records/contacts`, { data: [{ lastName: 'Searchable', tags: ['Zanzibarconf'] }] });
    const id = res.body.data[0].id;
    const found = await t.admin.get(`${API}/search?q=zanzibarco`);
    expect(found.status, found.text).toBe(200);
    expect(found.body.data.map((h: { id: string }) => h.id)).toContain(id);
  });

  it('accepts 50 tags of 50 characters', async () => {
    const tags = Array.from({ length: 50 }, (_, i) => `${String(i).padStart(2, '0')}${'é'.repeat(48)}`);
    const res = await t.admin.post(`${API}/records/accounts`, { data: [{ name: 'Many tags', tags }] });
    expect(res.status).toBe(201);
    expect(res.body.data[0].record.tags).toEqual(tags);
  });

  it('filters with includesAny, includesAll, isEmpty and isNotEmpty, ignoring case, on list and count', async () => {
    const made = await t.admin.post(`${API}/records/deals`, {
      data: [
        { dealName: 'F-A', stage: 'Qualification', closingDate: '2026-12-01', tags: ['Renewal', 'Ünïcode'] },
        { dealName: 'F-B', stage: 'Qualification', closingDate: '2026-12-01', tags: ['renewal'] },
        { dealName: 'F-C', stage: 'Qualification', closingDate: '2026-12-01', tags: ['Upsell', 'Renewal-2'] },
        { dealName: 'F-D', stage: 'Qualification', closingDate: '2026-12-01' },
      ],
    });
    expect(made.status).toBe(201);
    const names = async (cond: unknown) => {
      const filter = { and: [{ field: 'dealName', op: 'startsWith', value: 'F-' }, cond] };
      const list = await t.admin.get(`${API}/records/deals?filter=${q(filter)}&sort=dealName`);
      expect(list.status, list.text).toBe(200);
      const count = await t.admin.get(`${API}/records/deals/count?filter=${q(filter)}`);
      const got = list.body.data.map((r: { dealName: string }) => r.dealName);
      expect(count.body.count).toBe(got.length);
      return got;
    };
    expect(await names({ field: 'tags', op: 'includesAny', value: ['RENEWAL'] })).toEqual(['F-A', 'F-B']);
    expect(await names({ field: 'tags', op: 'includesAny', value: ['upsell', 'ünïcode'] })).toEqual(['F-A', 'F-C']);
    expect(await names({ field: 'tags', op: 'includesAll', value: ['renewal', 'ÜNÏCODE'] })).toEqual(['F-A']);
    expect(await names({ field: 'tags', op: 'includesAny', value: ['Renew'] })).toEqual([]);
    expect(await names({ field: 'tags', op: 'isEmpty' })).toEqual(['F-D']);
    expect(await names({ field: 'tags', op: 'isNotEmpty' })).toEqual(['F-A', 'F-B', 'F-C']);
  });

  it('rejects bad tag filters with 400 INVALID_FILTER', async () => {
    for (const cond of [
      { field: 'tags', op: 'eq', value: 'x' },
      { field: 'tags', op: 'contains', value: 'x' },
      { field: 'tags', op: 'includesAny', value: [] },
      { field: 'tags', op: 'includesAny', value: [3] },
      { field: 'tags', op: 'includesAny', value: ['a\u001eb'] },
      { field: 'tags', op: 'includesAll', value: 'x' },
    ]) {
      expectError(await t.admin.get(`${API}/records/deals?filter=${q(cond)}`), 400, 'INVALID_FILTER');
    }
  });

  it('lets an administrator add a custom tags field, with no options or length', async () => {
    const made = await t.admin.post(`${API}/modules/accounts/fields`, { label: 'Segments', type: 'tags' });
    expect(made.status, made.text).toBe(201);
    expect(made.body.data).toMatchObject({ apiName: 'segments', type: 'tags' });
    const res = await t.admin.post(`${API}/records/accounts`, { data: [{ name: 'Segmented', segments: ['SMB', 'smb', 'EMEA'] }] });
    expect(res.status).toBe(201);
    expect(res.body.data[0].record.segments).toEqual(['SMB', 'EMEA']);
    const bad = await t.admin.post(`${API}/modules/accounts/fields`, { label: 'Opts', type: 'tags', options: ['a'] });
    expect(bad.status).toBe(400);
  });

  it('migration 0012 adds the field to an existing database once, without touching an existing tags field', async () => {
    const database = openDatabase({ databaseUrl: t.databaseUrl, dataDir: t.dataDir });
    try {
      const { db } = database;
      const before = await db.selectFrom('fields').select(['module']).where('apiName', '=', 'tags').execute();
      // As an existing database before 0012: no tags field on contacts.
      await db.deleteFrom('fields').where('module', '=', 'contacts').where('apiName', '=', 'tags').execute();
      await db.schema.alterTable('r_contacts').dropColumn('tags').execute();
      await addTagFields(db, database.dialect);
      await addTagFields(db, database.dialect);
      const after = await db.selectFrom('fields').select(['module', 'type']).where('apiName', '=', 'tags').execute();
      expect(after.length).toBe(before.length);
      expect(after.filter((f) => f.module === 'contacts')).toEqual([{ module: 'contacts', type: 'tags' }]);
    } finally {
      await database.close();
    }
  });
});
