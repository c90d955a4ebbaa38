import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestServer, type TestServer } from './harness.js';
import { testDialects } from './pg.js';

const API = '/api/v1';
const dialects = await testDialects();
// biome-ignore lint/suspicious/noExplicitAny: test assertions read the JSON loosely
type Json = any;
const MIN = 60_000;

describe.each(dialects)('tasks: repeat and reminders on %s', (dialect) => {
  let t: TestServer;

  beforeAll(async () => {
    t = await startTestServer(dialect, { RAPPORT_TEST_CLOCK: '1' });
  });
  afterAll(async () => {
    await t?.close();
  });

  const now = async () => (await t.admin.post(`${API}/test-clock/advance`, { minutes: 0 })).body.now as string;
  const advance = (minutes: number, c: Client = t.admin) => c.post(`${API}/test-clock/advance`, { minutes });
  const create = async (module: string, data: Record<string, unknown>) => {
    const r = await t.admin.post(`${API}/records/${module}`, { data: [data] });
    expect(r.status, r.text).toBeLessThan(300);
    expect(r.body.data[0].status, r.text).toBe('success');
    return r.body.data[0].record as Record<string, Json>;
  };
  const patch = (module: string, id: string, data: Record<string, unknown>) => t.admin.patch(`${API}/records/${module}/${id}`, { data });
  const reminders = async (c: Client = t.admin) =>
    ((await c.get(`${API}/notifications`)).body.data as Json[]).filter((n) => n.kind === 'reminder');
  const at = (base: string, deltaMs: number) => new Date(Date.parse(base) + deltaMs).toISOString();

  it('delivers a reminder at its instant, exactly once', async () => {
    const base = await now();
    const task = await create('tasks', { subject: 'Call Ada back', dueAt: at(base, 60 * MIN), reminderAt: at(base, 45 * MIN) });
    const before = (await reminders()).length;
    await advance(44);
    expect((await reminders()).length).toBe(before);
    await advance(2);
    const after = await reminders();
    expect(after.length).toBe(before + 1);
    expect(after[0]).toMatchObject({
      kind: 'reminder',
      title: 'Call Ada back',
      read: false,
      record: { module: 'tasks', id: task.id, name: 'Call Ada back' },
    });
    await advance(60 * 24);
    expect((await reminders()).length).toBe(before + 1);
  });

  it('re-plans a reminder when it changes and cancels it when the task is completed or deleted', async () => {
    const base = await now();
    const moved = await create('tasks', { subject: 'Moved reminder', dueAt: at(base, 120 * MIN), reminderAt: at(base, 10 * MIN) });
    const done = await create('tasks', { subject: 'Completed first', dueAt: at(base, 120 * MIN), reminderAt: at(base, 10 * MIN) });
    const gone = await create('tasks', { subject: 'Deleted first', dueAt: at(base, 120 * MIN), reminderAt: at(base, 10 * MIN) });
    expect((await patch('tasks', moved.id, { reminderAt: at(base, 60 * MIN) })).status).toBe(200);
    expect((await patch('tasks', done.id, { status: 'Completed' })).status).toBe(200);
    expect((await t.admin.delete(`${API}/records/tasks/${gone.id}`)).status).toBe(200);
    const count = async (id: string) => (await reminders()).filter((n) => n.record?.id === id).length;
    await advance(15);
    expect(await count(moved.id)).toBe(0);
    expect(await count(done.id)).toBe(0);
    expect(await count(gone.id)).toBe(0);
    await advance(50);
    expect(await count(moved.id)).toBe(1);
    expect(await count(done.id)).toBe(0);
  });

  it('plans the reminder again when a completed task is reopened', async () => {
    const base = await now();
    const task = await create('tasks', { subject: 'Reopened', dueAt: at(base, 120 * MIN), reminderAt: at(base, 30 * MIN) });
    expect((await patch('tasks', task.id, { status: 'Completed' })).status).toBe(200);
    expect((await patch('tasks', task.id, { status: 'In Progress' })).status).toBe(200);
    await advance(31);
    expect((await reminders()).filter((n) => n.record?.id === task.id)).toHaveLength(1);
  });

  it('reminds of a scheduled call like a task', async () => {
    const base = await now();
    const call = await create('calls', {
      subject: 'Discovery call',
      callType: 'Outbound',
      callStartAt: at(base, 60 * MIN),
      reminderAt: at(base, 30 * MIN),
    });
    await advance(31);
    expect((await reminders()).filter((n) => n.record?.id === call.id)).toHaveLength(1);
  });

  it('logs a call: inbound or outbound, start, duration, result, notes', async () => {
    const base = await now();
    const acct = await create('accounts', { name: 'Call Logging Ltd' });
    const call = await create('calls', {
      subject: 'Support call',
      callType: 'Inbound',
      callStartAt: at(base, -30 * MIN),
      durationMinutes: 12,
      result: 'Solved',
      description: 'Walked through the import',
      relatedTo: { module: 'accounts', id: acct.id },
    });
    expect(call).toMatchObject({
      callType: 'Inbound',
      durationMinutes: 12,
      result: 'Solved',
      relatedTo: { module: 'accounts', id: acct.id },
    });
    const bad = await t.admin.post(`${API}/records/calls`, { data: [{ subject: 'x', callType: 'Sideways' }] });
    expect(bad.body.data[0]).toMatchObject({ status: 'error', details: { field: 'callType' } });
  });

  it('creates the next occurrence of a repeating task once, through the record service', async () => {
    const base = await now();
    const due = at(base, 24 * 60 * MIN);
    const task = await create('tasks', {
      subject: 'Weekly report',
      dueAt: due,
      reminderAt: at(due, -15 * MIN),
      repeat: 'Weekly',
      repeatCount: 3,
    });
    expect((await patch('tasks', task.id, { status: 'Completed' })).status).toBe(200);
    const list = async () =>
      (
        await t.admin.get(
          `${API}/records/tasks?filter=${encodeURIComponent(JSON.stringify({ field: 'subject', op: 'eq', value: 'Weekly report' }))}`,
        )
      ).body.data as Json[];
    let all = await list();
    expect(all).toHaveLength(2);
    const second = all.find((x) => x.id !== task.id);
    expect(second).toMatchObject({
      dueAt: at(due, 7 * 24 * 60 * MIN),
      reminderAt: at(due, 7 * 24 * 60 * MIN - 15 * MIN),
      repeat: 'Weekly',
      repeatCount: 2,
      status: 'Not Started',
    });
    // Reopening and completing again does not make another.
    expect((await patch('tasks', task.id, { status: 'In Progress' })).status).toBe(200);
    expect((await patch('tasks', task.id, { status: 'Completed' })).status).toBe(200);
    expect(await list()).toHaveLength(2);
    // The series ends after its count: 3 occurrences in all.
    expect((await patch('tasks', second.id, { status: 'Completed' })).status).toBe(200);
    all = await list();
    expect(all).toHaveLength(3);
    const third = all.find((x) => x.id !== task.id && x.id !== second.id);
    expect(third.repeatCount).toBe(1);
    expect((await patch('tasks', third.id, { status: 'Completed' })).status).toBe(200);
    expect(await list()).toHaveLength(3);
  });

  it('ends a monthly repeat at its last date, keeping the day within short months', async () => {
    const task = await create('tasks', {
      subject: 'Month end close',
      dueAt: '2030-01-31T09:00:00.000Z',
      repeat: 'Monthly',
      repeatUntil: '2030-03-15',
    });
    expect((await patch('tasks', task.id, { status: 'Completed' })).status).toBe(200);
    const q = encodeURIComponent(JSON.stringify({ field: 'subject', op: 'eq', value: 'Month end close' }));
    const all = (await t.admin.get(`${API}/records/tasks?filter=${q}`)).body.data as Json[];
    const next = all.find((x) => x.id !== task.id);
    expect(next.dueAt).toBe('2030-02-28T09:00:00.000Z');
    expect((await patch('tasks', next.id, { status: 'Completed' })).status).toBe(200);
    expect((await t.admin.get(`${API}/records/tasks?filter=${q}`)).body.data).toHaveLength(2);
  });

  it.each([
    [{ subject: 'x', dueAt: '2030-01-01T09:00:00Z', repeat: 'Fortnightly' }, 'repeat'],
    [{ subject: 'x', dueAt: '2030-01-01T09:00:00Z', repeat: 'Daily', repeatCount: 0 }, 'repeatCount'],
    [{ subject: 'x', dueAt: '2030-01-01T09:00:00Z', repeat: 'Daily', repeatCount: -2 }, 'repeatCount'],
    [{ subject: 'x', dueAt: '2030-01-01T09:00:00Z', repeat: 'Daily', repeatUntil: '2029-12-31' }, 'repeatUntil'],
    [{ subject: 'x', repeat: 'Daily' }, 'dueAt'],
    [{ subject: 'x', dueAt: '2030-01-01T09:00:00Z', repeatCount: 3 }, 'repeatCount'],
    [{ subject: 'x', dueAt: '2030-01-01T09:00:00Z', repeat: 'Daily', repeatCount: 2, repeatUntil: '2030-02-01' }, 'repeatCount'],
    [{ subject: 'x', dueAt: '2030-01-01T09:00:00Z', repeat: 'Daily', repeatCount: 'many' }, 'repeatCount'],
  ])('refuses an impossible repeat rule %j naming %s, creating nothing', async (data, field) => {
    const subject = `bad rule ${field} ${Math.random()}`;
    const r = await t.admin.post(`${API}/records/tasks`, { data: [{ ...data, subject }] });
    expect(r.status).toBeLessThan(500);
    const result = r.body.data?.[0] ?? r.body;
    expect(result.status ?? 'error').toBe('error');
    expect(JSON.stringify(result)).toContain(`"field":"${field}"`);
    const q = encodeURIComponent(JSON.stringify({ field: 'subject', op: 'eq', value: subject }));
    expect((await t.admin.get(`${API}/records/tasks?filter=${q}`)).body.data).toHaveLength(0);
  });

  it('refuses an update that makes the rule impossible (400 naming the field), changing nothing', async () => {
    const task = await create('tasks', {
      subject: 'Until guard',
      dueAt: '2030-01-01T09:00:00Z',
      repeat: 'Daily',
      repeatUntil: '2030-01-10',
    });
    const r = await patch('tasks', task.id, { dueAt: '2030-02-01T09:00:00Z' });
    expect(r.status).toBe(400);
    expect(r.body.error.details.field).toBe('repeatUntil');
    const r2 = await patch('tasks', task.id, { repeatCount: 0, repeatUntil: null });
    expect(r2.status).toBe(400);
    expect(r2.body.error.details.field).toBe('repeatCount');
    const again = await t.admin.get(`${API}/records/tasks/${task.id}`);
    expect(again.body.data).toMatchObject({ dueAt: '2030-01-01T09:00:00.000Z', repeatUntil: '2030-01-10', version: 1 });
  });
});

describe.each(dialects.filter((d) => d === 'postgres'))('reminders with two server processes on one %s database', (dialect) => {
  let a: TestServer;
  let b: TestServer;

  beforeAll(async () => {
    a = await startTestServer(dialect, { RAPPORT_TEST_CLOCK: '1' });
    b = await startTestServer(dialect, { RAPPORT_TEST_CLOCK: '1', DATABASE_URL: a.databaseUrl as string });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('fires each reminder once although both workers run what is due', async () => {
    const base = (await a.admin.post(`${API}/test-clock/advance`, { minutes: 0 })).body.now as string;
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) {
      const r = await a.admin.post(`${API}/records/tasks`, {
        data: [
          {
            subject: `Shared ${i}`,
            dueAt: new Date(Date.parse(base) + 30 * MIN).toISOString(),
            reminderAt: new Date(Date.parse(base) + 5 * MIN).toISOString(),
          },
        ],
      });
      ids.push(r.body.data[0].id);
    }
    // Both processes' clocks move; both workers race for the same due jobs.
    await Promise.all([
      a.admin.post(`${API}/test-clock/advance`, { minutes: 10 }),
      b.admin.post(`${API}/test-clock/advance`, { minutes: 10 }),
    ]);
    await Promise.all([
      a.admin.post(`${API}/test-clock/advance`, { minutes: 1 }),
      b.admin.post(`${API}/test-clock/advance`, { minutes: 1 }),
    ]);
    const seen = ((await b.admin.get(`${API}/notifications`)).body.data as Json[]).filter((n) => n.kind === 'reminder');
    for (const id of ids) expect(seen.filter((n) => n.record?.id === id)).toHaveLength(1);
  });
});
