import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';
import { testDialects } from './pg.js';

const API = '/api/v1';
const dialects = await testDialects();

describe.each(dialects)('validation, assignment and scoring rules on %s', (dialect) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(dialect, { RAPPORT_TEST_CLOCK: '1' });
  });
  afterAll(async () => t?.close());

  it('rejects a deal whose discount exceeds 20% on create, update and bulk update', async () => {
    const a = t.admin;
    expect((await a.post(`${API}/modules/deals/fields`, { label: 'Discount', type: 'percent' })).status).toBe(201);
    const rule = await a.post(`${API}/automation/validation-rules`, {
      name: 'Max discount',
      module: 'deals',
      active: true,
      criteria: { field: 'discount', op: 'gt', value: 20 },
      message: 'Discount may not exceed 20%',
      field: 'discount',
    });
    expect(rule.status).toBe(201);
    const deal = { dealName: 'D', stage: 'Qualification', closingDate: '2030-01-01' };
    const bad = await a.post(`${API}/records/deals`, { data: [{ ...deal, discount: 25 }] });
    expect(bad.status).toBe(400);
    expect(bad.body.data[0]).toMatchObject({
      status: 'error',
      code: 'VALIDATION_RULE',
      message: 'Discount may not exceed 20%',
      details: { field: 'discount' },
    });
    const ok = await a.post(`${API}/records/deals`, { data: [{ ...deal, discount: 10 }] });
    expect(ok.status).toBe(201);
    const id = ok.body.data[0].id;
    const upd = await a.patch(`${API}/records/deals/${id}`, { data: { discount: 30 } });
    expect(upd.status).toBe(400);
    expect(upd.body.error).toMatchObject({ code: 'VALIDATION_RULE', details: { field: 'discount' } });
    const bulk = await a.patch(`${API}/records/deals`, { data: [{ id, discount: 21 }] });
    expect(bulk.body.data[0].code).toBe('VALIDATION_RULE');
    expect((await a.get(`${API}/records/deals/${id}`)).body.data.discount).toBe(10);
    // Inactive rules do not apply.
    await a.patch(`${API}/automation/validation-rules/${rule.body.data.id}`, { active: false });
    expect((await a.patch(`${API}/records/deals/${id}`, { data: { discount: 30 } })).status).toBe(200);
  });

  it('refuses bad rules with 400 naming the problem', async () => {
    const a = t.admin;
    const unknownField = await a.post(`${API}/automation/validation-rules`, {
      name: 'x',
      module: 'deals',
      criteria: { field: 'nope', op: 'eq', value: 1 },
      message: 'm',
    });
    expect(unknownField.status).toBe(400);
    expect(unknownField.text).toContain('nope');
    const badOp = await a.post(`${API}/automation/scoring-rules`, {
      name: 'x',
      module: 'leads',
      entries: [{ criteria: { field: 'title', op: 'bogus', value: 1 }, points: 1 }],
    });
    expect(badOp.status).toBe(400);
    expect(badOp.text).toContain('bogus');
    const std = await a.post(`${API}/users`, {
      email: 'std.rules@example.com',
      name: 'Std',
      password: 'standard password 123',
      profile: 'Standard',
    });
    expect(std.status).toBe(201);
    const c = t.client();
    await c.login('std.rules@example.com', 'standard password 123');
    expect((await c.post(`${API}/automation/validation-rules`, { name: 'x', module: 'deals', criteria: null, message: 'm' })).status).toBe(
      403,
    );
  });

  it('assigns 2,500 leads to one user, and round-robin over 3 users 834/833/833', async () => {
    const a = t.admin;
    const users: string[] = [];
    for (const n of [1, 2, 3]) {
      const r = await a.post(`${API}/users`, { email: `rr${n}@example.com`, name: `RR ${n}`, profile: 'Standard' });
      users.push(r.body.data.id);
    }
    const one = await a.post(`${API}/automation/assignment-rules`, {
      name: 'All to one',
      module: 'leads',
      entries: [{ criteria: null, assignTo: { userId: users[0] } }],
    });
    expect(one.status).toBe(201);
    const rr = await a.post(`${API}/automation/assignment-rules`, {
      name: 'RR',
      module: 'leads',
      entries: [{ criteria: { field: 'company', op: 'eq', value: 'RR' }, assignTo: { roundRobin: users } }],
    });
    expect(rr.status).toBe(201);
    const batch = (company: string) => Array.from({ length: 100 }, (_, i) => ({ lastName: `L${i}`, company }));
    const sends = [];
    for (let k = 0; k < 25; k++)
      sends.push(a.post(`${API}/records/leads`, { data: batch('One'), options: { assignmentRule: one.body.data.id } }));
    for (const r of await Promise.all(sends)) expect(r.status).toBe(201);
    const count = async (filter: unknown) =>
      (await a.get(`${API}/records/leads/count?filter=${encodeURIComponent(JSON.stringify(filter))}`)).body.count;
    expect(
      await count({
        and: [
          { field: 'company', op: 'eq', value: 'One' },
          { field: 'owner', op: 'eq', value: users[0] },
        ],
      }),
    ).toBe(2500);
    const rrSends = [];
    for (let k = 0; k < 25; k++)
      rrSends.push(a.post(`${API}/records/leads`, { data: batch('RR'), options: { assignmentRule: rr.body.data.id } }));
    for (const r of await Promise.all(rrSends)) expect(r.status).toBe(201);
    const counts = [];
    for (const u of users)
      counts.push(
        await count({
          and: [
            { field: 'company', op: 'eq', value: 'RR' },
            { field: 'owner', op: 'eq', value: u },
          ],
        }),
      );
    expect(counts).toEqual([834, 833, 833]);
    // A rule of another module, or an unknown one → 400 naming assignmentRule.
    const wrong = await a.post(`${API}/records/leads`, { data: [{ lastName: 'x' }], options: { assignmentRule: 'nope' } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details.field).toBe('assignmentRule');
  });

  it('scores leads in the same write and rescores existing ones when a rule changes', async () => {
    const a = t.admin;
    const before = await a.post(`${API}/records/leads`, { data: [{ lastName: 'Old', title: 'CEO' }] });
    const oldId = before.body.data[0].id;
    const rule = await a.post(`${API}/automation/scoring-rules`, {
      name: 'Fit',
      module: 'leads',
      active: true,
      entries: [
        { criteria: { field: 'title', op: 'eq', value: 'CEO' }, points: 10 },
        { criteria: { field: 'industry', op: 'isNotEmpty' }, points: 5 },
      ],
    });
    expect(rule.status).toBe(201);
    const r = await a.post(`${API}/records/leads`, { data: [{ lastName: 'New', title: 'CEO' }] });
    expect(r.body.data[0].record.score).toBe(10);
    await a.post(`${API}/test-clock/advance`, { minutes: 1 });
    expect((await a.get(`${API}/records/leads/${oldId}`)).body.data.score).toBe(10);
    await a.patch(`${API}/automation/scoring-rules/${rule.body.data.id}`, {
      entries: [{ criteria: { field: 'title', op: 'eq', value: 'CEO' }, points: 3 }],
    });
    await a.post(`${API}/test-clock/advance`, { minutes: 1 });
    expect((await a.get(`${API}/records/leads/${oldId}`)).body.data.score).toBe(3);
    // Rescoring ran as a job that reported its progress over every lead.
    const leads = (await a.get(`${API}/records/leads/count`)).body.count;
    const rescores = (await a.get(`${API}/jobs?status=done`)).body.data.filter((j: { kind: string }) => j.kind === 'scoring.rescore');
    expect(rescores.length).toBeGreaterThanOrEqual(2);
    expect(rescores.at(-1).payload).toEqual({ module: 'leads', progress: { done: leads, total: leads } });
    const upd = await a.patch(`${API}/records/leads/${oldId}`, { data: { title: 'Intern' } });
    expect(upd.body.data.score).toBe(0);
  });
});
