import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';
import { testDialects } from './pg.js';

const API = '/api/v1';
const dialects = await testDialects();

describe.each(dialects)('the addTag workflow action on %s', (dialect) => {
  let t: TestServer;

  beforeAll(async () => {
    t = await startTestServer(dialect, { RAPPORT_TEST_CLOCK: '1' });
  });
  afterAll(async () => {
    await t?.close();
  });

  const advance = async (minutes: number) => expect((await t.admin.post(`${API}/test-clock/advance`, { minutes })).status).toBe(200);
  const rule = (name: string, prefix: string, instant: unknown[], extra: Record<string, unknown> = {}) => ({
    name,
    module: 'leads',
    trigger: { on: 'createOrEdit' },
    conditions: [{ criteria: { field: 'lastName', op: 'startsWith', value: prefix }, instant, ...extra }],
  });
  const tagChanges = async (id: string) =>
    ((await t.admin.get(`${API}/records/leads/${id}/history`)).body.data as { changes?: { field: string }[] }[]).filter((h) =>
      (h.changes ?? []).some((c) => c.field === 'tags'),
    );

  it.each([
    ['an empty tag', { type: 'addTag', tag: '' }, 'conditions[0].instant[0].tag'],
    ['a blank tag', { type: 'addTag', tag: '  ' }, 'conditions[0].instant[0].tag'],
    ['a tag of 51 characters', { type: 'addTag', tag: 'x'.repeat(51) }, 'conditions[0].instant[0].tag'],
    ['a control character', { type: 'addTag', tag: 'a\u001eb' }, 'conditions[0].instant[0].tag'],
    ['a number', { type: 'addTag', tag: 7 }, 'conditions[0].instant[0].tag'],
    ['no tag', { type: 'addTag' }, 'conditions[0].instant[0].tag'],
  ])('refuses to save a rule with %s (400 naming it)', async (_name, action, field) => {
    const res = await t.admin.post(`${API}/automation/workflow-rules`, rule('Bad', 'X', [action]));
    expect(res.status, res.text).toBe(400);
    expect(res.body.error.code).toBe('INVALID_DATA');
    expect(res.body.error.details.field).toBe(field);
  });

  it('refuses addTag on a module without a tags field', async () => {
    const res = await t.admin.post(`${API}/automation/workflow-rules`, {
      name: 'Task tag',
      module: 'tasks',
      trigger: { on: 'create' },
      conditions: [{ criteria: null, instant: [{ type: 'addTag', tag: 'x' }] }],
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'INVALID_DATA', details: { field: 'conditions[0].instant[0].type' } });
    expect(res.body.error.message).toMatch(/tags/);
  });

  it('adds the tag once (trimmed), merged with field updates, and writes no history when it is present', async () => {
    const a = t.admin;
    const made = await a.post(
      `${API}/automation/workflow-rules`,
      rule('Tag VIP', 'Inl', [
        { type: 'addTag', tag: ' VIP ' },
        { type: 'fieldUpdate', field: 'rating', value: 'Hot' },
      ]),
    );
    expect(made.status, made.text).toBe(201);
    expect(made.body.data.conditions[0].instant[0]).toEqual({ type: 'addTag', tag: 'VIP' });
    const leads = (
      await a.post(`${API}/records/leads`, {
        data: [
          { lastName: 'Inl-new', tags: ['Existing'] },
          { lastName: 'Inl-has', tags: ['vip'] },
        ],
      })
    ).body.data.map((r: { id: string }) => r.id);
    await advance(0);
    const fresh = (await a.get(`${API}/records/leads/${leads[0]}`)).body.data;
    expect(fresh).toMatchObject({ tags: ['Existing', 'VIP'], rating: 'Hot' });
    const present = (await a.get(`${API}/records/leads/${leads[1]}`)).body.data;
    expect(present.tags).toEqual(['vip']);
    expect(await tagChanges(leads[0])).toHaveLength(1);
    expect(await tagChanges(leads[1])).toHaveLength(0);
    // An edit fires the rule again: the tag is there already, nothing more is written.
    await a.patch(`${API}/records/leads/${leads[0]}`, { data: { title: 'Edited' } });
    await advance(0);
    const again = (await a.get(`${API}/records/leads/${leads[0]}`)).body.data;
    expect(again.tags).toEqual(['Existing', 'VIP']);
    expect(await tagChanges(leads[0])).toHaveLength(1);
    const runs = (await a.get(`${API}/automation/workflow-rules/${made.body.data.id}/runs`)).body.data;
    expect(runs.length).toBeGreaterThanOrEqual(3);
    for (const r of runs) expect(r.actions.map((x: { status: string }) => x.status)).toEqual(['done', 'done']);
    await a.patch(`${API}/automation/workflow-rules/${made.body.data.id}`, { active: false });
  });

  it('adds on top of a field update of the tags field in the same batch', async () => {
    const a = t.admin;
    const made = await a.post(
      `${API}/automation/workflow-rules`,
      rule('Set and tag', 'Mrg', [
        { type: 'fieldUpdate', field: 'tags', value: ['Set'] },
        { type: 'addTag', tag: 'Added' },
      ]),
    );
    expect(made.status, made.text).toBe(201);
    const id = (await a.post(`${API}/records/leads`, { data: [{ lastName: 'Mrg', tags: ['Gone'] }] })).body.data[0].id;
    await advance(0);
    expect((await a.get(`${API}/records/leads/${id}`)).body.data.tags).toEqual(['Set', 'Added']);
    await a.patch(`${API}/automation/workflow-rules/${made.body.data.id}`, { active: false });
  });

  it('adds a scheduled tag through a job, once', async () => {
    const a = t.admin;
    const made = await a.post(
      `${API}/automation/workflow-rules`,
      rule('Later', 'Sch', [], { scheduled: [{ after: { hours: 1 }, actions: [{ type: 'addTag', tag: 'Followed up' }] }] }),
    );
    expect(made.status, made.text).toBe(201);
    const id = (await a.post(`${API}/records/leads`, { data: [{ lastName: 'Sch' }] })).body.data[0].id;
    await advance(0);
    expect((await a.get(`${API}/records/leads/${id}`)).body.data.tags).toBeNull();
    // The edit schedules a second run of the action: it finds the tag there and writes nothing.
    await a.patch(`${API}/records/leads/${id}`, { data: { title: 'Edited' } });
    await advance(61);
    expect((await a.get(`${API}/records/leads/${id}`)).body.data.tags).toEqual(['Followed up']);
    expect(await tagChanges(id)).toHaveLength(1);
    await a.patch(`${API}/automation/workflow-rules/${made.body.data.id}`, { active: false });
  });

  it('shows in the dry run whether the tag would be added or is already present, writing nothing', async () => {
    const a = t.admin;
    const def = rule('Dry', 'Dry', [{ type: 'addTag', tag: 'Hot lead' }]);
    const ids = (
      await a.post(`${API}/records/leads`, { data: [{ lastName: 'Dry-no' }, { lastName: 'Dry-yes', tags: ['HOT LEAD'] }] })
    ).body.data.map((r: { id: string }) => r.id);
    const no = await a.post(`${API}/automation/workflow-rules/test`, { rule: def, recordId: ids[0] });
    expect(no.status, no.text).toBe(200);
    expect(no.body.data.actions[0]).toMatchObject({ type: 'addTag', effect: { field: 'tags', tag: 'Hot lead', alreadyPresent: false } });
    const yes = await a.post(`${API}/automation/workflow-rules/test`, { rule: def, recordId: ids[1] });
    expect(yes.body.data.actions[0].effect).toEqual({ field: 'tags', tag: 'Hot lead', alreadyPresent: true });
    expect((await a.get(`${API}/records/leads/${ids[0]}`)).body.data.tags).toBeNull();
  });
});
