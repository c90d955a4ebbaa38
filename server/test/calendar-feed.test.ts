import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestServer, type TestServer } from './harness.js';
import { testDialects } from './pg.js';

const API = '/api/v1';
const R = `${API}/records`;
const dialects = await testDialects();

const parse = (text: string) => {
  const cal = new ICAL.Component(ICAL.parse(text));
  return cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
};

describe.each(dialects)('calendar items and the private iCalendar feed on %s', (dialect) => {
  let t: TestServer;
  let other: Client;
  let otherId: string;
  let adminId: string;
  const soon = (days: number, hour: number) => {
    const d = new Date();
    d.setUTCDate(d.getUTCDate() + days);
    d.setUTCHours(hour, 0, 0, 0);
    return d.toISOString();
  };
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestServer(dialect);
    adminId = (await t.admin.get(`${API}/me`)).body.user.id;
    const u = await t.admin.post(`${API}/users`, {
      email: 'other@example.com',
      name: 'Otto Other',
      password: 'a long enough password 2',
      profile: 'Standard',
    });
    otherId = u.body.data.id;
    other = t.client();
    await other.login('other@example.com', 'a long enough password 2');
    const ev = await t.admin.post(`${R}/events`, {
      data: [
        { title: 'Mine', startAt: soon(1, 9), endAt: soon(1, 10) },
        { title: 'With Otto', startAt: soon(2, 9), endAt: soon(2, 10), participants: [{ type: 'user', id: otherId }] },
        { title: 'Far away', startAt: soon(500, 9), endAt: soon(500, 10) },
      ],
    });
    [ids.mine, ids.shared, ids.far] = ev.body.data.map((r: { id: string }) => r.id);
    const tasks = await t.admin.post(`${R}/tasks`, {
      data: [
        { subject: 'Call back', dueAt: soon(1, 14) },
        { subject: 'No time', dueAt: null },
      ],
    });
    ids.task = tasks.body.data[0].id;
    const otto = await other.post(`${R}/events`, { data: [{ title: "Otto's own", startAt: soon(1, 15), endAt: soon(1, 16) }] });
    ids.otto = otto.body.data[0].id;
  });
  afterAll(async () => t?.close());

  it('lists my meetings (owner or participant) and timed tasks, or those of chosen users', async () => {
    const from = soon(0, 0);
    const to = soon(7, 0);
    const mine = await t.admin.get(`${API}/calendar/items?from=${from}&to=${to}`);
    expect(mine.status).toBe(200);
    expect(mine.body.data.map((i: { kind: string; title: string }) => `${i.kind}:${i.title}`)).toEqual([
      'event:Mine',
      'task:Call back',
      'event:With Otto',
    ]);
    const ottos = await other.get(`${API}/calendar/items?from=${from}&to=${to}`);
    expect(ottos.body.data.map((i: { title: string }) => i.title)).toEqual(["Otto's own", 'With Otto']);
    const both = await t.admin.get(`${API}/calendar/items?from=${from}&to=${to}&users=${adminId},${otherId}`);
    expect(both.body.data.map((i: { title: string }) => i.title)).toEqual(['Mine', 'Call back', "Otto's own", 'With Otto']);
  });

  it('rejects bad ranges and user lists with 400', async () => {
    for (const q of [
      `from=${soon(7, 0)}&to=${soon(0, 0)}`,
      `from=${soon(0, 0)}&to=${soon(100, 0)}`,
      'from=yesterday&to=today',
      `from=${soon(0, 0)}`,
      `from=${soon(0, 0)}&to=${soon(1, 0)}&users=a;b`,
      `from=${soon(0, 0)}&to=${soon(1, 0)}&extra=1`,
    ]) {
      const res = await t.admin.get(`${API}/calendar/items?${q}`);
      expect(res.status, q).toBe(400);
      expect(res.body.error.code).toMatch(/INVALID/);
    }
    expect((await t.client().get(`${API}/calendar/items?from=${soon(0, 0)}&to=${soon(1, 0)}`)).status).toBe(401);
  });

  it('a feed URL serves my events and timed tasks as iCalendar; rotating or revoking it gives 404', async () => {
    expect((await t.admin.get(`${API}/calendar/feed`)).body.data).toBeNull();
    const made = await t.admin.post(`${API}/calendar/feed`);
    expect(made.status).toBe(201);
    const { url, token } = made.body.data;
    expect(url.endsWith(`/api/v1/calendar/feed/${token}.ics`)).toBe(true);
    expect((await t.admin.get(`${API}/calendar/feed`)).body.data.createdAt).toBeTruthy();
    const path = `${API}/calendar/feed/${token}.ics`;
    const res = await fetch(t.url + path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/calendar');
    const text = await res.text();
    expect(text).toMatch(/\r\n/);
    const events = parse(text);
    const byUid = new Map(events.map((e) => [e.uid, e]));
    expect([...byUid.keys()].sort()).toEqual([`${ids.mine}@rapport`, `${ids.shared}@rapport`, `task-${ids.task}@rapport`].sort());
    const mine = byUid.get(`${ids.mine}@rapport`) as ICAL.Event;
    expect(mine.summary).toBe('Mine');
    expect(mine.startDate.zone?.tzid).toBe('UTC');
    expect(mine.startDate.toJSDate().toISOString()).toBe(new Date(soon(1, 9)).toISOString());
    // UIDs are stable between fetches.
    const again = parse(await (await fetch(t.url + path)).text())
      .map((e) => e.uid)
      .sort();
    expect(again).toEqual(events.map((e) => e.uid).sort());
    // Otto's feed holds the meeting he was invited to, not the admin's own.
    const ottoFeed = (await other.post(`${API}/calendar/feed`)).body.data.token;
    const ottoEvents = parse(await (await fetch(`${t.url}${API}/calendar/feed/${ottoFeed}.ics`)).text())
      .map((e) => e.summary)
      .sort();
    expect(ottoEvents).toEqual(["Otto's own", 'With Otto']);
    // Rotating: the old URL is gone, the new one works.
    const rotated = (await t.admin.post(`${API}/calendar/feed`)).body.data.token;
    expect((await fetch(t.url + path)).status).toBe(404);
    expect((await fetch(`${t.url}${API}/calendar/feed/${rotated}.ics`)).status).toBe(200);
    // Revoking: 404, and revoking again is 404 too.
    expect((await t.admin.delete(`${API}/calendar/feed`)).status).toBe(204);
    const revoked = await fetch(`${t.url}${API}/calendar/feed/${rotated}.ics`);
    expect(revoked.status).toBe(404);
    expect((await revoked.json()).error.code).toBe('NOT_FOUND');
    expect((await t.admin.delete(`${API}/calendar/feed`)).status).toBe(404);
  });

  it('unknown, malformed and hostile feed tokens → 404, never a 5xx', async () => {
    for (const p of [
      'nosuchtokennosuchtokennosuchtoken.ics',
      'x.ics',
      'a'.repeat(43),
      '..%2F..%2Fetc',
      `${'a'.repeat(43)}.ics.ics`,
      '%E2%98%83.ics',
    ]) {
      const res = await fetch(`${t.url}${API}/calendar/feed/${p}`);
      expect(res.status, p).toBeGreaterThanOrEqual(400);
      expect(res.status, p).toBeLessThan(500);
    }
    expect((await fetch(`${t.url}${API}/calendar/feed/${'b'.repeat(43)}.ics`)).status).toBe(404);
  });
});
