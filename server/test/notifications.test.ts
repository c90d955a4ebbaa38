import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type SecondServer, startSecondServer, startTestServer, type TestServer } from './harness.js';
import { decodeHeader, type SmtpCapture, startSmtpCapture, topHeader } from './mail-capture.js';
import { testDialects } from './pg.js';

const API = '/api/v1';
const dialects = await testDialects();

const until = async (check: () => Promise<boolean> | boolean, ms = 10_000) => {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('condition not met in time');
};


describe.each(dialects)('notifications on %s', (dialect) => {
  let t: TestServer;
  let smtp: SmtpCapture;
  let ada: Client;
  let adaId: string;
  let bob: Client;
  let bobId: string;

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    t = await startTestServer(dialect, { RAPPORT_TEST_CLOCK: '1', SMTP_URL: smtp.url });
    const mk = async (name: string, email: string) => {
      const r = await t.admin.post(`${API}/users`, { email, name, password: 'password 123', profile: 'Standard' });
      expect(r.status, r.text).toBe(201);
      const c = t.client();
      await c.login(email, 'password 123');
      return { c, id: r.body.data.id as string };
    };
    ({ c: ada, id: adaId } = await mk('Ada Lovelace', 'ada@example.com'));
    ({ c: bob, id: bobId } = await mk('Bob Stone', 'bob@example.com'));
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  /** Runs the job worker (outbox readers, then due jobs) without moving time. */
  const settle = () => t.admin.post(`${API}/test-clock/advance`, { minutes: 0 });
  const inbox = async (c: Client, query = '') =>
    (await c.get(`${API}/notifications${query}`)).body as { data: Json[]; unreadCount: number };
  const create = async (c: Client, module: string, data: Record<string, unknown>) => {
    const r = await c.post(`${API}/records/${module}`, { data: [data] });
    expect(r.body.data?.[0]?.status, r.text).toBe('success');
    return r.body.data[0].record as Record<string, Json>;
  };

  it('notifies the owner of a record assigned by someone else, not one assigned to oneself', async () => {
    const before = (await inbox(ada)).data.length;
    const deal = await create(t.admin, 'accounts', { name: 'Assigned Ltd', owner: { id: adaId } });
    await create(ada, 'tasks', { subject: 'My own task', owner: { id: adaId } });
    await settle();
    const after = (await inbox(ada)).data;
    expect(after.length).toBe(before + 1);
    expect(after[0]).toMatchObject({
      kind: 'assigned',
      title: 'Assigned Ltd',
      body: 'admin',
      read: false,
      record: { module: 'accounts', id: deal.id, name: 'Assigned Ltd' },
    });
    // A later change of owner notifies the new owner.
    const task = await create(t.admin, 'tasks', { subject: 'Hand over' });
    await t.admin.patch(`${API}/records/tasks/${task.id}`, { data: { owner: { id: bobId } } });
    await settle();
    expect((await inbox(bob)).data.find((n) => n.record?.id === task.id)).toMatchObject({ kind: 'assigned', title: 'Hand over' });
  });

  it('notifies a user mentioned in a note, once per note, opening the record it is about', async () => {
    const acct = await create(t.admin, 'accounts', { name: 'Mention Co' });
    const note = await create(t.admin, 'notes', {
      content: 'Call back tomorrow, @Bob Stone please check the contract',
      relatedTo: { module: 'accounts', id: acct.id },
    });
    await create(t.admin, 'notes', { content: 'Nothing for @Bob Stoneman here', relatedTo: { module: 'accounts', id: acct.id } });
    await settle();
    await t.admin.patch(`${API}/records/notes/${note.id}`, { data: { content: 'Updated: @bob stone please check the contract' } });
    await settle();
    const mentions = (await inbox(bob)).data.filter((n) => n.kind === 'mention');
    expect(mentions).toHaveLength(1);
    expect(mentions[0]).toMatchObject({
      title: 'Call back tomorrow, @Bob Stone please check the contract',
      body: 'admin',
      record: { module: 'accounts', id: acct.id },
    });
  });

  it("marks one read, refuses another user's notification and bad ids, marks all read", async () => {
    const mine = await inbox(bob);
    expect(mine.unreadCount).toBeGreaterThan(0);
    const one = mine.data[0];
    const other = (await inbox(ada)).data[0];
    expect((await bob.post(`${API}/notifications/${other.id}/read`)).status).toBe(404);
    expect((await ada.get(`${API}/notifications?unread=true`)).body.data.find((n: Json) => n.id === other.id)).toBeTruthy();
    const r = await bob.post(`${API}/notifications/${one.id}/read`);
    expect(r.status).toBe(200);
    expect(r.body.data).toMatchObject({ id: one.id, read: true });
    expect((await inbox(bob, '?unread=true')).data.find((n) => n.id === one.id)).toBeUndefined();
    for (const bad of ['nope', '..%2F..', 'x'.repeat(65), '%00']) {
      const res = await bob.post(`${API}/notifications/${bad}/read`);
      expect(res.status, bad).toBeGreaterThanOrEqual(400);
      expect(res.status, bad).toBeLessThan(500);
      expect(res.body.error.code).toBeTruthy();
    }
    expect((await bob.get(`${API}/notifications?unread=maybe`)).status).toBe(400);
    expect((await bob.get(`${API}/notifications?other=1`)).status).toBe(400);
    const all = await bob.post(`${API}/notifications/read-all`);
    expect(all.status).toBe(200);
    expect((await inbox(bob)).unreadCount).toBe(0);
    expect((await inbox(ada)).unreadCount).toBeGreaterThan(0);
    expect((await t.client().get(`${API}/notifications`)).status).toBe(401);
  });

  it('keeps per-user settings: off stores nothing, email sends to a real SMTP server', async () => {
    expect((await ada.get(`${API}/notifications/settings`)).body.data).toMatchObject({
      assigned: 'inApp',
      reminder: 'inApp',
      mention: 'inApp',
    });
    for (const bad of [{ assigned: 'sms' }, { unknown: 'off' }, { assigned: null }, [], 'x']) {
      const r = await ada.patch(`${API}/notifications/settings`, bad);
      expect(r.status, JSON.stringify(bad)).toBe(400);
    }
    expect((await ada.get(`${API}/notifications/settings`)).body.data.assigned).toBe('inApp');
    const r = await ada.patch(`${API}/notifications/settings`, { assigned: 'off', mention: 'email' });
    expect(r.status, r.text).toBe(200);
    expect(r.body.data).toMatchObject({ assigned: 'off', mention: 'email', reminder: 'inApp' });
    const before = (await inbox(ada)).data.length;
    await create(t.admin, 'accounts', { name: 'Quiet Ltd', owner: { id: adaId } });
    const acct = await create(t.admin, 'accounts', { name: 'Loud Ltd' });
    await create(t.admin, 'notes', { content: 'Over to you @Ada Lovelace', relatedTo: { module: 'accounts', id: acct.id } });
    await settle();
    const after = (await inbox(ada)).data;
    expect(after.length).toBe(before + 1);
    expect(after[0].kind).toBe('mention');
    await settle();
    await until(() => smtp.mails.some((m) => m.to.includes('ada@example.com')));
    const mail = smtp.mails.find((m) => m.to.includes('ada@example.com'));
    expect(mail?.raw).toContain('Subject: You were mentioned: Over to you @Ada Lovelace');
    expect(mail?.raw).toContain(`/m/accounts/${acct.id}`);
    await settle();
    expect(smtp.mails.filter((m) => m.to.includes('ada@example.com'))).toHaveLength(1);
  });

  it('delivers custom notifications on a filter and a trigger, for the user who set them', async () => {
    const bad = [
      { name: 'x', module: 'tasks', trigger: 'created' },
      { name: 'x', module: 'deals', trigger: 'whenever' },
      { name: 'x', module: 'deals', trigger: 'fieldChanged' },
      { name: 'x', module: 'deals', trigger: 'fieldChanged', fields: ['noSuchField'] },
      { name: 'x', module: 'contacts', trigger: 'stageChanged' },
      { name: 'x', module: 'deals', trigger: 'created', criteria: { field: 'nope', op: 'eq', value: 1 } },
      { name: '', module: 'deals', trigger: 'created' },
      { module: 'deals', trigger: 'created' },
    ];
    for (const b of bad) {
      const r = await bob.post(`${API}/notifications/subscriptions`, b);
      expect(r.status, JSON.stringify(b)).toBe(400);
      expect(r.body.error.code).toBeTruthy();
    }
    expect((await bob.get(`${API}/notifications/subscriptions`)).body.data).toHaveLength(0);
    const sub = async (body: Record<string, unknown>) => {
      const r = await bob.post(`${API}/notifications/subscriptions`, body);
      expect(r.status, r.text).toBe(201);
      return r.body.data;
    };
    const big = await sub({
      name: 'Big lead in',
      module: 'leads',
      trigger: 'created',
      criteria: { field: 'company', op: 'contains', value: 'Mega' },
    });
    await sub({ name: 'Phone changed', module: 'contacts', trigger: 'fieldChanged', fields: ['phone'] });
    await sub({ name: 'Deal moved', module: 'deals', trigger: 'stageChanged' });
    await sub({ name: 'Task on lead', module: 'leads', trigger: 'taskAdded' });
    expect((await ada.patch(`${API}/notifications/subscriptions/${big.id}`, { name: 'mine now' })).status).toBe(404);
    expect((await ada.delete(`${API}/notifications/subscriptions/${big.id}`)).status).toBe(404);

    const mega = await create(t.admin, 'leads', { lastName: 'Ray', company: 'Mega Corp' });
    await create(t.admin, 'leads', { lastName: 'Small', company: 'Tiny Ltd' });
    const contact = await create(t.admin, 'contacts', { lastName: 'Phoned' });
    await t.admin.patch(`${API}/records/contacts/${contact.id}`, { data: { phone: '+1 555 0100' } });
    await t.admin.patch(`${API}/records/contacts/${contact.id}`, { data: { title: 'CEO' } });
    const deal = await create(t.admin, 'deals', { dealName: 'Moving deal', stage: 'Qualification', closingDate: '2030-06-30' });
    await t.admin.patch(`${API}/records/deals/${deal.id}`, { data: { stage: 'Proposal' } });
    await create(t.admin, 'tasks', { subject: 'Follow up Ray', relatedTo: { module: 'leads', id: mega.id } });
    // Bob's own change does not notify Bob.
    await bob.patch(`${API}/records/contacts/${contact.id}`, { data: { phone: '+1 555 0199' } });
    await settle();
    const custom = (await inbox(bob)).data.filter((n) => n.kind === 'custom');
    const titles = custom.map((n) => `${n.title}|${n.record.id}`).sort();
    expect(titles).toEqual(
      [`Big lead in|${mega.id}`, `Deal moved|${deal.id}`, `Phone changed|${contact.id}`, `Task on lead|${mega.id}`].sort(),
    );
    expect((await inbox(ada)).data.filter((n) => n.kind === 'custom')).toHaveLength(0);
    // Paused, it no longer fires; deleted, it is gone.
    expect((await bob.patch(`${API}/notifications/subscriptions/${big.id}`, { active: false })).body.data.active).toBe(false);
    await create(t.admin, 'leads', { lastName: 'Ray2', company: 'Mega Two' });
    await settle();
    expect((await inbox(bob)).data.filter((n) => n.kind === 'custom')).toHaveLength(4);
    expect((await bob.delete(`${API}/notifications/subscriptions/${big.id}`)).status).toBe(200);
    expect((await bob.get(`${API}/notifications/subscriptions`)).body.data).toHaveLength(3);
  });

  it("emails each user in their own language: Russian for 'ru', English for a locale the server has no texts for", async () => {
    const mk = async (name: string, email: string, locale: string) => {
      const r = await t.admin.post(`${API}/users`, { email, name, password: 'password 123', profile: 'Standard', locale });
      expect(r.status, r.text).toBe(201);
      const c = t.client();
      await c.login(email, 'password 123');
      expect((await c.patch(`${API}/notifications/settings`, { mention: 'email' })).status).toBe(200);
    };
    await mk('Ivan Petrov', 'ivan@example.com', 'ru');
    await mk('Piotr Nowak', 'piotr@example.com', 'pl-PL');
    const acct = await create(t.admin, 'accounts', { name: 'Polyglot LLC' });
    const content = 'Please call back @Ivan Petrov and @Piotr Nowak';
    await create(t.admin, 'notes', { content, relatedTo: { module: 'accounts', id: acct.id } });
    await settle();
    await until(() => ['ivan@example.com', 'piotr@example.com'].every((a) => smtp.mails.some((m) => m.to.includes(a))));
    const subjectOf = (address: string) => decodeHeader(topHeader(smtp.mails.find((m) => m.to.includes(address))?.raw ?? '', 'Subject'));
    expect(subjectOf('ivan@example.com')).toBe(`Вас упомянули: ${content}`);
    expect(subjectOf('piotr@example.com')).toBe(`You were mentioned: ${content}`);
  });

  it('pushes a new notification to a real client reading the server-sent events stream', async () => {
    expect((await t.client().get(`${API}/notifications/stream`)).status).toBe(401);
    const received: Json[] = [];
    const base = new URL(t.url);
    const req = http.request({
      host: base.hostname,
      port: base.port,
      path: `${API}/notifications/stream`,
      headers: { cookie: ada.cookie as string },
    });
    let contentType = '';
    const opened = new Promise<void>((resolve, reject) => {
      req.on('response', (res) => {
        contentType = String(res.headers['content-type']);
        let buffer = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffer += chunk;
          if (buffer.includes(': connected')) resolve();
          let i = buffer.indexOf('\n\n');
          while (i >= 0) {
            const block = buffer.slice(0, i);
            buffer = buffer.slice(i + 2);
            const data = block.split('\n').find((l) => l.startsWith('data: '));
            if (block.includes('event: notification') && data) received.push(JSON.parse(data.slice(6)));
            i = buffer.indexOf('\n\n');
          }
        });
      });
      req.on('error', reject);
    });
    req.end();
    await opened;
    expect(contentType).toMatch(/^text\/event-stream/);
    // Give the stream's first poll its baseline before the notification is made.
    await new Promise((r) => setTimeout(r, 1200));
    await ada.patch(`${API}/notifications/settings`, { assigned: 'inApp' });
    const acct = await create(t.admin, 'accounts', { name: 'Streamed Ltd', owner: { id: adaId } });
    await settle();
    await until(() => received.some((n) => n.record?.id === acct.id));
    expect(received.find((n) => n.record?.id === acct.id)).toMatchObject({ kind: 'assigned', title: 'Streamed Ltd', read: false });
    req.destroy();
  });
});

/** Reads `event: notification` blocks from the stream into `received`; resolves once connected. */
function openStream(baseUrl: string, cookie: string, received: Json[]): Promise<http.ClientRequest> {
  const base = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: base.hostname, port: base.port, path: `${API}/notifications/stream`, headers: { cookie } });
    req.on('response', (res) => {
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        if (buffer.includes(': connected')) resolve(req);
        let i = buffer.indexOf('\n\n');
        while (i >= 0) {
          const block = buffer.slice(0, i);
          buffer = buffer.slice(i + 2);
          const data = block.split('\n').find((l) => l.startsWith('data: '));
          if (block.includes('event: notification') && data) received.push(JSON.parse(data.slice(6)));
          i = buffer.indexOf('\n\n');
        }
      });
    });
    req.on('error', reject);
    req.end();
  });
}

// biome-ignore lint/suspicious/noExplicitAny: test assertions read the JSON loosely
type Json = any;

describe.each(dialects.filter((d) => d === 'postgres'))('live notifications across two app servers on one %s database', (dialect) => {
  let a: TestServer;
  let b: SecondServer;

  beforeAll(async () => {
    a = await startTestServer(dialect, { RAPPORT_TEST_CLOCK: '1' });
    b = await startSecondServer(a, { RAPPORT_TEST_CLOCK: '1' });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('a client of one server receives a notification made by the other', async () => {
    const user = await a.admin.post(`${API}/users`, { email: 'cleo@example.com', name: 'Cleo Cross', password: 'password 123', profile: 'Standard' });
    expect(user.status, user.text).toBe(201);
    const cleo = b.client();
    await cleo.login('cleo@example.com', 'password 123');
    const received: Json[] = [];
    const req = await openStream(b.url, cleo.cookie as string, received);
    await new Promise((r) => setTimeout(r, 1200));
    const made = await a.admin.post(`${API}/records/accounts`, { data: [{ name: 'Cross Server Ltd', owner: { id: user.body.data.id } }] });
    const id = made.body.data[0].id as string;
    await a.admin.post(`${API}/test-clock/advance`, { minutes: 0 });
    await until(() => received.some((n) => n.record?.id === id));
    expect(received.filter((n) => n.record?.id === id)).toHaveLength(1);
    expect(received.find((n) => n.record?.id === id)).toMatchObject({ kind: 'assigned', title: 'Cross Server Ltd' });
    req.destroy();
  });
});
