import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cliContext } from '../src/cli/context.js';
import { demoCommand } from '../src/cli/demo.js';
import { type Config, readConfig } from '../src/config.js';
import type { Ctx } from '../src/context.js';
import type { Database } from '../src/db/connection.js';
import { DEMO_SIZES, demoRecordCounts, generateDemoData, loadDemoData, removeDemoData } from '../src/demo/index.js';
import { DEFAULT_PIPELINE } from '../src/metadata/standard-modules.js';
import { startTestServer, type TestServer } from './harness.js';
import { testDialects } from './pg.js';

const dialects = await testDialects();
const MODULES = ['accounts', 'contacts', 'leads', 'deals', 'tasks', 'notes'] as const;
const STAGES = DEFAULT_PIPELINE.stages.map((s) => ({ name: s.name, kind: s.kind }));

describe('demo data generator', () => {
  const now = new Date('2025-06-02T10:00:00Z');
  const plan = generateDemoData({ now, stages: STAGES });

  it('has the planned sizes and is deterministic', () => {
    for (const m of MODULES) expect(plan[m]).toHaveLength(DEMO_SIZES[m]);
    expect(DEMO_SIZES).toMatchObject({ accounts: 100, contacts: 300, leads: 300, deals: 150 });
    expect(generateDemoData({ now, stages: STAGES })).toEqual(plan);
    expect(generateDemoData({ now, stages: STAGES, seed: 7 })).not.toEqual(plan);
  });

  it('is international, with emails made of ASCII names and company domains', () => {
    const people = [...plan.contacts, ...plan.leads].map((p) => p.values);
    const firstNames = new Set(people.map((p) => p.firstName));
    for (const n of ['Zoë', 'Łukasz', 'Søren', 'Ana María']) expect(firstNames).toContain(n);
    const countries = new Set(plan.accounts.map((a) => (a.values.billingAddress as { country: string }).country));
    expect(countries.size).toBeGreaterThanOrEqual(12);
    const emails = people.map((p) => p.email as string);
    expect(new Set(emails).size).toBe(emails.length);
    for (const e of emails) expect(e).toMatch(/^[a-z0-9.]+@[a-z0-9-]+\.example$/);
    for (const c of plan.contacts) {
      const account = plan.accounts[c.lookups?.account.index ?? -1];
      expect(String(c.values.email).split('@')[1]).toBe(String(account.values.website).replace('https://www.', ''));
    }
  });

  it('spreads deals over every stage, with loss reasons and closing dates around now', () => {
    const byStage = new Map<string, number>();
    for (const d of plan.deals) byStage.set(d.values.stage as string, (byStage.get(d.values.stage as string) ?? 0) + 1);
    for (const s of STAGES) expect(byStage.get(s.name) ?? 0).toBeGreaterThan(0);
    for (const d of plan.deals) {
      expect(d.values.lossReason != null).toBe(d.values.stage === 'Lost' || d.values.stage === 'Unqualified');
      expect(d.lookups?.account).toBeDefined();
      expect(d.values.closingDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    const today = now.toISOString().slice(0, 10);
    const open = plan.deals.filter((d) => !['Won', 'Lost', 'Unqualified'].includes(d.values.stage as string));
    expect(open.some((d) => (d.values.closingDate as string) > today)).toBe(true);
    expect(plan.deals.some((d) => d.values.stage === 'Won' && (d.values.closingDate as string) < today)).toBe(true);
  });

  it('has tasks done, overdue and upcoming, and notes on records', () => {
    const t = plan.tasks.map((x) => x.values);
    const past = (v: Record<string, unknown>) => Date.parse(v.dueAt as string) < now.getTime();
    expect(t.some((v) => past(v) && v.status === 'Completed')).toBe(true);
    expect(t.some((v) => past(v) && v.status !== 'Completed')).toBe(true);
    expect(t.some((v) => !past(v))).toBe(true);
    expect(new Set(plan.tasks.map((x) => x.relatedTo?.module))).toEqual(new Set(['deals', 'leads', 'contacts', 'accounts']));
    for (const n of plan.notes) {
      expect(n.relatedTo).toBeDefined();
      expect(String(n.values.content).length).toBeGreaterThan(10);
    }
  });
});

describe.each(dialects)('demo load/remove on %s', (dialect) => {
  let t: TestServer;
  let config: Config;
  let ctx: Ctx;
  let database: Database;
  const kept: Record<string, string> = {};

  const count = async (module: string) => {
    const r = await t.admin.get(`/api/v1/records/${module}/count`);
    expect(r.status).toBe(200);
    return r.body.count as number;
  };
  const counts = async () => Object.fromEntries(await Promise.all(MODULES.map(async (m) => [m, await count(m)])));
  const quietly = async <T>(fn: () => Promise<T>): Promise<{ result: T; out: string; err: string }> => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const result = await fn();
      return { result, out: log.mock.calls.map((c) => c.join(' ')).join('\n'), err: error.mock.calls.map((c) => c.join(' ')).join('\n') };
    } finally {
      log.mockRestore();
      error.mockRestore();
    }
  };

  beforeAll(async () => {
    t = await startTestServer(dialect);
    config = readConfig({ RAPPORT_DATA_DIR: t.dataDir, ...(t.databaseUrl ? { DATABASE_URL: t.databaseUrl } : {}) });
    ({ ctx, database } = await cliContext(config));
    // Records that are not demo data: they must survive `demo remove`.
    const acc = await t.admin.post('/api/v1/records/accounts', { data: [{ name: 'Our Real Customer' }] });
    kept.account = acc.body.data[0].id;
    const note = await t.admin.post('/api/v1/records/notes', {
      data: [{ content: 'A real note', relatedTo: { module: 'accounts', id: kept.account } }],
    });
    kept.note = note.body.data[0].id;
    const lead = await t.admin.post('/api/v1/records/leads', { data: [{ lastName: 'Deleted-but-real' }] });
    kept.deletedLead = lead.body.data[0].id;
    expect((await t.admin.delete(`/api/v1/records/leads/${kept.deletedLead}`)).status).toBe(200);
  }, 60_000);

  afterAll(async () => {
    await database?.close();
    await t?.close();
  });

  it('loads the demo data through the CLI command, with progress', async () => {
    const { result, out } = await quietly(() => demoCommand(config, 'load'));
    expect(result).toBe(0);
    expect(out).toContain('accounts 100/100');
    expect(out).toContain('contacts 300/300');
    expect(out).toContain('notes 200/200');
    expect(await counts()).toEqual({ accounts: 101, contacts: 300, leads: 300, deals: 150, tasks: 250, notes: 201 });
    expect(await demoRecordCounts(ctx)).toEqual(DEMO_SIZES);
  }, 120_000);

  it('stores linked, realistic records', async () => {
    for (const stage of STAGES) {
      const filter = encodeURIComponent(JSON.stringify({ field: 'stage', op: 'eq', value: stage.name }));
      const r = await t.admin.get(`/api/v1/records/deals/count?filter=${filter}`);
      expect(r.body.count, stage.name).toBeGreaterThan(0);
    }
    const deals = await t.admin.get('/api/v1/records/deals?perPage=200');
    expect(deals.status).toBe(200);
    for (const d of deals.body.data) {
      expect(d.account?.id).toBeTruthy();
      if (d.stage === 'Lost' || d.stage === 'Unqualified') expect(d.lossReason).toBeTruthy();
    }
    // A contact with a non-ASCII name (the plan does not depend on "now" for people).
    const someone = generateDemoData({ now: new Date(), stages: STAGES }).contacts.find((c) =>
      /[\u0080-\uFFFF]/.test(String(c.values.firstName)),
    );
    const byName = encodeURIComponent(JSON.stringify({ field: 'email', op: 'eq', value: someone?.values.email }));
    const person = (await t.admin.get(`/api/v1/records/contacts?filter=${byName}`)).body.data[0];
    expect(person).toMatchObject({ firstName: someone?.values.firstName, lastName: someone?.values.lastName });
    expect(person.firstName).toMatch(/[\u0080-\uFFFF]/);
    expect(person.email).toMatch(/^[a-z0-9.]+@[a-z0-9-]+\.example$/);
    expect(person.mailingAddress?.country).toBeTruthy();
    expect(person.account.name).toBeTruthy();
    const contacts = await t.admin.get('/api/v1/records/contacts?perPage=200');
    expect(contacts.body.data.every((c: { account: unknown }) => c.account)).toBe(true);
    const tasks = await t.admin.get('/api/v1/records/tasks?perPage=200');
    const done = tasks.body.data.find((x: { status: string }) => x.status === 'Completed');
    expect(done.completedAt).toBeTruthy();
    expect(done.relatedTo).toMatchObject({ module: expect.any(String), id: expect.any(String) });
  });

  it('refuses to load twice', async () => {
    const { result, err } = await quietly(() => demoCommand(config, 'load'));
    expect(result).toBe(1);
    expect(err).toMatch(/already loaded/);
    await expect(loadDemoData(ctx)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await counts()).toEqual({ accounts: 101, contacts: 300, leads: 300, deals: 150, tasks: 250, notes: 201 });
  });

  it('removes exactly the demo records, also those already in the recycle bin', async () => {
    // A user deleted one demo deal already: it sits in the recycle bin.
    const [row] = await ctx.db.selectFrom('demo_records').select('recordId').where('module', '=', 'deals').limit(1).execute();
    expect((await t.admin.delete(`/api/v1/records/deals/${row.recordId}`)).status).toBe(200);

    const { result, out } = await quietly(() => demoCommand(config, 'remove'));
    expect(result).toBe(0);
    expect(out).toContain('accounts 100/100');
    expect(await counts()).toEqual({ accounts: 1, contacts: 0, leads: 0, deals: 0, tasks: 0, notes: 1 });
    expect((await t.admin.get(`/api/v1/records/accounts/${kept.account}`)).status).toBe(200);
    expect((await t.admin.get(`/api/v1/records/notes/${kept.note}`)).status).toBe(200);
    expect(await demoRecordCounts(ctx)).toEqual({ accounts: 0, contacts: 0, leads: 0, deals: 0, tasks: 0, notes: 0 });

    // The recycle bin holds only what a user deleted for real.
    const bin = await t.admin.get('/api/v1/recycle-bin?perPage=200');
    expect(bin.body.data.map((e: { recordId: string }) => e.recordId)).toEqual([kept.deletedLead]);

    const again = await quietly(() => demoCommand(config, 'remove'));
    expect(again.result).toBe(0);
    expect(again.out).toContain('No demo data');
  }, 180_000);

  it('can load again after removing, and remove it again', async () => {
    const loaded = await loadDemoData(ctx, { sizes: { accounts: 20, contacts: 40, leads: 30, deals: 25, tasks: 30, notes: 20 } });
    expect(loaded).toEqual({ accounts: 20, contacts: 40, leads: 30, deals: 25, tasks: 30, notes: 20 });
    expect(await count('deals')).toBe(25);
    const removed = await removeDemoData(ctx);
    expect(removed).toEqual(loaded);
    expect(await counts()).toEqual({ accounts: 1, contacts: 0, leads: 0, deals: 0, tasks: 0, notes: 1 });
  }, 120_000);
});
