import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Migrator } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openPostgres, openSqlite } from '../src/db/connection.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { systemMigrations } from '../src/db/migrations.js';
import { addSalesFields } from '../src/metadata/sales-fields.js';
import { seedStandardMetadata } from '../src/metadata/seed.js';
import { startTestServer, type TestServer } from './harness.js';
import { freshPostgresDatabase, testDialects } from './pg.js';

const dialects = await testDialects();
const R = '/api/v1/records';

describe.each(dialects)('deals on %s', (dialect) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(dialect);
  });
  afterAll(async () => {
    await t?.close();
  });

  const create = async (module: string, rec: Record<string, unknown>) => {
    const r = await t.admin.post(`${R}/${module}`, { data: [rec] });
    expect(r.status, r.text).toBe(201);
    return r.body.data[0].record;
  };
  const deal = (values: Record<string, unknown>) => create('deals', { dealName: 'Deal', closingDate: '2026-06-30', ...values });
  const patch = async (id: string, data: Record<string, unknown>) => {
    const r = await t.admin.patch(`${R}/deals/${id}`, { data });
    expect(r.status, r.text).toBe(200);
    return r.body.data;
  };
  const history = async (id: string) => {
    const r = await t.admin.get(`${R}/deals/${id}/stage-history`);
    expect(r.status, r.text).toBe(200);
    return r.body.data;
  };

  it('records every stage change (from, to, when, who, amount then), oldest first, the creation from null', async () => {
    const start = Date.now();
    const d = await deal({ stage: 'Qualification', amount: 1000 });
    await patch(d.id, { amount: 1500.5 });
    await patch(d.id, { stage: 'Proposal' });
    await patch(d.id, { nextStep: 'Send quote' });
    await patch(d.id, { stage: 'Won', amount: 2000 });
    const h = await history(d.id);
    expect(h.map((e: any) => [e.from, e.to, e.amount, e.pipeline])).toEqual([
      [null, 'Qualification', 1000, 'Sales'],
      ['Qualification', 'Proposal', 1500.5, 'Sales'],
      ['Proposal', 'Won', 2000, 'Sales'],
    ]);
    const me = (await t.admin.get('/api/v1/me')).body.user;
    for (const e of h) {
      expect(e.user).toEqual({ id: me.id, name: me.name });
      expect(Date.parse(e.at)).toBeGreaterThanOrEqual(start - 1000);
    }
    expect((await t.admin.get(`${R}/deals/nosuchdeal/stage-history`)).status).toBe(404);
    // Rows for reports carry stage ids and kinds too.
    const rows = await t.server.database.db.selectFrom('deal_stage_history').selectAll().where('dealId', '=', d.id).orderBy('id').execute();
    expect(rows.map((r: any) => r.toKind)).toEqual(['open', 'open', 'won']);
    expect(rows.every((r: any) => typeof r.toStageId === 'string')).toBe(true);
    expect(rows[1].fromStageId).toBe(rows[0].toStageId);
  });

  it('a failed deal write writes no stage history', async () => {
    const d = await deal({ stage: 'Qualification' });
    const r = await t.admin.patch(`${R}/deals/${d.id}`, { data: { stage: 'Proposal', amount: 1.234 } });
    expect(r.status).toBe(400);
    expect(await history(d.id)).toHaveLength(1);
  });

  it('probability defaults from the stage and expected revenue is computed, stored, filterable and sortable', async () => {
    const a = await deal({ dealName: 'ER A', stage: 'Negotiation', amount: 999.99 });
    expect(a).toMatchObject({ probability: 75, expectedRevenue: 749.99 });
    const b = await deal({ dealName: 'ER B', stage: 'Qualification', amount: 999.99, probability: 33 });
    expect(b).toMatchObject({ probability: 33, expectedRevenue: 330 });
    const filter = encodeURIComponent(
      JSON.stringify({
        and: [
          { field: 'expectedRevenue', op: 'gte', value: 330 },
          { field: 'dealName', op: 'startsWith', value: 'ER ' },
        ],
      }),
    );
    const list = await t.admin.get(`${R}/deals?filter=${filter}&sort=-expectedRevenue`);
    expect(list.body.data.map((x: any) => x.dealName)).toEqual(['ER A', 'ER B']);
  });

  it('closedAt is set when a deal enters a closed stage and cleared when it reopens; clients cannot set it', async () => {
    const d = await deal({ stage: 'Negotiation' });
    expect(d.closedAt).toBeNull();
    const won = await patch(d.id, { stage: 'Won' });
    expect(Math.abs(Date.parse(won.closedAt) - Date.now())).toBeLessThan(60_000);
    const unchanged = await patch(d.id, { nextStep: 'Invoice' });
    expect(unchanged.closedAt).toBe(won.closedAt);
    const reopened = await patch(d.id, { stage: 'Proposal' });
    expect(reopened.closedAt).toBeNull();
    const lostAtOnce = await deal({ stage: 'Lost', lossReason: 'Price' });
    expect(lostAtOnce.closedAt).toMatch(/Z$/);
    const forged = await t.admin.patch(`${R}/deals/${d.id}`, { data: { closedAt: '2020-01-01T00:00:00Z' } });
    expect(forged.status).toBe(400);
    expect(forged.body.error).toMatchObject({ code: 'INVALID_DATA', details: { field: 'closedAt' } });
    const fields = (await t.admin.get('/api/v1/modules/deals/fields')).body.data;
    expect(fields.find((f: any) => f.apiName === 'closedAt')).toMatchObject({ type: 'datetime', readOnly: true });
  });

  it('a loss reason is required when a deal enters Lost or Unqualified (REQUIRED_FIELD_MISSING naming lossReason)', async () => {
    const d = await deal({ stage: 'Proposal' });
    const lost = await t.admin.patch(`${R}/deals/${d.id}`, { data: { stage: 'Lost' } });
    expect(lost.status).toBe(400);
    expect(lost.body.error).toMatchObject({ code: 'REQUIRED_FIELD_MISSING', details: { field: 'lossReason' } });
    expect(await history(d.id)).toHaveLength(1);
    const created = await t.admin.post(`${R}/deals`, { data: [{ dealName: 'U', closingDate: '2026-06-30', stage: 'Unqualified' }] });
    expect(created.status).toBe(400);
    expect(created.body.data[0]).toMatchObject({ code: 'REQUIRED_FIELD_MISSING', details: { field: 'lossReason' } });
    const ok = await patch(d.id, { stage: 'Lost', lossReason: 'Competitor' });
    expect(ok).toMatchObject({ stage: 'Lost', lossReason: 'Competitor', probability: 0 });
    const cleared = await t.admin.patch(`${R}/deals/${d.id}`, { data: { lossReason: null } });
    expect(cleared.status).toBe(400);
    expect(cleared.body.error.details.field).toBe('lossReason');
    // Other edits of a lost deal are fine, and reopening keeps the reason on record.
    expect((await patch(d.id, { description: 'Went with a competitor' })).lossReason).toBe('Competitor');
    expect((await patch(d.id, { stage: 'Qualification' })).lossReason).toBe('Competitor');
  });

  it('a contact becomes a Customer when one of their deals is won, in the same write', async () => {
    const c = await create('contacts', { lastName: 'Prospective' });
    expect(c.contactType).toBe('Prospect');
    const d = await deal({ stage: 'Negotiation', contact: c.id });
    expect((await t.admin.get(`${R}/contacts/${c.id}`)).body.data.contactType).toBe('Prospect');
    await patch(d.id, { stage: 'Won' });
    const after = (await t.admin.get(`${R}/contacts/${c.id}`)).body.data;
    expect(after).toMatchObject({ contactType: 'Customer', version: 2 });
    const h = await t.admin.get(`${R}/contacts/${c.id}/history`);
    expect(h.body.data[0].changes).toEqual([{ field: 'contactType', old: 'Prospect', new: 'Customer' }]);
    // A deal created won, and a won deal given a contact, make customers too; losing does not.
    const c2 = await create('contacts', { lastName: 'Instant' });
    await deal({ stage: 'Won', contact: c2.id });
    expect((await t.admin.get(`${R}/contacts/${c2.id}`)).body.data.contactType).toBe('Customer');
    const c3 = await create('contacts', { lastName: 'Late Link' });
    const w = await deal({ stage: 'Won' });
    await patch(w.id, { contact: c3.id });
    expect((await t.admin.get(`${R}/contacts/${c3.id}`)).body.data.contactType).toBe('Customer');
    const c4 = await create('contacts', { lastName: 'Lost One' });
    await deal({ stage: 'Lost', lossReason: 'Price', contact: c4.id });
    expect((await t.admin.get(`${R}/contacts/${c4.id}`)).body.data.contactType).toBe('Prospect');
    // A won deal that fails validation changes no contact.
    const c5 = await create('contacts', { lastName: 'Untouched' });
    const d5 = await deal({ stage: 'Proposal', contact: c5.id });
    const bad = await t.admin.patch(`${R}/deals/${d5.id}`, { data: { stage: 'Won', amount: -0.001 } });
    expect(bad.status).toBe(400);
    expect((await t.admin.get(`${R}/contacts/${c5.id}`)).body.data).toMatchObject({ contactType: 'Prospect', version: 1 });
  });
});

describe.each(dialects)('upgrading an existing database on %s', (dialect) => {
  let database: Database;
  let drop = async () => {};
  let dir = '';
  beforeAll(async () => {
    if (dialect === 'postgres') {
      const pg = await freshPostgresDatabase();
      database = openPostgres(pg.url);
      drop = pg.drop;
    } else {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-upgrade-'));
      database = openSqlite(path.join(dir, 'rapport.db'));
    }
  });
  afterAll(async () => {
    await database?.close();
    await drop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('adds closedAt, the conversion fields and stage history, backfilled for deals that exist', async () => {
    const { db } = database;
    const migrations = systemMigrations(
      dialect,
      (d) => seedStandardMetadata(d, dialect),
      (d) => addSalesFields(d, dialect),
    );
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
    const before = await migrator.migrateTo('0003_demo_records');
    expect(before.error).toBeUndefined();
    const row = (id: string, stage: string, modifiedAt: number) => ({
      id,
      createdAt: 1_700_000_000_000,
      modifiedAt,
      version: 1,
      _name: id,
      dealName: id,
      pipeline: 'Sales',
      stage,
      amount: 123456,
    });
    await db
      .insertInto('r_deals')
      .values([row('open-deal', 'Proposal', 1_700_000_000_000), row('won-deal', 'Won', 1_700_000_500_000)])
      .execute();
    await migrateToLatest(database);

    const deals = await db.selectFrom('r_deals').select(['id', 'closedAt']).orderBy('id').execute();
    expect(deals.map((d: any) => [d.id, d.closedAt === null ? null : Number(d.closedAt)])).toEqual([
      ['open-deal', null],
      ['won-deal', 1_700_000_500_000],
    ]);
    const h = await db.selectFrom('deal_stage_history').selectAll().orderBy('dealId').execute();
    expect(h.map((r: any) => [r.dealId, r.fromStage, r.toStage, r.toKind, Number(r.amount)])).toEqual([
      ['open-deal', null, 'Proposal', 'open', 123456],
      ['won-deal', null, 'Won', 'won', 123456],
    ]);
    const fields = await db
      .selectFrom('fields')
      .select(['module', 'apiName', 'readOnly'])
      .where('apiName', 'in', ['closedAt', 'convertedContact', 'convertedAt'])
      .orderBy('apiName')
      .execute();
    expect(fields.map((f: any) => [f.module, f.apiName, Number(f.readOnly)])).toEqual([
      ['deals', 'closedAt', 1],
      ['leads', 'convertedAt', 1],
      ['leads', 'convertedContact', 1],
    ]);
    const fixed = await db.selectFrom('pipeline_stages').select(['name', 'fixed']).orderBy('sortOrder').execute();
    expect(fixed.map((s: any) => [s.name, Number(s.fixed)])).toEqual([
      ['Qualification', 0],
      ['Needs Analysis', 0],
      ['Proposal', 0],
      ['Negotiation', 0],
      ['Won', 1],
      ['Lost', 1],
      ['Unqualified', 1],
    ]);
    const layout = await db.selectFrom('layouts').select('sections').where('module', '=', 'leads').executeTakeFirstOrThrow();
    expect(JSON.parse(layout.sections).at(-1)).toEqual({
      title: 'Conversion Information',
      fields: ['convertedContact', 'convertedAccount', 'convertedDeal', 'convertedAt'],
    });
  });
});
