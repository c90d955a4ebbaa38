import { createHmac } from 'node:crypto';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueue } from '../src/jobs/index.js';
import { sendMail } from '../src/mail/index.js';
import { INVITATION_JOB, type InvitationPayload } from '../src/meetings/plan.js';
import { ADMIN, type Client, type SecondServer, startSecondServer, startTestServer, type TestServer } from './harness.js';
import { type CapturedMail, decodeHeader, mimeParts, type SmtpCapture, startSmtpCapture, topHeader } from './mail-capture.js';
import { testDialects } from './pg.js';

const API = '/api/v1';
const R = `${API}/records`;
const dialects = await testDialects();

interface Invitation {
  to: string[];
  subject: string | undefined;
  method: string;
  uid: string;
  sequence: number;
  start: ICAL.Time;
  end: ICAL.Time;
  organizer: string;
  attendees: { email: string; partstat: string }[];
  text: string;
}

/** Reads an invitation email: its text part and its text/calendar attachment, parsed by ical.js. */
function readInvitation(mail: CapturedMail): Invitation {
  const parts = mimeParts(mail.raw);
  const calendars = parts.filter((p) => /^text\/calendar/i.test(p.headers['content-type']));
  expect(calendars.length).toBeGreaterThan(0);
  const attachment = calendars.find((p) => /attachment/i.test(p.headers['content-disposition'] ?? '')) ?? calendars[0];
  const cal = new ICAL.Component(ICAL.parse(attachment.body));
  const vevent = cal.getFirstSubcomponent('vevent') as ICAL.Component;
  const event = new ICAL.Event(vevent);
  return {
    to: mail.to,
    subject: topHeader(mail.raw, 'Subject'),
    method: String(cal.getFirstPropertyValue('method')),
    uid: event.uid,
    sequence: event.sequence,
    start: event.startDate,
    end: event.endDate,
    organizer: String(vevent.getFirstPropertyValue('organizer')),
    attendees: vevent.getAllProperties('attendee').map((p) => ({
      email: String(p.getFirstValue()).replace(/^mailto:/i, ''),
      partstat: String(p.getParameter('partstat')),
    })),
    text: parts.find((p) => /^text\/plain/i.test(p.headers['content-type']))?.body ?? '',
  };
}


/** A link of the email, pointed at the test server (RAPPORT_BASE_URL is not known before it listens). */
let serverUrl = '';
const linkOf = (text: string, label: 'Accept' | 'Decline' | 'Tentative' | 'Принять' | 'Отклонить' | 'Возможно') => {
  const m = new RegExp(`${label}: (\\S+)`).exec(text);
  if (!m) throw new Error(`no ${label} link in:\n${text}`);
  const url = new URL(m[1]);
  expect(url.pathname).toBe('/api/v1/rsvp');
  expect(url.searchParams.get('token')).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
  return m[1].replace(/^https?:\/\/[^/]+/, serverUrl);
};

describe.each(dialects)('meetings and invitations on %s', (dialect) => {
  let t: TestServer;
  let smtp: SmtpCapture;
  let colleague: Client;
  let colleagueId: string;
  let contactId: string;
  let leadId: string;
  let eventId: string;
  let sent = 0;
  const runJobs = () => t.admin.post(`${API}/test-clock/advance`, { minutes: 0 });
  /** The emails received since the last call. */
  const newMails = () => {
    const out = smtp.mails.slice(sent);
    sent = smtp.mails.length;
    return out;
  };
  const eventCount = async () => (await t.admin.get(`${R}/events/count`)).body.count as number;
  const participantsOf = async (id: string) =>
    (await t.admin.get(`${R}/events/${id}`)).body.data.participants as { type: string; email: string; status: string }[];

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    t = await startTestServer(dialect, { SMTP_URL: smtp.url, RAPPORT_TEST_CLOCK: '1' });
    serverUrl = t.url;
    const u = await t.admin.post(`${API}/users`, {
      email: 'colleague@example.com',
      name: 'Colin League',
      password: 'a long enough password 1',
      profile: 'Standard',
    });
    expect(u.status).toBe(201);
    colleagueId = u.body.data.id;
    colleague = t.client();
    await colleague.login('colleague@example.com', 'a long enough password 1');
    const c = await t.admin.post(`${R}/contacts`, { data: [{ firstName: 'Carla', lastName: 'Customer', email: 'carla@client.example' }] });
    contactId = c.body.data[0].id;
    const l = await t.admin.post(`${R}/leads`, { data: [{ firstName: 'Len', lastName: 'Lead', email: 'len@lead.example' }] });
    leadId = l.body.data[0].id;
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('sends each outside participant an iCalendar REQUEST and notifies invited users in the app', async () => {
    const created = await t.admin.post(`${R}/events`, {
      data: [
        {
          title: 'Quarterly review; budget, plans',
          startAt: '2030-03-04T09:00:00Z',
          endAt: '2030-03-04T10:30:00Z',
          location: 'Room 4',
          participants: [
            { type: 'contact', id: contactId },
            { type: 'lead', id: leadId },
            { email: 'guest@outside.example' },
            { type: 'user', id: colleagueId },
          ],
        },
      ],
    });
    expect(created.status).toBe(201);
    eventId = created.body.data[0].id;
    const participants = created.body.data[0].record.participants;
    expect(participants.map((p: { email: string; status: string }) => [p.email, p.status])).toEqual([
      ['carla@client.example', 'needsAction'],
      ['len@lead.example', 'needsAction'],
      ['guest@outside.example', 'needsAction'],
      ['colleague@example.com', 'needsAction'],
    ]);
    await runJobs();
    const mails = newMails();
    expect(mails.map((m) => m.to[0]).sort()).toEqual(['carla@client.example', 'guest@outside.example', 'len@lead.example']);
    for (const mail of mails) {
      const inv = readInvitation(mail);
      expect(inv.method).toBe('REQUEST');
      expect(inv.uid).toBe(`${eventId}@rapport`);
      expect(inv.sequence).toBe(0);
      expect(inv.start.zone?.tzid).toBe('UTC');
      expect(inv.start.toJSDate().toISOString()).toBe('2030-03-04T09:00:00.000Z');
      expect(inv.end.toJSDate().toISOString()).toBe('2030-03-04T10:30:00.000Z');
      expect(inv.organizer).toBe(`mailto:${ADMIN.email}`);
      expect(inv.attendees).toContainEqual({ email: 'carla@client.example', partstat: 'NEEDS-ACTION' });
      expect(inv.attendees).toContainEqual({ email: 'colleague@example.com', partstat: 'NEEDS-ACTION' });
      expect(inv.subject).toContain('Invitation: Quarterly review');
    }
    // Running the worker again sends nothing twice.
    await runJobs();
    expect(newMails()).toHaveLength(0);
    // The colleague (a user) is told in the app; the log of sent emails names the meeting.
    const notes = await colleague.get(`${API}/notifications`);
    expect(
      notes.body.data.some((n: { kind: string; record?: { id: string } }) => n.kind === 'invitation' && n.record?.id === eventId),
    ).toBe(true);
    const log = await t.server.database.db.selectFrom('sent_emails').selectAll().where('record_id', '=', eventId).execute();
    expect(log).toHaveLength(3);
    expect(log.every((r) => r.module === 'events' && r.kind === 'meetingInvitation')).toBe(true);
  });

  it('a change sends the same UID with SEQUENCE + 1; an answer-only change sends nothing', async () => {
    const patched = await t.admin.patch(`${R}/events/${eventId}`, {
      data: { startAt: '2030-03-04T11:00:00Z', endAt: '2030-03-04T12:00:00Z' },
    });
    expect(patched.status).toBe(200);
    await runJobs();
    const mails = newMails();
    expect(mails).toHaveLength(3);
    for (const m of mails) {
      const inv = readInvitation(m);
      expect(inv.uid).toBe(`${eventId}@rapport`);
      expect(inv.sequence).toBe(1);
      expect(inv.start.toJSDate().toISOString()).toBe('2030-03-04T11:00:00.000Z');
      expect(inv.subject).toContain('Updated invitation');
    }
    // A change of an unrelated field (description is content; owner is not) sends nothing.
    const same = await t.admin.patch(`${R}/events/${eventId}`, { data: { owner: (await t.admin.get(`${API}/me`)).body.user.id } });
    expect(same.status).toBe(200);
    await runJobs();
    expect(newMails()).toHaveLength(0);
  });

  it('the RSVP links set the participant status, shown on the event, and tell the organiser', async () => {
    // The latest invitation of the contact carries their links.
    const mail = smtp.mails.filter((m) => m.to[0] === 'carla@client.example').at(-1) as CapturedMail;
    const inv = readInvitation(mail);
    const accept = linkOf(inv.text, 'Accept');
    expect(accept.startsWith(`${t.url}${API}/rsvp?token=`)).toBe(true);
    const page = await fetch(accept);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('You accepted this invitation.');
    expect((await participantsOf(eventId)).find((p) => p.email === 'carla@client.example')?.status).toBe('accepted');
    const tentative = await fetch(linkOf(inv.text, 'Tentative'));
    expect(tentative.status).toBe(200);
    expect((await participantsOf(eventId)).find((p) => p.email === 'carla@client.example')?.status).toBe('tentative');
    // The plain address declines.
    const guest = readInvitation(smtp.mails.filter((m) => m.to[0] === 'guest@outside.example').at(-1) as CapturedMail);
    expect((await fetch(linkOf(guest.text, 'Decline'))).status).toBe(200);
    const statuses = await participantsOf(eventId);
    expect(statuses.find((p) => p.email === 'guest@outside.example')?.status).toBe('declined');
    expect(statuses.find((p) => p.email === 'len@lead.example')?.status).toBe('needsAction');
    // The organiser is told; an answer is not a new version, so nobody gets an email.
    const notes = await t.admin.get(`${API}/notifications`);
    const rsvps = notes.body.data.filter((n: { kind: string }) => n.kind === 'rsvp');
    expect(rsvps.length).toBeGreaterThanOrEqual(3);
    expect(rsvps.some((n: { title: string }) => n.title.includes('Carla Customer accepted'))).toBe(true);
    await runJobs();
    expect(newMails()).toHaveLength(0);
    // A page without an answer only shows the status.
    const view = await fetch(accept.replace(/&response=.*$/, ''));
    expect(view.status).toBe(200);
    expect(await view.text()).toContain('You tentatively accepted this invitation.');
  });

  it('forged, tampered, malformed and expired RSVP tokens are refused and change nothing', async () => {
    const lenMail = smtp.mails.filter((m) => m.to[0] === 'len@lead.example').at(-1) as CapturedMail;
    const accept = linkOf(readInvitation(lenMail).text, 'Accept');
    const token = new URL(accept).searchParams.get('token') as string;
    const [body, sig] = token.split('.');
    const before = await t.admin.get(`${R}/events/${eventId}`);
    // Tampered claim (another participant), tampered signature, a token signed with another secret, junk.
    const otherClaim = Buffer.from(JSON.stringify([eventId, `contact:${contactId}`, Date.now() + 1e9])).toString('base64url');
    const forgedSig = createHmac('sha256', 'not the server secret').update(`rsvp.${otherClaim}`).digest('base64url');
    const flipped = sig[0] === 'A' ? `B${sig.slice(1)}` : `A${sig.slice(1)}`;
    for (const bad of [`${otherClaim}.${sig}`, `${body}.${flipped}`, `${otherClaim}.${forgedSig}`, 'junk', `${body}.`, 'a'.repeat(2000)]) {
      const res = await t.client().get(`${API}/rsvp?token=${bad}&response=declined`);
      expect(res.status, bad).toBe(404);
      expect(res.body.error.code).toBe('NOT_FOUND');
    }
    expect((await t.client().get(`${API}/rsvp?token=%00`)).status).toBe(400);
    expect((await t.client().get(`${API}/rsvp`)).status).toBe(400);
    expect((await t.client().get(`${API}/rsvp?token=${'a'.repeat(3000)}`)).status).toBe(400);
    const badAnswer = await t.client().get(`${API}/rsvp?token=${token}&response=maybe`);
    expect(badAnswer.status).toBe(400);
    const extra = await t.client().get(`${API}/rsvp?token=${token}&response=accepted&x=1`);
    expect(extra.status).toBe(400);
    // 31 days later the link has expired.
    await t.admin.post(`${API}/test-clock/advance`, { minutes: 31 * 24 * 60 });
    // Sessions expired too: sign in again.
    await t.admin.login(ADMIN.email, ADMIN.password);
    const expired = await t.client().get(`${API}/rsvp?token=${token}&response=accepted`);
    expect(expired.status).toBe(400);
    expect(expired.body.error.message).toMatch(/expired/);
    const after = await t.admin.get(`${R}/events/${eventId}`);
    expect(after.body.data.version).toBe(before.body.data.version);
    expect(after.body.data.participants).toEqual(before.body.data.participants);
    newMails();
  });

  it('removing a participant cancels them; deleting the meeting cancels everyone', async () => {
    const parts = [
      { type: 'contact', id: contactId },
      { type: 'lead', id: leadId },
      { type: 'user', id: colleagueId },
    ];
    expect((await t.admin.patch(`${R}/events/${eventId}`, { data: { participants: parts } })).status).toBe(200);
    // Statuses already given survive an edit of the list.
    expect((await participantsOf(eventId)).find((p) => p.email === 'carla@client.example')?.status).toBe('tentative');
    await runJobs();
    const mails = newMails().map(readInvitation);
    const cancel = mails.filter((m) => m.method === 'CANCEL');
    expect(cancel.map((m) => m.to[0])).toEqual(['guest@outside.example']);
    expect(cancel[0].sequence).toBe(2);
    expect(
      mails
        .filter((m) => m.method === 'REQUEST')
        .map((m) => m.to[0])
        .sort(),
    ).toEqual(['carla@client.example', 'len@lead.example']);
    const carla = mails.find((m) => m.to[0] === 'carla@client.example') as Invitation;
    expect(carla.attendees).toContainEqual({ email: 'carla@client.example', partstat: 'TENTATIVE' });

    expect((await t.admin.delete(`${R}/events/${eventId}`)).status).toBe(200);
    await runJobs();
    const gone = newMails().map(readInvitation);
    expect(gone.map((m) => m.to[0]).sort()).toEqual(['carla@client.example', 'len@lead.example']);
    for (const m of gone) {
      expect(m.method).toBe('CANCEL');
      expect(m.uid).toBe(`${eventId}@rapport`);
      expect(m.sequence).toBe(3);
    }
    // The links of a deleted meeting lead nowhere.
    const accept = linkOf(carla.text, 'Accept');
    expect((await fetch(accept)).status).toBe(404);
  });

  it('rejects an end before the start and unknown participants, writing and sending nothing', async () => {
    const count = await eventCount();
    const base = { title: 'Bad', startAt: '2030-05-01T10:00:00Z', endAt: '2030-05-01T11:00:00Z' };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, endAt: '2030-05-01T09:00:00Z' }, 'endAt'],
      [{ ...base, participants: [{ type: 'contact', id: 'nosuchcontact' }] }, 'participants'],
      [{ ...base, participants: [{ type: 'lead', id: contactId }] }, 'participants'],
      [{ ...base, participants: [{ type: 'user', id: 'nosuchuser' }] }, 'participants'],
      [{ ...base, participants: [{ type: 'robot', id: 'x' }] }, 'participants'],
      [{ ...base, participants: [{ email: 'not an address' }] }, 'participants'],
      [{ ...base, participants: 'everyone' }, 'participants'],
      [{ ...base, startAt: '2030-02-30T10:00:00Z' }, 'startAt'],
    ];
    for (const [data, field] of cases) {
      const res = await t.admin.post(`${R}/events`, { data: [data] });
      expect(res.status, JSON.stringify(data)).toBe(400);
      const err = res.body.error ?? res.body.data?.[0];
      expect(err.details?.field ?? err.field).toBe(field);
    }
    expect(await eventCount()).toBe(count);
    // The same on a change: the meeting stays as it was and nobody is emailed.
    const ok = await t.admin.post(`${R}/events`, { data: [{ ...base, participants: [{ email: 'solo@outside.example' }] }] });
    const id = ok.body.data[0].id;
    await runJobs();
    expect(newMails()).toHaveLength(1);
    const before = (await t.admin.get(`${R}/events/${id}`)).body.data;
    expect((await t.admin.patch(`${R}/events/${id}`, { data: { endAt: '2030-05-01T08:00:00Z' } })).status).toBe(400);
    expect((await t.admin.patch(`${R}/events/${id}`, { data: { participants: [{ type: 'contact', id: 'missing' }] } })).status).toBe(400);
    await runJobs();
    expect(newMails()).toHaveLength(0);
    expect((await t.admin.get(`${R}/events/${id}`)).body.data).toEqual(before);
  });

  it('the mail sender logs each email, sends a deduplicated one once, and logs nothing SMTP refused', async () => {
    newMails();
    const deps = { db: t.server.database.db, clock: t.server.clock, smtpUrl: smtp.url };
    const message = { to: ['once@mail.example', 'once@mail.example', ' '], subject: 'Once\r\nBcc: evil@example.com', text: 'Hello' };
    expect(
      await sendMail(deps, message, { kind: 'test', record: { module: 'contacts', id: contactId }, dedupeKey: `once-${dialect}` }),
    ).toBe(true);
    expect(
      await sendMail(deps, message, { kind: 'test', record: { module: 'contacts', id: contactId }, dedupeKey: `once-${dialect}` }),
    ).toBe(false);
    const got = newMails();
    expect(got).toHaveLength(1);
    expect(got[0].to).toEqual(['once@mail.example']);
    expect(topHeader(got[0].raw, 'Subject')).toBe('Once Bcc: evil@example.com');
    expect(topHeader(got[0].raw, 'Bcc')).toBeUndefined();
    const rows = await t.server.database.db.selectFrom('sent_emails').selectAll().where('dedupe_key', '=', `once-${dialect}`).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ module: 'contacts', record_id: contactId, kind: 'test', to_addresses: '["once@mail.example"]' });
    // A refused send (nothing listens there) throws, so the job retries; nothing is logged.
    await expect(
      sendMail({ ...deps, smtpUrl: 'smtp://127.0.0.1:9' }, message, { kind: 'test', dedupeKey: `refused-${dialect}` }),
    ).rejects.toThrow();
    expect(
      await t.server.database.db.selectFrom('sent_emails').select('id').where('dedupe_key', '=', `refused-${dialect}`).execute(),
    ).toHaveLength(0);
    await expect(sendMail({ ...deps, smtpUrl: undefined }, message, { kind: 'test' })).rejects.toThrow(/SMTP_URL/);
  });

  it('an all-day meeting is sent as dates of the organiser time zone', async () => {
    const res = await t.admin.post(`${R}/events`, {
      data: [
        {
          title: 'Offsite',
          allDay: true,
          startAt: '2030-06-10T00:00:00Z',
          endAt: '2030-06-11T23:59:00Z',
          participants: [{ email: 'all@day.example' }],
        },
      ],
    });
    expect(res.status).toBe(201);
    await runJobs();
    const [inv] = newMails().map(readInvitation);
    expect(inv.start.isDate).toBe(true);
    expect(inv.start.toString()).toBe('2030-06-10');
    expect(inv.end.toString()).toBe('2030-06-12');
  });

  let russianAccept = '';
  let russianEventId = '';

  it("an organiser whose locale is Russian invites in Russian; the RSVP page follows the browser's language", async () => {
    expect((await t.admin.patch(`${API}/users/${colleagueId}`, { locale: 'ru-RU' })).status).toBe(200);
    // The 31 days of the expiry test ended the colleague's session too.
    await colleague.login('colleague@example.com', 'a long enough password 1');
    const res = await colleague.post(`${R}/events`, {
      data: [
        {
          title: 'Планёрка <Q3>',
          startAt: '2030-03-05T09:00:00Z',
          endAt: '2030-03-05T10:00:00Z',
          location: 'Переговорная 2',
          participants: [{ email: 'ivan@client.example' }],
        },
      ],
    });
    expect(res.status, res.text).toBe(201);
    russianEventId = res.body.data[0].id;
    await runJobs();
    const mails = newMails();
    expect(mails.map((m) => m.to[0])).toEqual(['ivan@client.example']);
    const inv = readInvitation(mails[0]);
    expect(decodeHeader(inv.subject)).toBe('Приглашение: Планёрка <Q3>');
    expect(decodeHeader(topHeader(mails[0].raw, 'From'))).toContain('Colin League через Rapport');
    expect(inv.text).toContain('Вы приглашены на встречу «Планёрка <Q3>».');
    expect(inv.text).toContain('Место: Переговорная 2');
    expect(inv.text).toContain('Организатор: Colin League <colleague@example.com>');
    // The date is written the Russian way too.
    expect(inv.text).toContain('5 марта 2030');
    expect(inv.text).not.toMatch(/You are invited|Accept:|Location:/);
    const html = mimeParts(mails[0].raw).find((p) => /^text\/html/i.test(p.headers['content-type']))?.body ?? '';
    expect(html).toContain('Планёрка &#60;Q3&#62;');
    expect(html).toMatch(/>Принять<\/a> · <a [^>]+>Отклонить<\/a> · <a [^>]+>Возможно<\/a>/);
    russianAccept = linkOf(inv.text, 'Принять');

    const ru = await fetch(russianAccept, { headers: { 'accept-language': 'ru-RU,ru;q=0.9,en;q=0.8' } });
    expect(ru.status).toBe(200);
    expect(ru.headers.get('content-language')).toBe('ru');
    const ruPage = await ru.text();
    expect(ruPage).toContain('<html lang="ru">');
    expect(ruPage).toContain('Вы приняли это приглашение.');
    expect(ruPage).toContain('Изменить ответ:');
    expect(ruPage).toContain('>Отклонить</a>');
    expect(ruPage).toContain('5 марта 2030');
    expect(ruPage).toContain('Планёрка &#60;Q3&#62;');
    // Without a language of the browser: the organisation's default (English here).
    const view = russianAccept.replace(/&response=.*$/, '');
    const en = await t.client().get(view.slice(t.url.length));
    expect(en.headers.get('content-language')).toBe('en');
    expect(en.text).toContain('<html lang="en">');
    expect(en.text).toContain('You accepted this invitation.');
    expect(en.text).toContain('Change your answer:');
    expect(en.text).toContain('Tuesday, 5 March 2030');
    // The first language the server has wins; one refused with q=0 is not taken.
    const de = await t.client().get(view.slice(t.url.length), { 'accept-language': 'de-DE, ru;q=0.5, en;q=0.4' });
    expect(de.text).toContain('<html lang="ru">');
    const refused = await t.client().get(view.slice(t.url.length), { 'accept-language': 'ru;q=0, en-US' });
    expect(refused.text).toContain('<html lang="en">');
  });

  it("without the organiser's or the browser's language, the organisation's default locale is used", async () => {
    expect((await t.admin.patch(`${API}/settings/organization`, { locale: 'ru' })).status).toBe(200);
    try {
      const view = russianAccept.replace(/&response=.*$/, '').slice(t.url.length);
      const page = await t.client().get(view);
      expect(page.text).toContain('<html lang="ru">');
      expect(page.text).toContain('Вы приняли это приглашение.');
      expect((await t.client().get(view, { 'accept-language': 'en-US' })).text).toContain('You accepted this invitation.');
      // A job queued before payloads carried the organiser's locale is written in the organisation's.
      const state = await t.server.database.db
        .selectFrom('event_invitations')
        .select('uid')
        .where('eventId', '=', russianEventId)
        .executeTakeFirstOrThrow();
      const payload: InvitationPayload = {
        eventId: russianEventId,
        uid: String(state.uid),
        sequence: 7,
        method: 'REQUEST',
        to: { key: 'email:ivan@client.example', name: null, email: 'ivan@client.example' },
        organiser: { id: colleagueId, name: 'Colin League', email: 'colleague@example.com', timeZone: 'UTC' },
        event: {
          title: 'Old payload',
          startAt: '2030-03-05T00:00:00Z',
          endAt: '2030-03-05T23:59:00Z',
          allDay: true,
          location: null,
          description: null,
        },
        attendees: [{ key: 'email:ivan@client.example', name: null, email: 'ivan@client.example', status: 'needsAction' }],
      };
      await enqueue(t.server.database.db, t.server.clock.now().getTime(), {
        kind: INVITATION_JOB,
        payload: payload as unknown as Record<string, unknown>,
        idempotencyKey: `old-payload:${dialect}`,
      });
      await runJobs();
      const [mail] = newMails();
      const inv = readInvitation(mail);
      expect(decodeHeader(inv.subject)).toBe('Изменённое приглашение: Old payload');
      expect(inv.text).toContain('Вы приглашены на встречу «Old payload».');
      expect(inv.text).toContain('(весь день)');
      expect(inv.text).toContain('Отклонить: ');
    } finally {
      expect((await t.admin.patch(`${API}/settings/organization`, { locale: 'en' })).status).toBe(200);
    }
  });
});

/** Two server processes on one PostgreSQL database: every invitation goes out exactly once. */
describe.runIf(dialects.includes('postgres'))('meeting invitations with two servers on one PostgreSQL database', () => {
  let t: TestServer;
  let b: SecondServer;
  let smtp: SmtpCapture;

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    const env = { SMTP_URL: smtp.url, RAPPORT_TEST_CLOCK: '1' };
    t = await startTestServer('postgres', env);
    b = await startSecondServer(t, env);
  });
  afterAll(async () => {
    await b?.close();
    await t?.close();
    await smtp?.close();
  });

  it('creates and changes meetings from both servers; both run the queue; each (meeting, sequence, attendee) is mailed once', async () => {
    const N = 16;
    const created = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        (i % 2 ? b.admin : t.admin).post(`${R}/events`, {
          data: [
            {
              title: `Twice ${i}`,
              startAt: '2031-01-10T09:00:00Z',
              endAt: '2031-01-10T10:00:00Z',
              participants: [{ email: `a${i}@two.example` }, { email: `b${i}@two.example` }],
            },
          ],
        }),
      ),
    );
    const ids = created.map((r) => {
      expect(r.status).toBe(201);
      return r.body.data[0].id as string;
    });
    const runBoth = () =>
      Promise.all([t.admin.post(`${API}/test-clock/advance`, { minutes: 0 }), b.admin.post(`${API}/test-clock/advance`, { minutes: 0 })]);
    await runBoth();
    const changes = await Promise.all(
      ids.map((id, i) => (i % 2 ? t.admin : b.admin).patch(`${R}/events/${id}`, { data: { location: 'Moved' } })),
    );
    for (const c of changes) expect(c.status).toBe(200);
    await runBoth();
    await runBoth();
    const invitations = smtp.mails.map(readInvitation);
    expect(invitations).toHaveLength(N * 2 * 2);
    const keys = new Set(invitations.map((m) => `${m.uid}|${m.sequence}|${m.to[0]}`));
    expect(keys.size).toBe(N * 2 * 2);
    for (const id of ids) {
      expect(
        invitations
          .filter((m) => m.uid === `${id}@rapport`)
          .map((m) => m.sequence)
          .sort(),
      ).toEqual([0, 0, 1, 1]);
    }
    const logged = await t.server.database.db.selectFrom('sent_emails').select('id').where('module', '=', 'events').execute();
    expect(logged).toHaveLength(N * 2 * 2);
  });
});
