import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, startTestServer, type TestServer } from './harness.js';
import { type SmtpCapture, startSmtpCapture } from './mail-capture.js';
import { testDialects } from './pg.js';
import { startWebhookCapture, type WebhookCapture } from './webhook-capture.js';

const API = '/api/v1';
const dialects = await testDialects();

describe.each(dialects)('"Test this rule" (dry run) on %s', (dialect) => {
  let t: TestServer;
  let smtp: SmtpCapture;
  let hooks: WebhookCapture;

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    hooks = await startWebhookCapture();
    t = await startTestServer(dialect, { RAPPORT_TEST_CLOCK: '1', SMTP_URL: smtp.url });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
    await hooks?.close();
  });

  const definition = () => ({
    name: 'Hot lead',
    module: 'leads',
    trigger: { on: 'createOrEdit' },
    conditions: [
      {
        criteria: { field: 'rating', op: 'eq', value: 'Cold' },
        instant: [{ type: 'fieldUpdate', field: 'leadStatus', value: 'Unqualified' }],
      },
      {
        criteria: { field: 'rating', op: 'eq', value: 'Hot' },
        instant: [
          { type: 'fieldUpdate', field: 'leadStatus', value: 'Contacted' },
          {
            type: 'emailNotification',
            to: ['owner', 'boss@example.com'],
            subject: 'Hot: {{lastName}}',
            body: 'Call {{firstName}} at {{company}}',
          },
          { type: 'webhook', url: hooks.url, headers: { 'X-Team': 'sales' } },
        ],
        scheduled: [
          { after: { days: 2 }, actions: [{ type: 'createTask', subject: 'Follow up {{lastName}}', dueInDays: 1, priority: 'High' }] },
        ],
      },
    ],
  });

  it('shows what a saved and an unsaved rule would do to a record, doing nothing', async () => {
    const a = t.admin;
    const lead = (
      await a.post(`${API}/records/leads`, { data: [{ firstName: '<i>Ann</i>', lastName: 'Dry', company: 'Acme & Co', rating: 'Hot' }] })
    ).body.data[0];
    await a.post(`${API}/test-clock/advance`, { minutes: 0 });
    const rule = await a.post(`${API}/automation/workflow-rules`, { ...definition(), active: false });
    expect(rule.status).toBe(201);
    const jobsBefore = (await a.get(`${API}/jobs`)).body.data.length;
    const now = Date.parse((await a.post(`${API}/test-clock/advance`, { minutes: 0 })).body.now);

    for (const r of [
      await a.post(`${API}/automation/workflow-rules/${rule.body.data.id}/test`, { recordId: lead.id }),
      await a.post(`${API}/automation/workflow-rules/test`, { rule: definition(), recordId: lead.id }),
    ]) {
      expect(r.status, r.text).toBe(200);
      const d = r.body.data;
      expect(d.condition).toBe(1);
      expect(d.record).toEqual({ module: 'leads', id: lead.id, name: '<i>Ann</i> Dry' });
      expect(d.actions.map((x: any) => [x.type, x.scheduled])).toEqual([
        ['fieldUpdate', false],
        ['emailNotification', false],
        ['webhook', false],
        ['createTask', true],
      ]);
      expect(d.actions[0].effect).toEqual({ field: 'leadStatus', from: 'New', to: 'Contacted' });
      expect(d.actions[1].effect.to).toEqual([ADMIN.email, 'boss@example.com']);
      expect(d.actions[1].effect.subject).toBe('Hot: Dry');
      expect(d.actions[1].effect.html).toBe('Call &lt;i&gt;Ann&lt;/i&gt; at Acme &amp; Co');
      expect(d.actions[2].effect).toMatchObject({
        url: hooks.url,
        headers: { 'X-Team': 'sales' },
        payload: { module: 'leads', record: { id: lead.id } },
      });
      // The test clock moves on with real time between calls: a few seconds at most.
      expect(Date.parse(d.actions[3].runAt) - now - 2 * 86_400_000).toBeGreaterThanOrEqual(0);
      expect(Date.parse(d.actions[3].runAt) - now - 2 * 86_400_000).toBeLessThan(60_000);
      expect(d.actions[3].effect.task).toMatchObject({
        subject: 'Follow up Dry',
        priority: 'High',
        relatedTo: { module: 'leads', id: lead.id },
      });
      expect(d.actions[3].effect.task.owner.name).toBeTruthy();
    }
    // The saved rule's dry run shows the signature its webhook would carry; the unsaved one has no secret.
    const saved = await a.post(`${API}/automation/workflow-rules/${rule.body.data.id}/test`, { recordId: lead.id });
    expect(saved.body.data.actions[2].effect.headers['x-rapport-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);

    // Nothing happened: no write, no job, no run, no email, no webhook call — even after the clock moves.
    await a.post(`${API}/test-clock/advance`, { minutes: 3 * 24 * 60 });
    await a.login(ADMIN.email, ADMIN.password);
    const after = (await a.get(`${API}/records/leads/${lead.id}`)).body.data;
    expect(after.leadStatus).toBe('New');
    expect(after.version).toBe(1);
    expect((await a.get(`${API}/records/leads/${lead.id}/related/tasks`)).body.data).toHaveLength(0);
    expect((await a.get(`${API}/automation/workflow-rules/${rule.body.data.id}/runs`)).body.data).toHaveLength(0);
    expect((await a.get(`${API}/jobs`)).body.data.length).toBe(jobsBefore);
    expect(smtp.mails).toHaveLength(0);
    expect(hooks.deliveries).toHaveLength(0);
  });

  it('says when no condition matches, and when a date rule would next fire', async () => {
    const a = t.admin;
    const lead = (await a.post(`${API}/records/leads`, { data: [{ lastName: 'Lukewarm', rating: 'Warm' }] })).body.data[0];
    const r = await a.post(`${API}/automation/workflow-rules/test`, { rule: definition(), recordId: lead.id });
    expect(r.body.data).toMatchObject({ condition: null, actions: [], nextDateFiring: null });
    const deal = (await a.post(`${API}/records/deals`, { data: [{ dealName: 'D', stage: 'Qualification', closingDate: '2099-06-15' }] }))
      .body.data[0];
    const d = await a.post(`${API}/automation/workflow-rules/test`, {
      rule: {
        name: 'Close',
        module: 'deals',
        trigger: { on: 'date', date: { field: 'closingDate', offsetDays: -2, time: '10:30' } },
        conditions: [{ criteria: null, instant: [{ type: 'createTask', subject: 'x' }] }],
      },
      recordId: deal.id,
    });
    expect(d.status).toBe(200);
    expect(d.body.data.nextDateFiring).toBe('2099-06-13T10:30:00.000Z');
  });

  it('refuses bad input with 4xx naming the problem', async () => {
    const a = t.admin;
    const lead = (await a.post(`${API}/records/leads`, { data: [{ lastName: 'X' }] })).body.data[0];
    const cases: [string, unknown, number, string][] = [
      ['/automation/workflow-rules/test', { rule: definition() }, 400, 'recordId'],
      ['/automation/workflow-rules/test', { rule: definition(), recordId: 'nope' }, 404, 'nope'],
      [
        '/automation/workflow-rules/test',
        { rule: { ...definition(), conditions: [{ criteria: null, instant: [{ type: 'explode' }] }] }, recordId: lead.id },
        400,
        'explode',
      ],
      ['/automation/workflow-rules/test', { rule: { ...definition(), module: 'ghosts' }, recordId: lead.id }, 400, 'ghosts'],
      ['/automation/workflow-rules/test', { rule: definition(), recordId: lead.id, extra: 1 }, 400, 'extra'],
      ['/automation/workflow-rules/NOPE/test', { recordId: lead.id }, 404, 'NOPE'],
      ['/automation/workflow-rules/test', { rule: definition(), recordId: '../x' }, 400, 'recordId'],
    ];
    for (const [p, body, status, word] of cases) {
      const r = await a.post(API + p, body);
      expect(r.status, `${p} ${JSON.stringify(body)} → ${r.text}`).toBe(status);
      expect(r.body.error.code).toBeTruthy();
      expect(r.text).toContain(word);
    }
    const std = await a.post(`${API}/users`, {
      email: 'std.dry@example.com',
      name: 'Std',
      password: 'standard password 123',
      profile: 'Standard',
    });
    const c = t.client();
    await c.login('std.dry@example.com', 'standard password 123');
    expect(std.status).toBe(201);
    expect((await c.post(`${API}/automation/workflow-rules/test`, { rule: definition(), recordId: lead.id })).status).toBe(403);
  });
});
