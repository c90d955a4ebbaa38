import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, startTestServer, type TestServer } from './harness.js';
import { testDialects } from './pg.js';

const API = '/api/v1';
const DAY = 24 * 60;
const dialects = await testDialects();

/** The local calendar date n days after an instant, in a zone. */
const dayAfter = (iso: string, n: number, zone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(Date.parse(iso) + n * 86_400_000),
  );

describe.each(dialects)('date-triggered workflow rules on %s', (dialect) => {
  let t: TestServer;
  let now: string;
  const zone = 'Europe/Berlin';
  beforeAll(async () => {
    t = await startTestServer(dialect, { RAPPORT_TEST_CLOCK: '1' });
    expect((await t.admin.patch(`${API}/settings/organization`, { timeZone: zone })).status).toBe(200);
    now = await advance(0);
  });
  afterAll(async () => t?.close());

  async function advance(minutes: number): Promise<string> {
    const r = await t.admin.post(`${API}/test-clock/advance`, { minutes });
    expect(r.status).toBe(200);
    if (minutes > 10 * DAY) await t.admin.login(ADMIN.email, ADMIN.password);
    return r.body.now as string;
  }
  const tasksOf = async (module: string, id: string) =>
    (await t.admin.get(`${API}/records/${module}/${id}/related/tasks`)).body.data as any[];
  const deal = async (name: string, closingDate: string) => {
    const r = await t.admin.post(`${API}/records/deals`, { data: [{ dealName: name, stage: 'Qualification', closingDate }] });
    expect(r.status).toBe(201);
    return r.body.data[0].id as string;
  };

  it('fires once at the date − offset at the time of day, re-planned when the date changes, for records older than the rule', async () => {
    const a = t.admin;
    const before = await deal('Older than the rule', dayAfter(now, 10, zone));
    const rule = await a.post(`${API}/automation/workflow-rules`, {
      name: 'Closing soon',
      module: 'deals',
      trigger: { on: 'date', date: { field: 'closingDate', offsetDays: -3, time: '09:00' } },
      conditions: [{ criteria: null, instant: [{ type: 'createTask', subject: 'Closing soon: {{dealName}}' }] }],
    });
    expect(rule.status).toBe(201);
    const moved = await deal('Moved', dayAfter(now, 10, zone));
    const fixed = await deal('Fixed', dayAfter(now, 10, zone));
    await advance(1);
    expect((await a.patch(`${API}/records/deals/${moved}`, { data: { closingDate: dayAfter(now, 20, zone) } })).status).toBe(200);
    // Day 6: nothing is due yet (due on day 7 at 09:00 Berlin time).
    await advance(6 * DAY);
    expect(await tasksOf('deals', fixed)).toHaveLength(0);
    await advance(2 * DAY);
    for (const id of [before, fixed]) {
      const tasks = await tasksOf('deals', id);
      expect(tasks).toHaveLength(1);
      expect(tasks[0].subject).toMatch(/^Closing soon: /);
    }
    expect(await tasksOf('deals', moved)).toHaveLength(0);
    await advance(10 * DAY);
    expect(await tasksOf('deals', moved)).toHaveLength(1);
    expect(await tasksOf('deals', fixed)).toHaveLength(1);
    const runs = (await a.get(`${API}/automation/workflow-rules/${rule.body.data.id}/runs`)).body.data;
    expect(runs).toHaveLength(3);
    expect(runs.every((r: any) => r.trigger === 'date' && r.actions[0].status === 'done')).toBe(true);
    await a.patch(`${API}/automation/workflow-rules/${rule.body.data.id}`, { active: false });
  });

  it('fires at the time of day in the organisation zone', async () => {
    const a = t.admin;
    const current = await advance(0);
    // Tomorrow (Berlin) at 09:00 Berlin is 07:00 or 08:00 UTC: at 06:30 UTC nothing has fired.
    const id = await deal('Tomorrow', dayAfter(current, 2, zone));
    const rule = await a.post(`${API}/automation/workflow-rules`, {
      name: 'Day before',
      module: 'deals',
      trigger: { on: 'date', date: { field: 'closingDate', offsetDays: -1, time: '09:00' } },
      conditions: [{ criteria: null, instant: [{ type: 'fieldUpdate', field: 'nextStep', value: 'Call today' }] }],
    });
    expect(rule.status).toBe(201);
    const dueUtc =
      Date.parse(`${dayAfter(current, 1, zone)}T09:00:00Z`) - (await berlinOffsetMs(`${dayAfter(current, 1, zone)}T09:00:00Z`));
    const toBefore = Math.floor((dueUtc - Date.parse(current)) / 60_000) - 1;
    await advance(toBefore);
    expect((await a.get(`${API}/records/deals/${id}`)).body.data.nextStep).toBeNull();
    await advance(2);
    expect((await a.get(`${API}/records/deals/${id}`)).body.data.nextStep).toBe('Call today');
    await a.patch(`${API}/automation/workflow-rules/${rule.body.data.id}`, { active: false });
  });

  it('repeats yearly (birthdays) and stops when the record is deleted', async () => {
    const a = t.admin;
    const current = await advance(0);
    const birthday = `1990-${dayAfter(current, 5, zone).slice(5)}`;
    const c = await a.post(`${API}/records/contacts`, { data: [{ lastName: 'Birthday', birthday }] });
    const gone = await a.post(`${API}/records/contacts`, { data: [{ lastName: 'Gone', birthday }] });
    // Their create events are read before the rule exists: only the rule's own planning covers them,
    // from the moment it was saved even if its job runs days later.
    await advance(0);
    const rule = await a.post(`${API}/automation/workflow-rules`, {
      name: 'Birthday',
      module: 'contacts',
      trigger: { on: 'date', date: { field: 'birthday', offsetDays: 0, time: '08:00', repeat: 'yearly' } },
      conditions: [{ criteria: null, instant: [{ type: 'createTask', subject: 'Congratulate {{lastName}}' }] }],
    });
    expect(rule.status).toBe(201);
    await advance(6 * DAY);
    expect(await tasksOf('contacts', c.body.data[0].id)).toHaveLength(1);
    expect(await tasksOf('contacts', gone.body.data[0].id)).toHaveLength(1);
    expect((await a.delete(`${API}/records/contacts/${gone.body.data[0].id}`)).status).toBe(200);
    await advance(366 * DAY);
    expect(await tasksOf('contacts', c.body.data[0].id)).toHaveLength(2);
    const runs = (await a.get(`${API}/automation/workflow-rules/${rule.body.data.id}/runs`)).body.data;
    expect(runs).toHaveLength(3);
  });

  it('refuses a date trigger on a field that is not a date', async () => {
    const r = await t.admin.post(`${API}/automation/workflow-rules`, {
      name: 'Bad',
      module: 'deals',
      trigger: { on: 'date', date: { field: 'dealName', offsetDays: 0 } },
      conditions: [{ criteria: null, instant: [{ type: 'createTask', subject: 'x' }] }],
    });
    expect(r.status).toBe(400);
    expect(r.text).toContain('dealName');
  });
});

/** Berlin's offset from UTC at an instant, in ms (by Intl, independently of the server). */
async function berlinOffsetMs(iso: string): Promise<number> {
  const d = new Date(iso);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: 'Europe/Berlin',
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    })
      .formatToParts(d)
      .map((p) => [p.type, p.value]),
  );
  return Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute) - d.getTime();
}
