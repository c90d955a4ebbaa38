import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestServer, type TestServer } from './harness.js';
import { testDialects } from './pg.js';

const dialects = await testDialects();
const R = '/api/v1/records';
const P = '/api/v1/pipelines';

describe.each(dialects)('pipelines on %s', (dialect) => {
  let t: TestServer;
  let std: Client;
  beforeAll(async () => {
    t = await startTestServer(dialect);
    const u = await t.admin.post('/api/v1/users', {
      email: 'rep@example.com',
      name: 'Rep',
      password: 'a long enough password',
      profile: 'Standard',
    });
    expect(u.status, u.text).toBe(201);
    std = t.client();
    await std.login('rep@example.com', 'a long enough password');
  });
  afterAll(async () => {
    await t?.close();
  });

  const deal = async (values: Record<string, unknown>) => {
    const r = await t.admin.post(`${R}/deals`, { data: [{ dealName: 'Deal', closingDate: '2026-06-30', ...values }] });
    expect(r.status, r.text).toBe(201);
    return r.body.data[0].record;
  };
  const getDeal = async (id: string) => (await t.admin.get(`${R}/deals/${id}`)).body.data;
  const pipeline = async (name: string) => {
    const r = await t.admin.get(P);
    return r.body.data.find((p: any) => p.name === name);
  };
  const stage = (p: any, name: string) => p.stages.find((s: any) => s.name === name);
  const newPipeline = async (name: string, stages: Record<string, unknown>[]) => {
    const r = await t.admin.post(P, { name, stages });
    expect(r.status, r.text).toBe(201);
    return r.body.data;
  };

  it('a new install has the Sales pipeline with its stages in order, the closed ones fixed', async () => {
    const r = await std.get(P);
    expect(r.status).toBe(200);
    expect(r.body.data).toHaveLength(1);
    const sales = r.body.data[0];
    expect(sales).toMatchObject({ name: 'Sales', default: true });
    expect(sales.stages.map((s: any) => [s.name, s.probability, s.kind, s.order, s.fixed])).toEqual([
      ['Qualification', 10, 'open', 1, false],
      ['Needs Analysis', 20, 'open', 2, false],
      ['Proposal', 50, 'open', 3, false],
      ['Negotiation', 75, 'open', 4, false],
      ['Won', 100, 'won', 5, true],
      ['Lost', 0, 'lost', 6, true],
      ['Unqualified', 0, 'unqualified', 7, true],
    ]);
    expect((await std.get(`${P}/${sales.id}`)).body.data).toEqual(sales);
  });

  it('creates a pipeline with default probabilities and the closed stages; names are unique; admins only', async () => {
    const p = await newPipeline('Partners', [{ name: 'Intro', probability: 15 }, { name: 'Pilot' }]);
    expect(p.stages.map((s: any) => [s.name, s.probability, s.kind, s.order])).toEqual([
      ['Intro', 15, 'open', 1],
      ['Pilot', 67, 'open', 2],
      ['Won', 100, 'won', 3],
      ['Lost', 0, 'lost', 4],
      ['Unqualified', 0, 'unqualified', 5],
    ]);
    expect(p.default).toBe(false);
    const dup = await t.admin.post(P, { name: 'partners', stages: [{ name: 'A' }] });
    expect(dup.status).toBe(409);
    expect(dup.body.error).toMatchObject({ code: 'DUPLICATE_DATA', details: { field: 'name' } });
    const dupStage = await t.admin.post(P, { name: 'Dupes', stages: [{ name: 'A' }, { name: 'a' }] });
    expect(dupStage.status).toBe(409);
    const closedName = await t.admin.post(P, { name: 'Closers', stages: [{ name: 'Won' }] });
    expect(closedName.status).toBe(409);
    expect((await t.admin.post(P, { name: 'Empty', stages: [] })).status).toBe(400);
    expect((await t.admin.post(P, { name: 'Odd', stages: [{ name: 'A', probability: 101 }] })).status).toBe(400);
    expect((await t.admin.post(P, { name: '  ', stages: [{ name: 'A' }] })).status).toBe(400);
    const forbidden = await std.post(P, { name: 'Mine', stages: [{ name: 'A' }] });
    expect(forbidden.status).toBe(403);
    expect((await t.admin.get(P)).body.data.map((x: any) => x.name)).toEqual(['Sales', 'Partners']);
    // Metadata follows at once: the deal stage and pipeline fields offer the new names.
    const fields = (await t.admin.get('/api/v1/modules/deals/fields')).body.data;
    expect(fields.find((f: any) => f.apiName === 'pipeline').options.map((o: any) => o.value)).toEqual(['Sales', 'Partners']);
    expect(fields.find((f: any) => f.apiName === 'stage').options.map((o: any) => o.value)).toEqual(
      expect.arrayContaining(['Intro', 'Pilot']),
    );
  });

  it("a deal's stage must belong to its pipeline; moving a deal to another pipeline needs a stage of it", async () => {
    const d = await deal({ stage: 'Proposal', amount: 1000 });
    expect(d.pipeline).toBe('Sales');
    const wrong = await t.admin.post(`${R}/deals`, {
      data: [{ dealName: 'X', closingDate: '2026-06-30', pipeline: 'Partners', stage: 'Proposal' }],
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.data[0]).toMatchObject({ code: 'INVALID_DATA', details: { field: 'stage' } });
    const moveAlone = await t.admin.patch(`${R}/deals/${d.id}`, { data: { pipeline: 'Partners' } });
    expect(moveAlone.status).toBe(400);
    expect(moveAlone.body.error).toMatchObject({ code: 'INVALID_DATA', details: { field: 'stage' } });
    const moved = await t.admin.patch(`${R}/deals/${d.id}`, { data: { pipeline: 'Partners', stage: 'Intro' } });
    expect(moved.status, moved.text).toBe(200);
    expect(moved.body.data).toMatchObject({ pipeline: 'Partners', stage: 'Intro', probability: 15, expectedRevenue: 150 });
    const h = await t.admin.get(`${R}/deals/${d.id}/stage-history`);
    expect(h.body.data.map((e: any) => [e.from, e.to, e.pipeline])).toEqual([
      [null, 'Proposal', 'Sales'],
      ['Proposal', 'Intro', 'Partners'],
    ]);
    const unknown = await t.admin.patch(`${R}/deals/${d.id}`, { data: { pipeline: 'Nope', stage: 'Intro' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details.field).toBe('pipeline');
  });

  it('renaming a stage or a pipeline updates the deals that hold the old name', async () => {
    const p = await newPipeline('Renames', [{ name: 'First' }, { name: 'Second' }]);
    const a = await deal({ pipeline: 'Renames', stage: 'First' });
    const b = await deal({ pipeline: 'Renames', stage: 'Won' });
    // A deal of another pipeline in a stage of the same name is not touched.
    const other = await newPipeline('Other Renames', [{ name: 'First' }]);
    const c = await deal({ pipeline: 'Other Renames', stage: 'First' });

    const r = await t.admin.patch(`${P}/${p.id}/stages/${stage(p, 'First').id}`, { name: 'Discovery' });
    expect(r.status, r.text).toBe(200);
    expect(r.body.data.stages.map((s: any) => s.name)).toEqual(['Discovery', 'Second', 'Won', 'Lost', 'Unqualified']);
    expect((await getDeal(a.id)).stage).toBe('Discovery');
    expect((await getDeal(c.id)).stage).toBe('First');
    const won = await t.admin.patch(`${P}/${p.id}/stages/${stage(p, 'Won').id}`, { name: 'Closed Won' });
    expect(won.status, won.text).toBe(200);
    expect(stage(won.body.data, 'Closed Won')).toMatchObject({ kind: 'won', fixed: true, probability: 100 });
    expect((await getDeal(b.id)).stage).toBe('Closed Won');
    expect((await t.admin.get(`${R}/deals/${a.id}/stage-history`)).body.data[0].to).toBe('Discovery');

    const rp = await t.admin.patch(`${P}/${p.id}`, { name: 'Renamed Pipeline' });
    expect(rp.status, rp.text).toBe(200);
    expect((await getDeal(a.id)).pipeline).toBe('Renamed Pipeline');
    expect((await getDeal(b.id)).pipeline).toBe('Renamed Pipeline');
    expect((await getDeal(c.id)).pipeline).toBe('Other Renames');
    // A renamed deal still validates: its stage is a stage of its pipeline.
    const edit = await t.admin.patch(`${R}/deals/${a.id}`, { data: { stage: 'Second' } });
    expect(edit.status, edit.text).toBe(200);
    const clash = await t.admin.patch(`${P}/${p.id}/stages/${stage(p, 'Second').id}`, { name: 'discovery' });
    expect(clash.status).toBe(409);
    expect((await t.admin.patch(`${P}/${other.id}`, { name: 'renamed pipeline' })).status).toBe(409);
    expect((await std.patch(`${P}/${p.id}`, { name: 'By a rep' })).status).toBe(403);
  });

  it('adds, reorders and sets probabilities of open stages; closed stages keep theirs', async () => {
    const p = await newPipeline('Ordering', [
      { name: 'A', probability: 20 },
      { name: 'C', probability: 60 },
    ]);
    const add = await t.admin.post(`${P}/${p.id}/stages`, { name: 'B', order: 2 });
    expect(add.status, add.text).toBe(201);
    expect(add.body.data.stages.map((s: any) => [s.name, s.probability, s.order])).toEqual([
      ['A', 20, 1],
      ['B', 40, 2],
      ['C', 60, 3],
      ['Won', 100, 4],
      ['Lost', 0, 5],
      ['Unqualified', 0, 6],
    ]);
    const lost = await t.admin.post(`${P}/${p.id}/stages`, { name: 'Lost to Competitor', kind: 'lost' });
    expect(lost.status, lost.text).toBe(201);
    expect(stage(lost.body.data, 'Lost to Competitor')).toMatchObject({ kind: 'lost', probability: 0, fixed: false, order: 7 });
    const c = stage(add.body.data, 'C');
    const moved = await t.admin.patch(`${P}/${p.id}/stages/${c.id}`, { order: 1, probability: 5 });
    expect(moved.status, moved.text).toBe(200);
    expect(moved.body.data.stages.map((s: any) => s.name).slice(0, 3)).toEqual(['C', 'A', 'B']);
    expect(stage(moved.body.data, 'C').probability).toBe(5);
    // Open stages stay before closed ones.
    expect((await t.admin.patch(`${P}/${p.id}/stages/${c.id}`, { order: 4 })).status).toBe(400);
    expect((await t.admin.post(`${P}/${p.id}/stages`, { name: 'D', order: 9 })).status).toBe(400);
    const won = stage(p, 'Won');
    const wonProbability = await t.admin.patch(`${P}/${p.id}/stages/${won.id}`, { probability: 90 });
    expect(wonProbability.status).toBe(400);
    expect(wonProbability.body.error.details.field).toBe('probability');
    expect((await t.admin.post(`${P}/${p.id}/stages`, { name: 'X', kind: 'won' })).status).toBe(400);
    expect((await t.admin.post(`${P}/${p.id}/stages`, { name: 'won' })).status).toBe(409);
    expect((await std.post(`${P}/${p.id}/stages`, { name: 'Rep stage' })).status).toBe(403);
    expect((await t.admin.post(`${P}/nosuchpipeline/stages`, { name: 'Z' })).status).toBe(404);
    expect((await t.admin.patch(`${P}/${p.id}/stages/nosuchstage`, { name: 'Z' })).status).toBe(404);
    // A deal created in a stage takes the stage's probability as it is now.
    expect((await deal({ pipeline: 'Ordering', stage: 'C' })).probability).toBe(5);
  });

  it('deleting a stage moves its deals to moveTo (required when it has deals); Won, Lost, Unqualified cannot be deleted', async () => {
    const p = await newPipeline('Removals', [
      { name: 'Early', probability: 10 },
      { name: 'Middle', probability: 40 },
      { name: 'Late', probability: 80 },
    ]);
    const d1 = await deal({ pipeline: 'Removals', stage: 'Middle', amount: 500 });
    const d2 = await deal({ pipeline: 'Removals', stage: 'Middle', amount: 700, probability: 33 });
    const middle = stage(p, 'Middle');
    const late = stage(p, 'Late');

    const noMove = await t.admin.delete(`${P}/${p.id}/stages/${middle.id}`);
    expect(noMove.status).toBe(400);
    expect(noMove.body.error).toMatchObject({ code: 'REQUIRED_FIELD_MISSING', details: { field: 'moveTo', deals: 2 } });
    const selfMove = await t.admin.delete(`${P}/${p.id}/stages/${middle.id}?moveTo=${middle.id}`);
    expect(selfMove.status).toBe(400);
    const sales = await pipeline('Sales');
    const otherPipeline = await t.admin.delete(`${P}/${p.id}/stages/${middle.id}?moveTo=${stage(sales, 'Proposal').id}`);
    expect(otherPipeline.status).toBe(400);
    expect(otherPipeline.body.error.details.field).toBe('moveTo');
    expect((await getDeal(d1.id)).stage).toBe('Middle');

    const r = await t.admin.delete(`${P}/${p.id}/stages/${middle.id}?moveTo=${late.id}`);
    expect(r.status, r.text).toBe(200);
    expect(r.body.data.stages.map((s: any) => [s.name, s.order])).toEqual([
      ['Early', 1],
      ['Late', 2],
      ['Won', 3],
      ['Lost', 4],
      ['Unqualified', 5],
    ]);
    for (const d of [d1, d2]) {
      const now = await getDeal(d.id);
      expect(now).toMatchObject({ stage: 'Late', probability: 80, version: 2 });
      const h = await t.admin.get(`${R}/deals/${d.id}/stage-history`);
      expect(h.body.data.map((e: any) => [e.from, e.to])).toEqual([
        [null, 'Middle'],
        ['Middle', 'Late'],
      ]);
    }
    expect((await getDeal(d1.id)).expectedRevenue).toBe(400);

    // Moving into Lost needs each deal's loss reason: the whole deletion is refused, nothing moved.
    const early = stage(p, 'Early');
    const d3 = await deal({ pipeline: 'Removals', stage: 'Early' });
    const toLost = await t.admin.delete(`${P}/${p.id}/stages/${early.id}?moveTo=${stage(p, 'Lost').id}`);
    expect(toLost.status).toBe(400);
    expect(toLost.body.error).toMatchObject({ code: 'REQUIRED_FIELD_MISSING', details: { field: 'lossReason', dealId: d3.id } });
    expect((await getDeal(d3.id)).stage).toBe('Early');
    expect(stage(await pipeline('Removals'), 'Early')).toBeTruthy();

    for (const name of ['Won', 'Lost', 'Unqualified']) {
      const fixed = await t.admin.delete(`${P}/${p.id}/stages/${stage(p, name).id}`);
      expect(fixed.status, name).toBe(400);
      expect(fixed.body.error.code).toBe('INVALID_DATA');
    }
    // A further closed stage can go again; the last open stage cannot.
    const extra = await t.admin.post(`${P}/${p.id}/stages`, { name: 'Ghosted', kind: 'lost' });
    expect((await t.admin.delete(`${P}/${p.id}/stages/${stage(extra.body.data, 'Ghosted').id}`)).status).toBe(200);
    const single = await newPipeline('Single', [{ name: 'Only' }]);
    expect((await t.admin.delete(`${P}/${single.id}/stages/${stage(single, 'Only').id}`)).status).toBe(400);
    expect((await std.delete(`${P}/${p.id}/stages/${early.id}`)).status).toBe(403);
  });

  it('the default pipeline can change; a pipeline is deleted with its deals moved, never the default', async () => {
    const p = await newPipeline('Doomed', [{ name: 'Start' }]);
    const d = await deal({ pipeline: 'Doomed', stage: 'Start', amount: 100 });
    const sales = await pipeline('Sales');
    expect((await t.admin.delete(`${P}/${sales.id}`)).status).toBe(400);
    expect((await t.admin.patch(`${P}/${sales.id}`, { default: false })).status).toBe(400);
    const noMove = await t.admin.delete(`${P}/${p.id}`);
    expect(noMove.status).toBe(400);
    expect(noMove.body.error).toMatchObject({ code: 'REQUIRED_FIELD_MISSING', details: { field: 'moveTo', deals: 1 } });
    const sameStage = await t.admin.delete(`${P}/${p.id}?moveTo=${stage(p, 'Won').id}`);
    expect(sameStage.status).toBe(400);
    const del = await t.admin.delete(`${P}/${p.id}?moveTo=${stage(sales, 'Negotiation').id}`);
    expect(del.status, del.text).toBe(200);
    expect(del.body.data).toEqual({ id: p.id, deleted: true });
    expect(await getDeal(d.id)).toMatchObject({ pipeline: 'Sales', stage: 'Negotiation', probability: 75 });
    expect((await t.admin.get(`${P}/${p.id}`)).status).toBe(404);

    const next = await newPipeline('Next Default', [{ name: 'Go' }]);
    const def = await t.admin.patch(`${P}/${next.id}`, { default: true });
    expect(def.status, def.text).toBe(200);
    expect(def.body.data.default).toBe(true);
    expect((await pipeline('Sales')).default).toBe(false);
    // New deals without a pipeline now go to the new default.
    expect((await deal({ stage: 'Go' })).pipeline).toBe('Next Default');
    expect((await t.admin.delete(`${P}/${sales.id}?moveTo=${stage(next, 'Go').id}`)).status).toBe(200);
    expect((await t.admin.get(P)).body.data.some((x: any) => x.name === 'Sales')).toBe(false);
  });
});
