import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, startTestServer, type TestServer } from './harness.js';
import { type SmtpCapture, startSmtpCapture } from './mail-capture.js';
import { testDialects } from './pg.js';
import { startWebhookCapture, type WebhookCapture } from './webhook-capture.js';

const API = '/api/v1';
const dialects = await testDialects();

const until = async (check: () => Promise<boolean> | boolean, ms = 8000) => {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('condition not met in time');
};

describe.each(dialects)('workflow rules on %s', (dialect) => {
  let t: TestServer;
  let smtp: SmtpCapture;
  let hooks: WebhookCapture;

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    hooks = await startWebhookCapture();
    t = await startTestServer(dialect, { RAPPORT_TEST_CLOCK: '1', SMTP_URL: smtp.url });
    expect((await t.admin.post(`${API}/modules/leads/fields`, { label: 'Priority', type: 'picklist', options: ['High', 'Low'] })).status).toBe(201);
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
    await hooks?.close();
  });

  const advance = async (minutes: number) => {
    const r = await t.admin.post(`${API}/test-clock/advance`, { minutes });
    expect(r.status).toBe(200);
    if (minutes > 60 * 24 * 20) await t.admin.login(ADMIN.email, ADMIN.password);
  };

  it('sets a High lead to Contacted and emails its owner (escaped values)', async () => {
    const a = t.admin;
    const rule = await a.post(`${API}/automation/workflow-rules`, {
      name: 'Hot lead', module: 'leads', active: true, trigger: { on: 'create' },
      conditions: [{
        criteria: { field: 'priority', op: 'eq', value: 'High' },
        instant: [
          { type: 'fieldUpdate', field: 'leadStatus', value: 'Contacted' },
          { type: 'emailNotification', to: ['owner'], subject: 'Hot lead {{lastName}}', body: 'Call {{firstName}} {{lastName}} for {{owner.name}}' },
        ],
      }],
    });
    expect(rule.status).toBe(201);
    expect(typeof rule.body.data.secret).toBe('string');
    const lead = await a.post(`${API}/records/leads`, { data: [{ firstName: '<b>Ann</b>', lastName: 'Hot', priority: 'High' }] });
    const id = lead.body.data[0].id;
    const cold = await a.post(`${API}/records/leads`, { data: [{ lastName: 'Cold', priority: 'Low' }] });
    await advance(0);
    expect((await a.get(`${API}/records/leads/${id}`)).body.data.leadStatus).toBe('Contacted');
    expect((await a.get(`${API}/records/leads/${cold.body.data[0].id}`)).body.data.leadStatus).toBe('New');
    await until(() => smtp.mails.length >= 1);
    expect(smtp.mails[0].to).toEqual([ADMIN.email]);
    expect(smtp.mails[0].raw).toContain('Hot lead Hot');
    expect(smtp.mails[0].raw).toContain('&lt;b&gt;Ann&lt;/b&gt;');
    const runs = await a.get(`${API}/automation/workflow-rules/${rule.body.data.id}/runs`);
    expect(runs.body.data).toHaveLength(1);
    expect(runs.body.data[0]).toMatchObject({ record: { module: 'leads', id }, trigger: 'create', condition: 0 });
    expect(runs.body.data[0].actions.map((x: any) => x.status)).toEqual(['done', 'done']);
    await a.patch(`${API}/automation/workflow-rules/${rule.body.data.id}`, { active: false });
  });

  it('runs a scheduled action after the clock moves, and cancels it when the record stops matching', async () => {
    const a = t.admin;
    const rule = await a.post(`${API}/automation/workflow-rules`, {
      name: 'Follow up', module: 'leads', trigger: { on: 'createOrEdit' },
      conditions: [{ criteria: { field: 'rating', op: 'eq', value: 'Hot' }, scheduled: [{ after: { days: 2 }, actions: [{ type: 'createTask', subject: 'Follow up {{lastName}}', dueInDays: 1, priority: 'High' }] }] }],
    });
    expect(rule.status).toBe(201);
    const keep = (await a.post(`${API}/records/leads`, { data: [{ lastName: 'Keeps', rating: 'Hot' }] })).body.data[0].id;
    const drop = (await a.post(`${API}/records/leads`, { data: [{ lastName: 'Drops', rating: 'Hot' }] })).body.data[0].id;
    await advance(60);
    await a.patch(`${API}/records/leads/${drop}`, { data: { rating: 'Cold' } });
    const tasksOf = async (leadId: string) => (await a.get(`${API}/records/leads/${leadId}/related/tasks`)).body.data;
    expect(await tasksOf(keep)).toHaveLength(0);
    await advance(2 * 24 * 60);
    const tasks = await tasksOf(keep);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ subject: 'Follow up Keeps', priority: 'High' });
    expect(await tasksOf(drop)).toHaveLength(0);
    const runs = (await a.get(`${API}/automation/workflow-rules/${rule.body.data.id}/runs`)).body.data;
    const dropRun = runs.find((r: any) => r.record.id === drop && r.trigger === 'create');
    expect(dropRun.actions[0].status).toBe('cancelled');
    await a.patch(`${API}/automation/workflow-rules/${rule.body.data.id}`, { active: false });
  });

  it('posts a signed webhook and retries it after a 500', async () => {
    const a = t.admin;
    const url = hooks.url;
    const rule = await a.post(`${API}/automation/workflow-rules`, {
      name: 'Hook', module: 'accounts', trigger: { on: 'create' },
      conditions: [{ criteria: null, instant: [{ type: 'webhook', url, headers: { 'X-Custom': 'yes' } }] }],
    });
    expect(rule.status).toBe(201);
    const secret = rule.body.data.secret;
    hooks.failNext(1);
    await a.post(`${API}/records/accounts`, { data: [{ name: 'Hooked' }] });
    await advance(0);
    expect(hooks.deliveries).toHaveLength(0);
    const pending = (await a.get(`${API}/jobs?status=pending`)).body.data;
    expect(pending.some((j: any) => j.attempts === 1 && /500/.test(j.lastError))).toBe(true);
    await advance(1);
    expect(hooks.deliveries).toHaveLength(1);
    const [hook] = hooks.deliveries;
    const body = JSON.parse(hook.body);
    expect(body).toMatchObject({ event: 'created', module: 'accounts', record: { name: 'Hooked' } });
    expect(hook.headers['x-rapport-signature']).toBe(`sha256=${createHmac('sha256', secret).update(hook.body).digest('hex')}`);
    expect(hook.headers['x-custom']).toBe('yes');
    await advance(10);
    expect(hooks.deliveries).toHaveLength(1);
  });

  it('stops a loop of field updates at depth 3 and logs it', async () => {
    const a = t.admin;
    const rule = await a.post(`${API}/automation/workflow-rules`, {
      name: 'Ping-pong', module: 'contacts', trigger: { on: 'createOrEdit' },
      conditions: [
        { criteria: { field: 'title', op: 'eq', value: 'A' }, instant: [{ type: 'fieldUpdate', field: 'title', value: 'B' }] },
        { criteria: null, instant: [{ type: 'fieldUpdate', field: 'title', value: 'A' }] },
      ],
    });
    expect(rule.status).toBe(201);
    const id = (await a.post(`${API}/records/contacts`, { data: [{ lastName: 'Loop', title: 'A' }] })).body.data[0].id;
    await advance(0);
    const c = (await a.get(`${API}/records/contacts/${id}`)).body.data;
    expect(c.version).toBe(4);
    const runs = (await a.get(`${API}/automation/workflow-rules/${rule.body.data.id}/runs`)).body.data;
    expect(runs).toHaveLength(4);
    expect(runs[0]).toMatchObject({ depth: 3, status: 'stopped' });
    expect(runs[0].actions[0].error).toMatch(/depth/);
  });

  it('refuses bad workflow rules naming the problem', async () => {
    const a = t.admin;
    const base = { name: 'Bad', module: 'leads', trigger: { on: 'create' } };
    const cases: [unknown, string][] = [
      [{ ...base, conditions: [{ criteria: null, instant: [{ type: 'explode' }] }] }, 'explode'],
      [{ ...base, conditions: [{ criteria: null, instant: [{ type: 'webhook', url: 'ftp://x' }] }] }, 'http'],
      [{ ...base, conditions: [{ criteria: null, instant: [{ type: 'emailNotification', to: ['owner'], subject: 'Hi {{nope}}', body: 'x' }] }] }, 'nope'],
      [{ ...base, conditions: [{ criteria: { field: 'ghost', op: 'eq', value: 1 }, instant: [{ type: 'fieldUpdate', field: 'title', value: 'x' }] }] }, 'ghost'],
      [{ ...base, conditions: [{ criteria: null, instant: [{ type: 'fieldUpdate', field: 'nofield', value: 'x' }] }] }, 'nofield'],
      [{ ...base, trigger: { on: 'whenever' }, conditions: [{ criteria: null, instant: [{ type: 'fieldUpdate', field: 'title', value: 'x' }] }] }, 'whenever'],
      [{ ...base, conditions: [{ criteria: null, instant: Array(11).fill({ type: 'fieldUpdate', field: 'title', value: 'x' }) }] }, '10'],
    ];
    for (const [body, word] of cases) {
      const r = await a.post(`${API}/automation/workflow-rules`, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.text).toContain(word);
    }
  });
});
