import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';
import { testDialects } from './pg.js';

const API = '/api/v1';
const dialects = await testDialects();

describe.each(dialects)('automation write paths on %s', (dialect) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(dialect, { RAPPORT_TEST_CLOCK: '1' });
  });
  afterAll(async () => t?.close());
  const advance = async () => expect((await t.admin.post(`${API}/test-clock/advance`, { minutes: 0 })).status).toBe(200);

  it("refuses a rule's field update that breaks a validation rule, logging it as failed, while the rule's other actions run", async () => {
    const a = t.admin;
    expect((await a.post(`${API}/modules/deals/fields`, { label: 'Discount', type: 'percent' })).status).toBe(201);
    expect(
      (
        await a.post(`${API}/automation/validation-rules`, {
          name: 'Max discount',
          module: 'deals',
          criteria: { field: 'discount', op: 'gt', value: 20 },
          message: 'Discount may not exceed 20%',
          field: 'discount',
        })
      ).status,
    ).toBe(201);
    const rule = await a.post(`${API}/automation/workflow-rules`, {
      name: 'Big discount',
      module: 'deals',
      trigger: { on: 'create' },
      conditions: [
        {
          criteria: { field: 'dealName', op: 'startsWith', value: 'Promo' },
          instant: [
            { type: 'fieldUpdate', field: 'discount', value: 25 },
            { type: 'createTask', subject: 'Check {{dealName}}' },
          ],
        },
      ],
    });
    expect(rule.status, rule.text).toBe(201);
    const ids: string[] = [];
    for (const name of ['Promo A', 'Promo B']) {
      const r = await a.post(`${API}/records/deals`, {
        data: [{ dealName: name, stage: 'Qualification', closingDate: '2030-01-01', discount: 5 }],
      });
      ids.push(r.body.data[0].id);
    }
    await advance();
    for (const id of ids) {
      const deal = (await a.get(`${API}/records/deals/${id}`)).body.data;
      expect(deal.discount).toBe(5);
      expect(deal.version).toBe(1);
      expect((await a.get(`${API}/records/deals/${id}/related/tasks`)).body.data).toHaveLength(1);
    }
    const runs = (await a.get(`${API}/automation/workflow-rules/${rule.body.data.id}/runs`)).body.data;
    expect(runs).toHaveLength(2);
    for (const run of runs) {
      expect(run.actions.map((x: any) => x.status)).toEqual(['failed', 'done']);
      expect(run.actions[0].error).toBe('VALIDATION_RULE: Discount may not exceed 20%');
    }
  });

  it('merges several rules updating one record into one write, later rules winning', async () => {
    const a = t.admin;
    const mk = (name: string, value: string) => ({
      name,
      module: 'leads',
      trigger: { on: 'create' },
      conditions: [
        { criteria: { field: 'company', op: 'eq', value: 'Merge Co' }, instant: [{ type: 'fieldUpdate', field: 'leadStatus', value }] },
      ],
    });
    const r1 = await a.post(`${API}/automation/workflow-rules`, mk('First', 'Working'));
    const r2 = await a.post(`${API}/automation/workflow-rules`, {
      ...mk('Second', 'Contacted'),
      conditions: [
        {
          ...mk('', '').conditions[0],
          instant: [
            { type: 'fieldUpdate', field: 'leadStatus', value: 'Contacted' },
            { type: 'fieldUpdate', field: 'title', value: 'Buyer' },
          ],
        },
      ],
    });
    const lead = (await a.post(`${API}/records/leads`, { data: [{ lastName: 'Merged', company: 'Merge Co' }] })).body.data[0];
    await advance();
    const after = (await a.get(`${API}/records/leads/${lead.id}`)).body.data;
    expect(after).toMatchObject({ leadStatus: 'Contacted', title: 'Buyer', version: 2 });
    for (const r of [r1, r2]) {
      const runs = (await a.get(`${API}/automation/workflow-rules/${r.body.data.id}/runs`)).body.data;
      expect(runs[0].actions.every((x: any) => x.status === 'done')).toBe(true);
      await a.patch(`${API}/automation/workflow-rules/${r.body.data.id}`, { active: false });
    }
  });

  it("keeps the automatic-tasks editor's marker, and refuses another", async () => {
    const a = t.admin;
    const body = {
      name: 'Auto',
      module: 'deals',
      editor: 'automaticTasks',
      trigger: { on: 'fieldUpdate', fields: ['stage'] },
      conditions: [
        { criteria: { field: 'stage', op: 'eq', value: 'Won' }, instant: [{ type: 'createTask', subject: 'Invoice', dueInDays: 3 }] },
      ],
    };
    const r = await a.post(`${API}/automation/workflow-rules`, body);
    expect(r.status, r.text).toBe(201);
    expect(r.body.data.editor).toBe('automaticTasks');
    expect((await a.get(`${API}/automation/workflow-rules/${r.body.data.id}`)).body.data.editor).toBe('automaticTasks');
    const bad = await a.post(`${API}/automation/workflow-rules`, { ...body, editor: 'other' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBeTruthy();
    const deal = (
      await a.post(`${API}/records/deals`, { data: [{ dealName: 'Auto deal', stage: 'Qualification', closingDate: '2030-01-01' }] })
    ).body.data[0];
    await a.patch(`${API}/records/deals/${deal.id}`, { data: { stage: 'Won' } });
    await advance();
    const tasks = (await a.get(`${API}/records/deals/${deal.id}/related/tasks`)).body.data;
    expect(tasks.map((x: any) => x.subject)).toEqual(['Invoice']);
  });
});
