import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SecondServer, startSecondServer, startTestServer, type TestServer } from './harness.js';
import { type SmtpCapture, startSmtpCapture } from './mail-capture.js';
import { testDialects } from './pg.js';
import { startWebhookCapture, type WebhookCapture } from './webhook-capture.js';

const API = '/api/v1';
const dialects = await testDialects();

const until = async (check: () => Promise<boolean>, ms = 30_000) => {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('condition not met in time');
};

/** Two server processes' worth of workers on one PostgreSQL database: every instant action happens once. */
describe.runIf(dialects.includes('postgres'))('two servers on one PostgreSQL database', () => {
  let t: TestServer;
  let b: SecondServer;
  let smtp: SmtpCapture;
  let hooks: WebhookCapture;

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    hooks = await startWebhookCapture();
    const env = { SMTP_URL: smtp.url };
    t = await startTestServer('postgres', env);
    b = await startSecondServer(t, env);
  });
  afterAll(async () => {
    await b?.close();
    await t?.close();
    await smtp?.close();
    await hooks?.close();
  });

  it('does each field update, task, email and webhook exactly once', async () => {
    const rule = await t.admin.post(`${API}/automation/workflow-rules`, {
      name: 'Everything once',
      module: 'leads',
      trigger: { on: 'create' },
      conditions: [
        {
          criteria: { field: 'rating', op: 'eq', value: 'Hot' },
          instant: [
            { type: 'fieldUpdate', field: 'leadStatus', value: 'Contacted' },
            { type: 'createTask', subject: 'Call {{lastName}}' },
            { type: 'emailNotification', to: ['owner'], subject: 'Hot {{lastName}}', body: 'Lead {{lastName}}' },
            { type: 'webhook', url: hooks.url },
          ],
        },
      ],
    });
    expect(rule.status, rule.text).toBe(201);
    const N = 60;
    const sends = [];
    for (let k = 0; k < 6; k++) {
      const via = k % 2 ? b.admin : t.admin;
      sends.push(
        via.post(`${API}/records/leads`, {
          data: Array.from({ length: N / 6 }, (_, i) => ({ lastName: `Twice${k}x${i}`, rating: 'Hot' })),
        }),
      );
    }
    for (const r of await Promise.all(sends)) expect(r.status).toBe(201);
    const count = async (filter: unknown, module = 'leads') =>
      (await t.admin.get(`${API}/records/${module}/count?filter=${encodeURIComponent(JSON.stringify(filter))}`)).body.count as number;
    await until(
      async () =>
        (await count({ field: 'leadStatus', op: 'eq', value: 'Contacted' })) === N &&
        smtp.mails.length >= N &&
        hooks.deliveries.length >= N &&
        (await count({ field: 'subject', op: 'startsWith', value: 'Call Twice' }, 'tasks')) >= N,
    );
    // Both processes kept polling meanwhile: give them a few more rounds to do anything twice.
    await new Promise((r) => setTimeout(r, 2500));
    expect(await count({ field: 'subject', op: 'startsWith', value: 'Call Twice' }, 'tasks')).toBe(N);
    expect(smtp.mails).toHaveLength(N);
    expect(new Set(smtp.mails.map((m) => /Subject: (.*)/.exec(m.raw)?.[1] ?? '')).size).toBe(N);
    expect(hooks.deliveries).toHaveLength(N);
    expect(new Set(hooks.deliveries.map((d) => String(d.headers['x-rapport-delivery']))).size).toBe(N);
    const leads = (await t.admin.get(`${API}/records/leads?perPage=200&fields=leadStatus`)).body.data as any[];
    expect(leads.filter((l) => l.version === 2)).toHaveLength(N);
    const runs = (await t.admin.get(`${API}/automation/workflow-rules/${rule.body.data.id}/runs`)).body.data as any[];
    expect(runs).toHaveLength(N);
    expect(runs.every((r) => r.actions.every((x: any) => x.status === 'done'))).toBe(true);
  });
});
