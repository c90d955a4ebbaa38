import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestServer, type TestServer } from './harness.js';
import { testDialects } from './pg.js';

const dialects = await testDialects();
const API = '/api/v1';
const R = `${API}/records`;
const ZONE = 'Asia/Tokyo';
const localDate = (ms: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);
/** Tokyo has no daylight saving: local midnight is 15:00 UTC of the day before. */
const nextLocalMidnight = (ms: number) => {
  const [y, m, d] = localDate(ms).split('-').map(Number);
  return Date.UTC(y, m - 1, d + 1) - 9 * 3600_000;
};

describe.each(dialects)('home dashboard on %s', (dialect) => {
  let t: TestServer;
  let std: Client;
  let stdId: string;
  let adminId: string;

  const now = async () => Date.parse((await t.admin.post(`${API}/test-clock/advance`, { minutes: 0 })).body.now);
  const advance = async (minutes: number) => {
    const r = await t.admin.post(`${API}/test-clock/advance`, { minutes });
    expect(r.status, r.text).toBe(200);
    return Date.parse(r.body.now);
  };
  const createAll = async (module: string, data: Record<string, unknown>[], client: Client = t.admin) => {
    const r = await client.post(`${R}/${module}`, { data });
    expect(r.status, r.text).toBe(201);
    return r.body.data.map((d: { id: string }) => d.id) as string[];
  };
  const home = async (query = '', client: Client = t.admin) => {
    const r = await client.get(`${API}/home${query}`);
    expect(r.status, r.text).toBe(200);
    return r.body.data;
  };
  /** Sessions expire when the test clock moves weeks ahead: sign in afresh where needed. */
  const signInStd = async () => {
    std = t.client();
    await std.login('rep@example.com', 'a long enough password');
  };
  const feed = async (query = '', client: Client = t.admin) => {
    const r = await client.get(`${API}/home/feed${query}`);
    expect(r.status, r.text).toBe(200);
    return r.body as { data: any[]; info: { moreRecords: boolean; nextCursor?: string } };
  };

  beforeAll(async () => {
    t = await startTestServer(dialect, { RAPPORT_TEST_CLOCK: '1' });
    const s = await t.admin.patch(`${API}/settings/organization`, { timeZone: ZONE });
    expect(s.status, s.text).toBe(200);
    const u = await t.admin.post(`${API}/users`, {
      email: 'rep@example.com',
      name: 'Rep',
      password: 'a long enough password',
      profile: 'Standard',
    });
    expect(u.status, u.text).toBe(201);
    stdId = u.body.data?.id ?? u.body.user?.id ?? u.body.id;
    std = t.client();
    adminId = (await std.login('rep@example.com', 'a long enough password')) && (await t.admin.get(`${API}/me`)).body.user.id;
    expect(typeof stdId).toBe('string');
  });
  afterAll(async () => {
    await t?.close();
  });

  it("sums a pipeline's deals per stage, exactly, for the chosen pipeline", async () => {
    const p = await t.admin.post(`${API}/pipelines`, { name: 'Home', stages: [{ name: 'Talk' }, { name: 'Offer' }] });
    expect(p.status, p.text).toBe(201);
    const closingDate = '2030-01-31';
    await createAll('deals', [
      { dealName: 'A', pipeline: 'Home', stage: 'Talk', amount: 0.1, closingDate },
      { dealName: 'B', pipeline: 'Home', stage: 'Talk', amount: 0.2, closingDate },
      { dealName: 'C', pipeline: 'Home', stage: 'Offer', amount: 1234567890123.45, closingDate },
      { dealName: 'D', pipeline: 'Home', stage: 'Offer', closingDate },
    ]);
    const byId = await home(`?pipeline=${p.body.data.id}`);
    const byName = await home('?pipeline=Home');
    expect(byName.pipeline).toEqual(byId.pipeline);
    expect(byId.pipeline.name).toBe('Home');
    expect(byId.pipeline.stages.map((s: any) => [s.name, s.kind, s.count, s.amount])).toEqual([
      ['Talk', 'open', 2, 0.3],
      ['Offer', 'open', 2, 1234567890123.45],
      ['Won', 'won', 0, 0],
      ['Lost', 'lost', 0, 0],
      ['Unqualified', 'unqualified', 0, 0],
    ]);
    expect(byId.pipeline.open).toEqual({ count: 4, amount: 1234567890123.75 });
    // Without a choice: the default pipeline, which holds none of these.
    const dflt = await home();
    expect(dflt.pipeline.name).toBe('Sales');
    expect(dflt.pipeline.stages.every((s: any) => s.count === 0)).toBe(true);
  });

  it('counts deals won, lost and unqualified in the last 30 days of the organisation', async () => {
    const closingDate = '2030-01-31';
    await createAll('deals', [
      { dealName: 'Won 1', stage: 'Won', amount: 100.5, closingDate },
      { dealName: 'Won 2', stage: 'Won', amount: 200, closingDate },
      { dealName: 'Lost 1', stage: 'Lost', amount: 50, lossReason: 'Price', closingDate },
      { dealName: 'Unq 1', stage: 'Unqualified', lossReason: 'No Budget', closingDate },
      { dealName: 'Open', stage: 'Qualification', amount: 999, closingDate },
    ]);
    const h = await home();
    expect(h.closed).toMatchObject({
      won: { count: 2, amount: 300.5 },
      lost: { count: 1, amount: 50 },
      unqualified: { count: 1, amount: 0 },
    });
    expect(h.today).toBe(localDate(await now()));
    expect(h.timeZone).toBe(ZONE);
    // 29 days on they still count (today is one of the 30 days); 30 days on they do not.
    await advance(29 * 1440);
    expect((await home()).closed.won.count).toBe(2);
    await advance(1440);
    expect((await home()).closed).toMatchObject({ won: { count: 0, amount: 0 }, lost: { count: 0 }, unqualified: { count: 0 } });
  });

  it('lists my open tasks, soonest first, with the overdue ones marked and counted', async () => {
    const t0 = await now();
    const iso = (ms: number) => new Date(ms).toISOString();
    const [late, soon, undated, ,] = await createAll('tasks', [
      { subject: 'Late', dueAt: iso(t0 - 86400_000) },
      { subject: 'Soon', dueAt: iso(t0 + 86400_000) },
      { subject: 'Whenever' },
      { subject: 'Done already', dueAt: iso(t0 - 2 * 86400_000), status: 'Completed' },
      { subject: 'Not mine', dueAt: iso(t0 - 86400_000), owner: stdId },
    ]);
    await signInStd();
    const h = await home();
    expect(h.tasks.items.map((x: any) => [x.id, x.overdue])).toEqual([
      [late, true],
      [soon, false],
      [undated, false],
    ]);
    expect(h.tasks).toMatchObject({ open: 3, overdue: 1 });
    const theirs = await home('', std);
    expect(theirs.tasks.items.map((x: any) => [x.subject, x.overdue])).toEqual([['Not mine', true]]);
    // Moving time makes "Soon" overdue too.
    await advance(2 * 1440);
    expect((await home()).tasks).toMatchObject({ open: 3, overdue: 2 });
    // Completing a task takes it off the list.
    expect((await t.admin.patch(`${R}/tasks/${late}`, { data: { status: 'Completed' } })).status).toBe(200);
    expect((await home()).tasks.items.map((x: any) => x.id)).toEqual([soon, undated]);
  });

  it("shows today's and the coming week's meetings, with today's in the organisation's time zone", async () => {
    // Five minutes before local midnight in Tokyo.
    const start = await now();
    const target = nextLocalMidnight(start) - 5 * 60_000;
    let t0 = await advance(Math.max(0, Math.floor((target - start) / 60_000)));
    if (nextLocalMidnight(t0) - t0 < 3 * 60_000) t0 = await advance(60 * 24); // never straddle the boundary while creating
    const midnight = nextLocalMidnight(t0);
    const iso = (ms: number) => new Date(ms).toISOString();
    await signInStd();
    const [tonight, tomorrow, invited, later] = await createAll('events', [
      { title: 'Tonight', startAt: iso(midnight - 3 * 60_000), endAt: iso(midnight - 60_000) },
      { title: 'Tomorrow', startAt: iso(midnight + 3600_000), endAt: iso(midnight + 7200_000) },
      {
        title: 'Invited',
        startAt: iso(midnight + 2 * 3600_000),
        endAt: iso(midnight + 3 * 3600_000),
        owner: stdId,
        participants: [{ type: 'user', id: adminId }],
      },
      { title: 'In ten days', startAt: iso(midnight + 10 * 86400_000), endAt: iso(midnight + 10 * 86400_000 + 3600_000) },
    ]);
    await createAll('events', [
      { title: 'Someone else', startAt: iso(midnight + 3600_000), endAt: iso(midnight + 7200_000), owner: stdId },
    ]);
    const before = await home();
    expect(before.today).toBe(localDate(t0));
    expect(before.meetings.items.map((m: any) => [m.id, m.today])).toEqual([
      [tonight, true],
      [tomorrow, false],
      [invited, false],
    ]);
    expect(before.meetings.items.map((m: any) => m.id)).not.toContain(later);
    // Past local midnight: tonight's meeting is over, tomorrow's is today's.
    const t1 = await advance(Math.ceil((midnight - t0) / 60_000) + 1);
    const after = await home();
    expect(after.today).toBe(localDate(t1));
    expect(after.today).not.toBe(before.today);
    expect(after.meetings.items.map((m: any) => [m.id, m.today])).toEqual([
      [tomorrow, true],
      [invited, true],
    ]);
    // The Standard user organises "Invited" and "Someone else".
    expect((await home('', std)).meetings.items.map((m: any) => m.title)).toEqual(['Someone else', 'Invited']);
  });

  it('feeds new records, notes, completed tasks and status and stage changes, newest first', async () => {
    await signInStd();
    await advance(1);
    const [lead] = await createAll('leads', [{ lastName: 'Feedling' }]);
    await advance(1);
    expect((await t.admin.patch(`${R}/leads/${lead}`, { data: { leadStatus: 'Contacted' } })).status).toBe(200);
    await advance(1);
    expect((await t.admin.patch(`${R}/leads/${lead}`, { data: { phone: '+1 555 0100' } })).status).toBe(200); // not in the feed
    await advance(1);
    const [note] = await createAll('notes', [{ content: 'Met at the fair', relatedTo: { module: 'leads', id: lead } }], std);
    await advance(1);
    const [task] = await createAll('tasks', [{ subject: 'Call back', relatedTo: { module: 'leads', id: lead } }]);
    await advance(1);
    expect((await t.admin.patch(`${R}/tasks/${task}`, { data: { status: 'Completed' } })).status).toBe(200);
    await advance(1);
    const [deal] = await createAll('deals', [{ dealName: 'Feed deal', stage: 'Qualification', closingDate: '2030-01-31' }]);
    await advance(1);
    expect((await t.admin.patch(`${R}/deals/${deal}`, { data: { stage: 'Needs Analysis' } })).status).toBe(200);

    const f = await feed('?perPage=7');
    expect(f.data.map((i) => [i.type, i.record.id])).toEqual([
      ['stageChanged', deal],
      ['created', deal],
      ['taskCompleted', task],
      ['created', task],
      ['note', note],
      ['statusChanged', lead],
      ['created', lead],
    ]);
    const [stage, , completed, , noteItem, status] = f.data;
    expect(stage.change).toEqual({ field: 'stage', old: 'Qualification', new: 'Needs Analysis' });
    expect(stage.record.name).toBe('Feed deal');
    expect(status.change).toMatchObject({ field: 'leadStatus', new: 'Contacted' });
    expect(completed.relatedTo).toEqual({ module: 'leads', id: lead, name: 'Feedling' });
    expect(noteItem).toMatchObject({
      content: 'Met at the fair',
      user: { id: stdId, name: 'Rep' },
      relatedTo: { id: lead, name: 'Feedling' },
    });
    // Everyone sees everyone's activity (no record is private yet); "mine" is what I did.
    expect((await feed('?perPage=7', std)).data.map((i) => i.id)).toEqual(f.data.map((i) => i.id));
    const mine = await feed('?scope=mine', std);
    expect(mine.data.every((i) => i.user.id === stdId)).toBe(true);
    expect(mine.data.map((i) => i.record.id)).toContain(note);
    // A deleted record leaves the feed.
    expect((await t.admin.delete(`${R}/notes/${note}`)).status).toBe(200);
    expect((await feed('?perPage=7')).data.map((i) => i.record.id)).not.toContain(note);
  });

  it('pages the feed with a cursor, without gaps or repeats', async () => {
    const all = (await feed('?perPage=100')).data.map((i) => i.id);
    expect(all.length).toBeGreaterThan(10);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await feed(`?perPage=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      seen.push(...page.data.map((i) => i.id));
      cursor = page.info.nextCursor;
      expect(page.info.moreRecords).toBe(cursor !== undefined);
    } while (cursor);
    expect(seen).toEqual(all);
  });

  it('refuses bad input with 4xx and the error body', async () => {
    const cases: [string, number, string, string?][] = [
      [`${API}/home?pipeline=Nope`, 400, 'INVALID_REQUEST', 'pipeline'],
      [`${API}/home?pipeline=${'x'.repeat(101)}`, 400, 'INVALID_REQUEST'],
      [`${API}/home?other=1`, 400, 'INVALID_REQUEST'],
      [`${API}/home/feed?perPage=0`, 400, 'INVALID_REQUEST', 'perPage'],
      [`${API}/home/feed?perPage=101`, 400, 'INVALID_REQUEST', 'perPage'],
      [`${API}/home/feed?scope=everyone`, 400, 'INVALID_REQUEST', 'scope'],
      [`${API}/home/feed?cursor=garbage`, 400, 'INVALID_REQUEST', 'cursor'],
      [`${API}/home/feed?cursor=${Buffer.from('[1,0,"abc"]').toString('base64url')}`, 400, 'INVALID_REQUEST', 'cursor'],
      [`${API}/home/feed?cursor=${Buffer.from('[1,1,2]').toString('base64url')}`, 400, 'INVALID_REQUEST', 'cursor'],
    ];
    for (const [url, status, code, field] of cases) {
      const r = await t.admin.get(url);
      expect(r.status, `${url}: ${r.text}`).toBe(status);
      expect(r.body.error.code, url).toBe(code);
      if (field) expect(r.body.error.details.field, url).toBe(field);
    }
    for (const url of [`${API}/home`, `${API}/home/feed`]) expect((await t.client().get(url)).status).toBe(401);
  });
});
