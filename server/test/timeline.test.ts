import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendMail } from '../src/mail/index.js';
import { type Client, startTestServer, type TestServer } from './harness.js';
import { type SmtpCapture, startSmtpCapture } from './mail-capture.js';
import { testDialects } from './pg.js';

const dialects = await testDialects();
const API = '/api/v1';
const R = `${API}/records`;

describe.each(dialects)('record timeline on %s', (dialect) => {
  let t: TestServer;
  let smtp: SmtpCapture;
  let std: Client;
  let leadId: string;
  let otherLeadId: string;
  let noteId: string;
  let taskId: string;
  let callId: string;
  let eventId: string;
  let contactId: string;

  const advance = async (minutes: number) => {
    const r = await t.admin.post(`${API}/test-clock/advance`, { minutes });
    expect(r.status, r.text).toBe(200);
  };
  const create = async (module: string, data: Record<string, unknown>) => {
    const r = await t.admin.post(`${R}/${module}`, { data: [data] });
    expect(r.status, r.text).toBe(201);
    return r.body.data[0].id as string;
  };
  const timeline = async (query = '', client: Client = t.admin, id = leadId) => {
    const r = await client.get(`${R}/leads/${id}/timeline${query}`);
    expect(r.status, r.text).toBe(200);
    return r.body as { data: any[]; info: { perPage: number; moreRecords: boolean; nextCursor?: string } };
  };

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    t = await startTestServer(dialect, { RAPPORT_TEST_CLOCK: '1', SMTP_URL: smtp.url });
    const u = await t.admin.post(`${API}/users`, {
      email: 'rep@example.com',
      name: 'Rep',
      password: 'a long enough password',
      profile: 'Standard',
    });
    expect(u.status, u.text).toBe(201);
    std = t.client();
    await std.login('rep@example.com', 'a long enough password');

    // One step a minute, so the expected order is by construction.
    leadId = await create('leads', { lastName: 'Timeline', company: 'Acme' }); // 0: created
    otherLeadId = await create('leads', { lastName: 'Elsewhere' });
    contactId = await create('contacts', { lastName: 'Invitee' });
    await advance(1);
    const p = await t.admin.patch(`${R}/leads/${leadId}`, { data: { leadStatus: 'Contacted' } }); // 1: field change
    expect(p.status, p.text).toBe(200);
    await advance(1);
    noteId = await create('notes', { content: 'Called about pricing', relatedTo: { module: 'leads', id: leadId } }); // 2: note
    await create('notes', { content: 'Not about this lead', relatedTo: { module: 'leads', id: otherLeadId } });
    await advance(1);
    taskId = await create('tasks', { subject: 'Send the offer', relatedTo: { module: 'leads', id: leadId } });
    await create('tasks', { subject: 'Still open', relatedTo: { module: 'leads', id: leadId } }); // never shows: not completed
    await advance(1);
    const done = await t.admin.patch(`${R}/tasks/${taskId}`, { data: { status: 'Completed' } }); // 4: completed task
    expect(done.status, done.text).toBe(200);
    await advance(1);
    const now = Date.parse((await t.admin.post(`${API}/test-clock/advance`, { minutes: 0 })).body.now);
    callId = await create('calls', {
      subject: 'Intro call',
      callType: 'Outbound',
      durationMinutes: 15,
      callStartAt: new Date(now).toISOString(),
      relatedTo: { module: 'leads', id: leadId },
    }); // 5
    await advance(1);
    const start = Date.parse((await t.admin.post(`${API}/test-clock/advance`, { minutes: 0 })).body.now);
    eventId = await create('events', {
      title: 'Demo',
      startAt: new Date(start).toISOString(),
      endAt: new Date(start + 3600_000).toISOString(),
      relatedTo: { module: 'leads', id: leadId },
    }); // 6
    await advance(1);
    // 7: an email sent about the lead, through a real SMTP server and the mail log.
    await sendMail(
      { db: t.server.database.db, clock: t.server.clock, smtpUrl: smtp.url },
      { to: ['buyer@example.com'], subject: 'Our offer', text: 'Hello' },
      { kind: 'notification', record: { module: 'leads', id: leadId } },
    );
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('shows history, notes, completed tasks, calls, meetings and emails sent, newest first', async () => {
    const page = await timeline();
    const kinds = page.data.map((i) => i.kind);
    expect(kinds).toEqual(['email', 'event', 'call', 'task', 'note', 'history', 'history']);
    expect(smtp.mails.map((m) => m.to)).toEqual([['buyer@example.com']]);
    const at = page.data.map((i) => Date.parse(i.at));
    expect([...at].sort((a, b) => b - a)).toEqual(at);
    const [email, event, call, task, note, change, created] = page.data;
    expect(email.email).toEqual({ to: ['buyer@example.com'], subject: 'Our offer', kind: 'notification' });
    expect(event.record).toEqual({ module: 'events', id: eventId, name: 'Demo' });
    expect(call.values).toMatchObject({ subject: 'Intro call', callType: 'Outbound', durationMinutes: 15 });
    expect(call.record.id).toBe(callId);
    expect(task.record).toEqual({ module: 'tasks', id: taskId, name: 'Send the offer' });
    expect(task.values.status).toBe('Completed');
    expect(task.at).toBe(task.values.completedAt);
    expect(note.record.id).toBe(noteId);
    expect(note.values.content).toBe('Called about pricing');
    expect(note.user).toMatchObject({ name: expect.any(String) });
    expect(change).toMatchObject({ kind: 'history', action: 'updated' });
    expect(change.changes).toContainEqual({ field: 'leadStatus', old: expect.anything(), new: 'Contacted' });
    expect(created).toMatchObject({ kind: 'history', action: 'created' });
    expect(page.info).toEqual({ perPage: 25, moreRecords: false });
  });

  it('filters by kind', async () => {
    expect((await timeline('?kinds=note')).data.map((i) => i.record.id)).toEqual([noteId]);
    expect((await timeline('?kinds=history')).data.map((i) => i.action)).toEqual(['updated', 'created']);
    expect((await timeline('?kinds=task,call')).data.map((i) => i.kind)).toEqual(['call', 'task']);
    expect((await timeline('?kinds=email,event')).data.map((i) => i.kind)).toEqual(['email', 'event']);
  });

  it('pages with a cursor through the same items, without gaps or repeats', async () => {
    const all = (await timeline()).data.map((i) => i.id);
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await timeline(`?perPage=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(page.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.data.map((i) => i.id));
      cursor = page.info.nextCursor;
      expect(page.info.moreRecords).toBe(cursor !== undefined);
      pages++;
    } while (cursor && pages < 20);
    expect(seen).toEqual(all);
    expect(pages).toBe(Math.ceil(all.length / 2));
  });

  it('orders items at the same instant by kind, and pages through ties', async () => {
    // Three notes created in one request share their instant: ties are broken by id, descending.
    const lead = await create('leads', { lastName: 'Ties' });
    await advance(1);
    const r = await t.admin.post(`${R}/notes`, {
      data: [1, 2, 3].map((n) => ({ content: `Tie ${n}`, relatedTo: { module: 'leads', id: lead } })),
    });
    expect(r.status, r.text).toBe(201);
    const all = (await timeline('', t.admin, lead)).data;
    expect(all.map((i) => i.kind)).toEqual(['note', 'note', 'note', 'history']);
    expect(new Set(all.slice(0, 3).map((i) => i.at)).size).toBe(1);
    expect(all.slice(0, 3).map((i) => i.record.id)).toEqual(
      r.body.data
        .map((d: any) => d.id)
        .sort()
        .reverse(),
    );
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await timeline(`?perPage=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, t.admin, lead);
      seen.push(...page.data.map((i) => i.id));
      cursor = page.info.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.map((i) => i.id));
  });

  it('shows a meeting on the timeline of a contact invited to it', async () => {
    const now = Date.parse((await t.admin.post(`${API}/test-clock/advance`, { minutes: 0 })).body.now);
    const meeting = await create('events', {
      title: 'With the invitee',
      startAt: new Date(now + 86400_000).toISOString(),
      endAt: new Date(now + 90000_000).toISOString(),
      participants: [{ type: 'contact', id: contactId }],
    });
    const r = await t.admin.get(`${R}/contacts/${contactId}/timeline?kinds=event`);
    expect(r.status, r.text).toBe(200);
    expect(r.body.data.map((i: any) => i.record.id)).toEqual([meeting]);
  });

  it('leaves out activities that were deleted', async () => {
    const lead = await create('leads', { lastName: 'Deleting' });
    const note = await create('notes', { content: 'Soon gone', relatedTo: { module: 'leads', id: lead } });
    expect((await timeline('?kinds=note', t.admin, lead)).data).toHaveLength(1);
    expect((await t.admin.delete(`${R}/notes/${note}`)).status).toBe(200);
    expect((await timeline('?kinds=note', t.admin, lead)).data).toHaveLength(0);
  });

  it('is readable by a Standard user who may read the record, and by nobody signed out', async () => {
    const page = await timeline('', std);
    expect(page.data.length).toBe((await timeline()).data.length);
    const anonymous = await t.client().get(`${R}/leads/${leadId}/timeline`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('refuses bad input with 4xx and the error body', async () => {
    const cases: [string, number, string, string?][] = [
      [`${R}/leads/${leadId}/timeline?kinds=history,gossip`, 400, 'INVALID_REQUEST', 'kinds'],
      [`${R}/leads/${leadId}/timeline?kinds=`, 200, ''],
      [`${R}/leads/${leadId}/timeline?perPage=0`, 400, 'INVALID_REQUEST', 'perPage'],
      [`${R}/leads/${leadId}/timeline?perPage=101`, 400, 'INVALID_REQUEST', 'perPage'],
      [`${R}/leads/${leadId}/timeline?perPage=abc`, 400, 'INVALID_REQUEST', 'perPage'],
      [`${R}/leads/${leadId}/timeline?cursor=not-a-cursor`, 400, 'INVALID_REQUEST', 'cursor'],
      [`${R}/leads/${leadId}/timeline?cursor=${Buffer.from('[1,9,"x"]').toString('base64url')}`, 400, 'INVALID_REQUEST', 'cursor'],
      [`${R}/leads/${leadId}/timeline?cursor=${Buffer.from('[1,0,"x"]').toString('base64url')}`, 400, 'INVALID_REQUEST', 'cursor'],
      [`${R}/leads/${leadId}/timeline?cursor=${Buffer.from('{"a":1}').toString('base64url')}`, 400, 'INVALID_REQUEST', 'cursor'],
      [`${R}/leads/${leadId}/timeline?unknown=1`, 400, 'INVALID_REQUEST'],
      [`${R}/leads/nope/timeline`, 404, 'NOT_FOUND'],
      [`${R}/nomodule/${leadId}/timeline`, 404, 'NOT_FOUND'],
      [`${R}/leads/${'x'.repeat(65)}/timeline`, 400, 'INVALID_REQUEST'],
      [`${R}/leads/bad%27id/timeline`, 400, 'INVALID_REQUEST'],
    ];
    for (const [url, status, code, field] of cases) {
      const r = await t.admin.get(url);
      expect(r.status, `${url}: ${r.text}`).toBe(status);
      if (status !== 200) {
        expect(r.body.error.code, url).toBe(code);
        if (field) expect(r.body.error.details.field, url).toBe(field);
      }
    }
  });
});
