import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';
import { testDialects } from './pg.js';

const dialects = await testDialects();
const API = '/api/v1';
const R = `${API}/records`;

describe.each(dialects)('contact roles and last activity on %s', (dialect) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(dialect, { RAPPORT_TEST_CLOCK: '1' });
  });
  afterAll(async () => {
    await t?.close();
  });

  const create = async (module: string, rec: Record<string, unknown>) => {
    const r = await t.admin.post(`${R}/${module}`, { data: [rec] });
    expect(r.status, r.text).toBe(201);
    return r.body.data[0].record;
  };
  const get = async (module: string, id: string) => {
    const r = await t.admin.get(`${R}/${module}/${id}`);
    expect(r.status, r.text).toBe(200);
    return r.body.data;
  };
  /** The test clock keeps running after an advance: a stamp is at or after `t`, well before the next hour. */
  const at = (v: string | null, t: string) => {
    expect(v).not.toBeNull();
    const ms = Date.parse(v as string);
    expect(ms).toBeGreaterThanOrEqual(Date.parse(t));
    expect(ms).toBeLessThan(Date.parse(t) + 30 * 60_000);
    return v as string;
  };
  const advance = async (minutes: number): Promise<string> => {
    const r = await t.admin.post(`${API}/test-clock/advance`, { minutes });
    expect(r.status, r.text).toBe(200);
    return r.body.now;
  };

  it('puts several contacts on a deal, each with a role; changes and removes them', async () => {
    const ann = await create('contacts', { firstName: 'Ann', lastName: 'Lee' });
    const bob = await create('contacts', { firstName: 'Bob', lastName: 'Ray' });
    const deal = await create('deals', { dealName: 'Roles', stage: 'Qualification', closingDate: '2026-09-30' });
    const base = `${R}/deals/${deal.id}/contact-roles`;

    const a = await t.admin.post(base, { contact: { id: ann.id }, role: 'Decision Maker' });
    expect(a.status, a.text).toBe(201);
    expect(a.body.data).toMatchObject({ contact: { id: ann.id, name: 'Ann Lee' }, role: 'Decision Maker' });
    const b = await t.admin.post(base, { contact: bob.id, role: null });
    expect(b.status, b.text).toBe(201);

    let list = (await t.admin.get(base)).body.data;
    expect(list.map((r: any) => [r.contact.name, r.role])).toEqual([
      ['Ann Lee', 'Decision Maker'],
      ['Bob Ray', null],
    ]);

    const p = await t.admin.patch(`${base}/${b.body.data.id}`, { role: 'Influencer' });
    expect(p.status, p.text).toBe(200);
    expect(p.body.data.role).toBe('Influencer');

    const d = await t.admin.delete(`${base}/${a.body.data.id}`);
    expect(d.status, d.text).toBe(200);
    list = (await t.admin.get(base)).body.data;
    expect(list.map((r: any) => [r.contact.id, r.role])).toEqual([[bob.id, 'Influencer']]);
    expect((await t.admin.delete(`${base}/${a.body.data.id}`)).status).toBe(404);

    // A contact in the recycle bin drops off the deal, and comes back with its role when restored.
    expect((await t.admin.delete(`${R}/contacts/${bob.id}`)).status).toBe(200);
    expect((await t.admin.get(base)).body.data).toEqual([]);
    const bin = (await t.admin.get(`${API}/recycle-bin`)).body.data.find((e: any) => e.recordId === bob.id);
    expect((await t.admin.post(`${API}/recycle-bin/${bin.id}/restore`)).status).toBe(200);
    expect((await t.admin.get(base)).body.data.map((r: any) => r.role)).toEqual(['Influencer']);
  });

  it('rejects bad input with a 4xx and the error body, writing nothing', async () => {
    const c = await create('contacts', { lastName: 'Once' });
    const deal = await create('deals', { dealName: 'Bad', stage: 'Qualification', closingDate: '2026-09-30' });
    const base = `${R}/deals/${deal.id}/contact-roles`;
    const cases: [unknown, number, string?, string?][] = [
      [{}, 400, 'INVALID_REQUEST'],
      [{ contact: { id: 'nope' } }, 400, 'INVALID_DATA', 'contact'],
      [{ contact: { id: deal.id } }, 400, 'INVALID_DATA', 'contact'],
      [{ contact: c.id, role: 'Astronaut' }, 400, 'INVALID_DATA', 'role'],
      [{ contact: c.id, role: 5 }, 400],
      [{ contact: c.id, extra: 1 }, 400],
      [{ contact: { id: "x'; drop table deal_contact_roles; --" } }, 400],
    ];
    for (const [body, status, code, field] of cases) {
      const r = await t.admin.post(base, body);
      expect(r.status, `${JSON.stringify(body)} → ${r.text}`).toBe(status);
      expect(r.body.error.code).toBeTypeOf('string');
      if (code) expect(r.body.error.code).toBe(code);
      if (field) expect(r.body.error.details.field).toBe(field);
    }
    expect((await t.admin.get(base)).body.data).toEqual([]);

    expect((await t.admin.post(base, { contact: c.id, role: 'Champion' })).status).toBe(201);
    const dup = await t.admin.post(base, { contact: { id: c.id }, role: 'Other' });
    expect(dup.status).toBe(409);
    expect(dup.body.error).toMatchObject({ code: 'DUPLICATE_DATA', details: { field: 'contact' } });
    const [only] = (await t.admin.get(base)).body.data;
    expect(only.role).toBe('Champion');

    expect((await t.admin.patch(`${base}/${only.id}`, { role: 'Astronaut' })).body.error.details.field).toBe('role');
    expect((await t.admin.patch(`${base}/${only.id}`, {})).status).toBe(400);
    expect((await t.admin.patch(`${base}/unknown`, { role: null })).status).toBe(404);
    expect((await t.admin.get(`${R}/deals/unknown/contact-roles`)).status).toBe(404);
    expect((await t.admin.post(`${R}/deals/unknown/contact-roles`, { contact: c.id })).status).toBe(404);
    // A role of another deal is not reachable through this one.
    const other = await create('deals', { dealName: 'Other', stage: 'Qualification', closingDate: '2026-09-30' });
    expect((await t.admin.delete(`${R}/deals/${other.id}/contact-roles/${only.id}`)).status).toBe(404);
    expect((await t.admin.get(base)).body.data).toHaveLength(1);
  });

  it('keeps the role picklist editable in Settings', async () => {
    const initial = (await t.admin.get(`${API}/settings/contact-roles`)).body.data.options;
    expect(initial).toContain('Decision Maker');
    const r = await t.admin.put(`${API}/settings/contact-roles`, { options: ['Sponsor', 'Decision Maker'] });
    expect(r.status, r.text).toBe(200);
    expect(r.body.data.options).toEqual(['Sponsor', 'Decision Maker']);
    for (const bad of [{ options: ['A', 'a'] }, { options: [' '] }, { options: ['x\u0001'] }, {}]) {
      const b = await t.admin.put(`${API}/settings/contact-roles`, bad);
      expect(b.status, JSON.stringify(bad)).toBe(400);
    }
    expect((await t.admin.get(`${API}/settings/contact-roles`)).body.data.options).toEqual(['Sponsor', 'Decision Maker']);
    const c = await create('contacts', { lastName: 'Sponsor' });
    const deal = await create('deals', { dealName: 'Sponsored', stage: 'Qualification', closingDate: '2026-09-30' });
    const added = await t.admin.post(`${R}/deals/${deal.id}/contact-roles`, { contact: c.id, role: 'Sponsor' });
    expect(added.status, added.text).toBe(201);
    await t.admin.put(`${API}/settings/contact-roles`, { options: initial });
  });

  it('keeps lastActivityAt of leads, contacts, accounts and deals when activities are logged or completed', async () => {
    const account = await create('accounts', { name: 'Active Ltd' });
    const contact = await create('contacts', { lastName: 'Active', account: account.id });
    const roleContact = await create('contacts', { lastName: 'Role' });
    const deal = await create('deals', { dealName: 'Active', stage: 'Qualification', closingDate: '2026-09-30', contact: contact.id });
    const lead = await create('leads', { lastName: 'Lead' });
    await t.admin.post(`${R}/deals/${deal.id}/contact-roles`, { contact: roleContact.id });
    for (const [m, id] of [
      ['accounts', account.id],
      ['contacts', contact.id],
      ['deals', deal.id],
      ['leads', lead.id],
    ]) {
      expect((await get(m, id)).lastActivityAt, m).toBeNull();
    }

    // A call logged on the deal: the deal, its contact, its account and the role contact, all at one instant.
    const t1 = await advance(60);
    await create('calls', { subject: 'Intro', relatedTo: { module: 'deals', id: deal.id } });
    const s1 = at((await get('deals', deal.id)).lastActivityAt, t1);
    for (const [m, id] of [
      ['accounts', account.id],
      ['contacts', contact.id],
      ['contacts', roleContact.id],
    ]) {
      expect((await get(m, id)).lastActivityAt, m).toBe(s1);
    }
    expect((await get('leads', lead.id)).lastActivityAt).toBeNull();

    // A note on the lead; a task on the lead touches it when created and again when completed, not on other edits.
    const t2 = await advance(60);
    await create('notes', { content: 'Met at fair', relatedTo: { module: 'leads', id: lead.id } });
    at((await get('leads', lead.id)).lastActivityAt, t2);
    const task = await create('tasks', { subject: 'Follow up', relatedTo: { module: 'leads', id: lead.id } });
    const s2 = at((await get('leads', lead.id)).lastActivityAt, t2);
    await advance(60);
    expect((await t.admin.patch(`${R}/tasks/${task.id}`, { data: { priority: 'High' } })).status).toBe(200);
    expect((await get('leads', lead.id)).lastActivityAt).toBe(s2);
    const t3 = await advance(60);
    expect((await t.admin.patch(`${R}/tasks/${task.id}`, { data: { status: 'Completed' } })).status).toBe(200);
    at((await get('leads', lead.id)).lastActivityAt, t3);
    expect((await get('deals', deal.id)).lastActivityAt).toBe(s1);

    // A meeting on the contact: the contact and its account, not the deal.
    const t4 = await advance(60);
    await create('events', {
      title: 'Lunch',
      startAt: '2026-05-01T12:00:00Z',
      endAt: '2026-05-01T13:00:00Z',
      relatedTo: { module: 'contacts', id: contact.id },
    });
    const s4 = at((await get('contacts', contact.id)).lastActivityAt, t4);
    expect((await get('accounts', account.id)).lastActivityAt).toBe(s4);
    expect((await get('deals', deal.id)).lastActivityAt).toBe(s1);

    // Read-only through the API, and the touched records keep their version.
    const before = await get('deals', deal.id);
    const w = await t.admin.patch(`${R}/deals/${deal.id}`, { data: { lastActivityAt: '2020-01-01T00:00:00Z' } });
    expect(w.status).toBe(400);
    expect(w.body.error.details.field).toBe('lastActivityAt');
    expect((await get('deals', deal.id)).version).toBe(before.version);

    // It is a datetime like any other: lists filter and sort on it.
    const f = encodeURIComponent(JSON.stringify({ field: 'lastActivityAt', op: 'gte', value: t4 }));
    const l = await t.admin.get(`${R}/contacts?filter=${f}&sort=-lastActivityAt`);
    expect(l.status, l.text).toBe(200);
    expect(l.body.data.map((r: any) => r.id)).toEqual([contact.id]);
  });

  it('a failing activity write leaves lastActivityAt as it was (same transaction)', async () => {
    const lead = await create('leads', { lastName: 'Atomic' });
    await advance(60);
    // Two notes in one batch, the second invalid: the batch reports per-record results; the valid one touches the lead.
    const r = await t.admin.post(`${R}/notes`, {
      data: [{ content: 'no target', relatedTo: { module: 'leads', id: 'missing' } }],
    });
    expect(r.status).toBe(400);
    expect((await get('leads', lead.id)).lastActivityAt).toBeNull();
  });
});
