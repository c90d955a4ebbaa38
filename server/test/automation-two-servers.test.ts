import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../src/config.js';
import { type RunningServer, startServer } from '../src/server.js';
import { ADMIN, Client, startTestServer, type TestServer } from './harness.js';
import { testDialects } from './pg.js';

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
  let b: RunningServer;
  let bAdmin: Client;
  let smtp: SMTPServer;
  let hooks: http.Server;
  let dataDir: string;
  const mails: string[] = [];
  const deliveries: string[] = [];

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, _s, cb) {
        let data = '';
        stream.on('data', (c) => (data += c));
        stream.on('end', () => {
          mails.push(/Subject: (.*)/.exec(data)?.[1] ?? '');
          cb();
        });
      },
    });
    await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', () => r()));
    hooks = http.createServer((req, res) => {
      deliveries.push(String(req.headers['x-rapport-delivery']));
      req.resume();
      res.writeHead(204).end();
    });
    await new Promise<void>((r) => hooks.listen(0, '127.0.0.1', () => r()));
    const env = { SMTP_URL: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}` };
    t = await startTestServer('postgres', env);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-two-'));
    b = await startServer(
      readConfig({
        DATABASE_URL: t.databaseUrl as string,
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'silent',
        RAPPORT_DATA_DIR: dataDir,
        ...env,
      }),
      { logger: false },
    );
    bAdmin = new Client(b.url);
    await bAdmin.login(ADMIN.email, ADMIN.password);
  });
  afterAll(async () => {
    await b?.close();
    await t?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    await new Promise((r) => smtp.close(() => r(null)));
    hooks.close();
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
            { type: 'webhook', url: `http://127.0.0.1:${(hooks.address() as AddressInfo).port}/hook` },
          ],
        },
      ],
    });
    expect(rule.status, rule.text).toBe(201);
    const N = 60;
    const sends = [];
    for (let k = 0; k < 6; k++) {
      const via = k % 2 ? bAdmin : t.admin;
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
        mails.length >= N &&
        deliveries.length >= N &&
        (await count({ field: 'subject', op: 'startsWith', value: 'Call Twice' }, 'tasks')) >= N,
    );
    // Both processes kept polling meanwhile: give them a few more rounds to do anything twice.
    await new Promise((r) => setTimeout(r, 2500));
    expect(await count({ field: 'subject', op: 'startsWith', value: 'Call Twice' }, 'tasks')).toBe(N);
    expect(mails).toHaveLength(N);
    expect(new Set(mails).size).toBe(N);
    expect(deliveries).toHaveLength(N);
    expect(new Set(deliveries).size).toBe(N);
    const leads = (await t.admin.get(`${API}/records/leads?perPage=200&fields=leadStatus`)).body.data as any[];
    expect(leads.filter((l) => l.version === 2)).toHaveLength(N);
    const runs = (await t.admin.get(`${API}/automation/workflow-rules/${rule.body.data.id}/runs`)).body.data as any[];
    expect(runs).toHaveLength(N);
    expect(runs.every((r) => r.actions.every((x: any) => x.status === 'done'))).toBe(true);
  });
});
