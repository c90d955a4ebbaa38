import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';
import { testDialects } from './pg.js';

const dialects = await testDialects();
const R = '/api/v1/records';

describe.each(dialects)('kanban boards on %s', (dialect) => {
  let t: TestServer;
  let pipelineId: string;
  beforeAll(async () => {
    t = await startTestServer(dialect);
    const p = await t.admin.post('/api/v1/pipelines', {
      name: 'Board',
      stages: [
        { name: 'Lead In', probability: 10 },
        { name: 'Demo', probability: 30 },
        { name: 'Offer', probability: 70 },
      ],
    });
    expect(p.status, p.text).toBe(201);
    pipelineId = p.body.data.id;
    const deals = [
      // Amounts whose binary-float sum is not exact: 0.1 + 0.2 + 0.7 ≠ 1 in doubles.
      { dealName: 'Penny 1', stage: 'Lead In', amount: 0.1 },
      { dealName: 'Penny 2', stage: 'Lead In', amount: 0.2 },
      { dealName: 'Penny 3', stage: 'Lead In', amount: 0.7 },
      { dealName: 'Big 1', stage: 'Demo', amount: 1234567890123.45 },
      { dealName: 'Big 2', stage: 'Demo', amount: 1111111111111.11 },
      { dealName: 'No amount', stage: 'Demo' },
      { dealName: 'Won one', stage: 'Won', amount: 5000 },
      ...Array.from({ length: 7 }, (_, i) => ({ dealName: `Offer ${i + 1}`, stage: 'Offer', amount: (10001 * (i + 1)) / 100 })),
    ];
    const r = await t.admin.post(`${R}/deals`, {
      data: deals.map((d) => ({ ...d, pipeline: 'Board', closingDate: '2026-06-30' })),
    });
    expect(r.status, r.text).toBe(201);
    // A deal of another pipeline never shows on this board.
    await t.admin.post(`${R}/deals`, { data: [{ dealName: 'Elsewhere', stage: 'Demo', closingDate: '2026-06-30', amount: 1 }] });
  });
  afterAll(async () => {
    await t?.close();
  });

  const boardOf = async (query: string) => {
    const r = await t.admin.get(`${R}/deals/board?${query}`);
    expect(r.status, r.text).toBe(200);
    return r.body.data;
  };

  it('groups deals by the stages of one pipeline, in stage order, with exact counts and sums', async () => {
    const b = await boardOf('pipeline=Board');
    expect(b).toMatchObject({ field: 'stage', pipeline: 'Board', sumField: 'amount' });
    expect(b.columns.map((c: any) => [c.value, c.count, c.sum, c.weightedSum, c.kind])).toEqual([
      ['Lead In', 3, 1, 0.1, 'open'],
      ['Demo', 3, 2345679001234.56, 703703700370.37, 'open'],
      ['Offer', 7, 2800.28, 1960.2, 'open'],
      ['Won', 1, 5000, 5000, 'won'],
      ['Lost', 0, 0, 0, 'lost'],
      ['Unqualified', 0, 0, 0, 'unqualified'],
    ]);
    const leadIn = b.columns[0];
    expect(leadIn.records.map((r: any) => r.dealName).sort()).toEqual(['Penny 1', 'Penny 2', 'Penny 3']);
    expect(leadIn.stageId).toBe((await t.admin.get(`/api/v1/pipelines/${pipelineId}`)).body.data.stages[0].id);
    expect(leadIn.nextCursor).toBeUndefined();
    // The same board by pipeline id.
    expect((await boardOf(`pipeline=${pipelineId}`)).columns.map((c: any) => c.count)).toEqual([3, 3, 7, 1, 0, 0]);
    // Without a pipeline: the default one.
    const sales = await boardOf('');
    expect(sales.pipeline).toBe('Sales');
    expect(sales.columns.find((c: any) => c.value === 'Demo')).toBeUndefined();
  });

  it('pages a column: the first perColumn cards, then the rest by cursor', async () => {
    const b = await boardOf('pipeline=Board&perColumn=3&sort=dealName&fields=dealName,amount');
    const offer = b.columns.find((c: any) => c.value === 'Offer');
    expect(offer.records.map((r: any) => r.dealName)).toEqual(['Offer 1', 'Offer 2', 'Offer 3']);
    expect(Object.keys(offer.records[0]).sort()).toEqual(['amount', 'dealName', 'id', 'version']);
    expect(offer.nextCursor).toBeTruthy();
    const seen = [...offer.records.map((r: any) => r.dealName)];
    let cursor = offer.nextCursor;
    while (cursor) {
      const r = await t.admin.get(
        `${R}/deals/board/column?pipeline=Board&value=Offer&perColumn=3&sort=dealName&cursor=${encodeURIComponent(cursor)}`,
      );
      expect(r.status, r.text).toBe(200);
      seen.push(...r.body.data.map((x: any) => x.dealName));
      cursor = r.body.info.nextCursor;
    }
    expect(seen).toEqual(['Offer 1', 'Offer 2', 'Offer 3', 'Offer 4', 'Offer 5', 'Offer 6', 'Offer 7']);
    const first = await t.admin.get(`${R}/deals/board/column?pipeline=Board&value=Offer&perColumn=2&sort=-dealName`);
    expect(first.body.data.map((x: any) => x.dealName)).toEqual(['Offer 7', 'Offer 6']);
  });

  it('applies the filter and search to counts, sums and cards', async () => {
    const filter = encodeURIComponent(JSON.stringify({ field: 'amount', op: 'gte', value: 0.2 }));
    const b = await boardOf(`pipeline=Board&filter=${filter}`);
    expect(b.columns.slice(0, 3).map((c: any) => [c.count, c.sum])).toEqual([
      [2, 0.9],
      [2, 2345679001234.56],
      [7, 2800.28],
    ]);
    const q = await boardOf('pipeline=Board&q=penny');
    expect(q.columns.map((c: any) => c.count)).toEqual([3, 0, 0, 0, 0, 0]);
    const view = await t.admin.post('/api/v1/views', {
      module: 'deals',
      name: 'Big ones',
      filter: { field: 'amount', op: 'gt', value: 1000 },
    });
    expect(view.status, view.text).toBe(201);
    const v = await boardOf(`pipeline=Board&view=${view.body.data.id}`);
    expect(v.columns.map((c: any) => c.count)).toEqual([0, 2, 0, 1, 0, 0]);
  });

  it('moving a card is a PATCH of the stage, validated like any edit', async () => {
    const b = await boardOf('pipeline=Board&sort=dealName');
    const card = b.columns.find((c: any) => c.value === 'Lead In').records[0];
    const moved = await t.admin.patch(`${R}/deals/${card.id}`, { data: { stage: 'Demo' } });
    expect(moved.status, moved.text).toBe(200);
    expect(moved.body.data.probability).toBe(30);
    const refused = await t.admin.patch(`${R}/deals/${card.id}`, { data: { stage: 'Lost' } });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.field).toBe('lossReason');
    const after = await boardOf('pipeline=Board');
    expect(after.columns.slice(0, 2).map((c: any) => c.count)).toEqual([2, 4]);
    await t.admin.patch(`${R}/deals/${card.id}`, { data: { stage: 'Lead In' } });
  });

  it('groups any module by any picklist field: options in order plus an empty column, summing its first currency field', async () => {
    const leads = [
      { lastName: 'H1', rating: 'Hot', annualRevenue: 0.1, numberOfEmployees: 10 },
      { lastName: 'H2', rating: 'Hot', annualRevenue: 0.2, numberOfEmployees: 5 },
      { lastName: 'C1', rating: 'Cold', annualRevenue: 1000000.01 },
      { lastName: 'N1', annualRevenue: 7 },
      { lastName: 'N2' },
    ];
    const c = await t.admin.post(`${R}/leads`, { data: leads });
    expect(c.status, c.text).toBe(201);
    const r = await t.admin.get(`${R}/leads/board?field=rating`);
    expect(r.status, r.text).toBe(200);
    const b = r.body.data;
    expect(b).toMatchObject({ field: 'rating', sumField: 'annualRevenue' });
    expect(b.pipeline).toBeUndefined();
    expect(b.columns.map((x: any) => [x.value, x.label, x.count, x.sum])).toEqual([
      ['Hot', 'Hot', 2, 0.3],
      ['Warm', 'Warm', 0, 0],
      ['Cold', 'Cold', 1, 1000000.01],
      [null, '', 2, 7],
    ]);
    expect(b.columns[0].weightedSum).toBeUndefined();
    expect(b.columns[3].records.map((x: any) => x.lastName).sort()).toEqual(['N1', 'N2']);
    const empty = await t.admin.get(`${R}/leads/board/column?field=rating&perColumn=1&sort=lastName`);
    expect(empty.body.data.map((x: any) => x.lastName)).toEqual(['N1']);
    expect(empty.body.info.moreRecords).toBe(true);
    const employees = await t.admin.get(`${R}/leads/board?field=rating&sumField=numberOfEmployees`);
    expect(employees.body.data.columns[0]).toMatchObject({ value: 'Hot', sum: 15 });
    // Deals grouped by another picklist, within one pipeline.
    const bySource = await boardOf('field=leadSource&pipeline=Board');
    expect(bySource.columns.at(-1)).toMatchObject({ value: null, count: 14 });
  });

  it('rejects what is not a board with 400 naming the parameter', async () => {
    const bad = async (url: string, field: string) => {
      const r = await t.admin.get(url);
      expect(r.status, `${url} ${r.text}`).toBe(400);
      expect(r.body.error.details.field).toBe(field);
    };
    await bad(`${R}/leads/board`, 'field');
    await bad(`${R}/leads/board?field=lastName`, 'field');
    await bad(`${R}/leads/board?field=nope`, 'field');
    await bad(`${R}/leads/board?field=rating&pipeline=Board`, 'pipeline');
    await bad(`${R}/deals/board?pipeline=Nope`, 'pipeline');
    await bad(`${R}/deals/board?sumField=dealName`, 'sumField');
    await bad(`${R}/deals/board?perColumn=0`, 'perColumn');
    await bad(`${R}/deals/board/column?pipeline=Board&value=Proposal`, 'value');
    await bad(`${R}/deals/board/column?pipeline=Board&value=Offer&cursor=garbage`, 'cursor');
    expect((await t.admin.get(`${R}/nope/board?field=x`)).status).toBe(404);
    const f = await t.admin.get(`${R}/deals/board?filter=${encodeURIComponent('{"field":"nope","op":"eq","value":1}')}`);
    expect(f.status).toBe(400);
    expect(f.body.error.code).toBe('INVALID_FILTER');
  });
});
