import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestServer, type TestServer } from './harness.js';
import { testDialects } from './pg.js';

const dialects = await testDialects();
const R = '/api/v1/records';

describe.each(dialects)('lead conversion on %s', (dialect) => {
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

  const create = async (module: string, rec: Record<string, unknown>) => {
    const r = await t.admin.post(`${R}/${module}`, { data: [rec] });
    expect(r.status, r.text).toBe(201);
    return r.body.data[0].record;
  };
  const get = async (module: string, id: string) => (await t.admin.get(`${R}/${module}/${id}`)).body.data;
  const count = async (module: string, filter: unknown) =>
    (await t.admin.get(`${R}/${module}/count?filter=${encodeURIComponent(JSON.stringify(filter))}`)).body.count as number;
  const convert = (id: string, body: unknown = {}, client = t.admin) => client.post(`${R}/leads/${id}/convert`, body);

  it('matches an existing account by company case-insensitively and a contact by email, and marks the lead converted', async () => {
    const account = await create('accounts', { name: 'Zoë Industries' });
    const contact = await create('contacts', { lastName: 'Kim', email: 'kim@zoe.example' });
    const lead = await create('leads', { firstName: 'Kim', lastName: 'Lee', company: '  ZOË INDUSTRIES ', email: 'KIM@zoe.example' });
    const r = await convert(lead.id);
    expect(r.status, r.text).toBe(200);
    expect(r.body.data).toEqual({ account: { id: account.id }, contact: { id: contact.id } });
    expect(await count('accounts', { field: 'name', op: 'eq', value: 'zoë industries' })).toBe(1);
    expect(await count('contacts', { field: 'email', op: 'eq', value: 'kim@zoe.example' })).toBe(1);
    // The existing contact had no account: it is linked to the conversion's account.
    expect((await get('contacts', contact.id)).account).toMatchObject({ id: account.id, name: 'Zoë Industries' });

    const converted = await get('leads', lead.id);
    expect(converted).toMatchObject({
      converted: true,
      convertedContact: { id: contact.id, name: 'Kim' },
      convertedAccount: { id: account.id, name: 'Zoë Industries' },
      convertedDeal: null,
      version: lead.version + 1,
    });
    expect(converted.convertedAt).toMatch(/Z$/);
    const h = await t.admin.get(`${R}/leads/${lead.id}/history`);
    expect(h.body.data[0].action).toBe('converted');
    expect(h.body.data[0].changes).toEqual(expect.arrayContaining([{ field: 'converted', old: false, new: true }]));
    // Clients hide converted leads from the default view with this filter.
    const open = await t.admin.get(
      `${R}/leads?filter=${encodeURIComponent(JSON.stringify({ field: 'converted', op: 'eq', value: false }))}`,
    );
    expect(open.body.data.some((l: any) => l.id === lead.id)).toBe(false);
  });

  it('creates the account, contact and deal from the lead when nothing matches', async () => {
    const lead = await create('leads', {
      firstName: 'Ada',
      lastName: 'Byron',
      company: 'Analytical Engines Ltd',
      title: 'CTO',
      email: 'ada@engines.example',
      phone: '+44 20 7946 0000',
      industry: 'Software',
      leadSource: 'Referral',
      annualRevenue: 2500000.5,
      address: { street: '12 St James Sq', city: 'London', postalCode: 'SW1Y 4JH', country: 'GB' },
      tags: ['VIP', 'Conference 2026'],
    });
    const r = await convert(lead.id, {
      deal: { dealName: 'Engines for Ada', amount: 12500.25, stage: 'Proposal', closingDate: '2026-09-30' },
    });
    expect(r.status, r.text).toBe(200);
    const { account, contact, deal } = r.body.data;
    expect(deal.id).toBeTruthy();
    expect(await get('accounts', account.id)).toMatchObject({
      name: 'Analytical Engines Ltd',
      industry: 'Software',
      phone: '+44 20 7946 0000',
      annualRevenue: 2500000.5,
      billingAddress: { city: 'London' },
    });
    expect(await get('contacts', contact.id)).toMatchObject({
      firstName: 'Ada',
      lastName: 'Byron',
      title: 'CTO',
      email: 'ada@engines.example',
      leadSource: 'Referral',
      account: { id: account.id },
      mailingAddress: { city: 'London' },
      contactType: 'Prospect',
      tags: ['VIP', 'Conference 2026'],
    });
    expect(await get('deals', deal.id)).toMatchObject({
      dealName: 'Engines for Ada',
      amount: 12500.25,
      stage: 'Proposal',
      pipeline: 'Sales',
      probability: 50,
      expectedRevenue: 6250.13,
      closingDate: '2026-09-30',
      leadSource: 'Referral',
      tags: ['VIP', 'Conference 2026'],
      account: { id: account.id, name: 'Analytical Engines Ltd' },
      contact: { id: contact.id, name: 'Ada Byron' },
      owner: { id: lead.owner.id },
    });
    expect((await get('leads', lead.id)).convertedDeal).toMatchObject({ id: deal.id, name: 'Engines for Ada' });
    const stages = await t.admin.get(`${R}/deals/${deal.id}/stage-history`);
    expect(stages.body.data).toMatchObject([{ from: null, to: 'Proposal', amount: 12500.25 }]);
  });

  it('uses the chosen account and contact over any match', async () => {
    await create('accounts', { name: 'Chosen Co' });
    const chosenAccount = await create('accounts', { name: 'Another Account' });
    await create('contacts', { lastName: 'Match', email: 'chosen@example.com' });
    const chosenContact = await create('contacts', { lastName: 'Picked', account: chosenAccount.id });
    const lead = await create('leads', { lastName: 'Chooser', company: 'Chosen Co', email: 'chosen@example.com' });
    const r = await convert(lead.id, { account: { id: chosenAccount.id }, contact: { id: chosenContact.id } });
    expect(r.status, r.text).toBe(200);
    expect(r.body.data).toEqual({ account: { id: chosenAccount.id }, contact: { id: chosenContact.id } });
  });

  it("moves notes to the contact and tasks to the deal, and puts the contact in the lead's place in meetings", async () => {
    const lead = await create('leads', { lastName: 'Mover', company: 'Moving Parts', email: 'mover@parts.example' });
    const note = await create('notes', { content: 'Met at the fair', relatedTo: { module: 'leads', id: lead.id } });
    const task = await create('tasks', { subject: 'Send brochure', relatedTo: { module: 'leads', id: lead.id } });
    const call = await create('calls', { subject: 'Intro call', relatedTo: { module: 'leads', id: lead.id } });
    const meeting = await create('events', {
      title: 'Demo',
      startAt: '2026-05-01T09:00:00Z',
      endAt: '2026-05-01T10:00:00Z',
      participants: [{ type: 'lead', id: lead.id }, { email: 'guest@example.com' }],
    });
    const r = await convert(lead.id, { deal: { stage: 'Qualification', closingDate: '2026-12-31' } });
    expect(r.status, r.text).toBe(200);
    const { contact, deal } = r.body.data;
    expect((await get('deals', deal.id)).dealName).toBe('Moving Parts');
    expect((await get('notes', note.id)).relatedTo).toMatchObject({ module: 'contacts', id: contact.id });
    expect((await get('tasks', task.id)).relatedTo).toMatchObject({ module: 'deals', id: deal.id });
    expect((await get('calls', call.id)).relatedTo).toMatchObject({ module: 'deals', id: deal.id });
    const m = await get('events', meeting.id);
    expect(m.participants).toEqual([
      expect.objectContaining({ type: 'contact', id: contact.id, name: 'Mover' }),
      expect.objectContaining({ type: 'email', email: 'guest@example.com' }),
    ]);
    const related = await t.admin.get(`${R}/leads/${lead.id}/related/notes`);
    expect(related.body.data).toEqual([]);
    const contactNotes = await t.admin.get(`${R}/contacts/${contact.id}/related/notes`);
    expect(contactNotes.body.data.map((n: any) => n.id)).toEqual([note.id]);

    // Without a deal, tasks go to the contact too.
    const lead2 = await create('leads', { lastName: 'Solo' });
    const task2 = await create('tasks', { subject: 'Call back', relatedTo: { module: 'leads', id: lead2.id } });
    const r2 = await convert(lead2.id);
    expect(r2.status, r2.text).toBe(200);
    expect((await get('tasks', task2.id)).relatedTo).toMatchObject({ module: 'contacts', id: r2.body.data.contact.id });
    expect((await get('accounts', r2.body.data.account.id)).name).toBe('Solo');
  });

  it('copies custom lead fields as the admin mapped them, and validates the mapping', async () => {
    const field = async (module: string, body: Record<string, unknown>) => {
      const r = await t.admin.post(`/api/v1/modules/${module}/fields`, body);
      expect(r.status, r.text).toBe(201);
      return r.body.data;
    };
    await field('leads', { label: 'Budget Code', type: 'text', maxLength: 40 });
    await field('leads', { label: 'Seats', type: 'integer' });
    await field('leads', { label: 'Tier', type: 'picklist', options: ['Gold', 'Silver', 'Bronze'] });
    await field('contacts', { label: 'Budget Ref', type: 'text' });
    await field('accounts', { label: 'Seat Count', type: 'decimal', decimals: 0 });
    await field('deals', { label: 'Deal Tier', type: 'picklist', options: ['Gold', 'Silver'] });
    await field('deals', { label: 'Kickoff', type: 'date' });

    const before = await t.admin.get('/api/v1/settings/lead-conversion');
    expect(before.status).toBe(200);
    expect(before.body.data.mappings).toEqual([]);
    const seats = before.body.data.options.find((o: any) => o.leadField === 'seats');
    expect(seats.targets.accounts).toEqual(expect.arrayContaining(['numberOfEmployees', 'seatCount']));
    expect(seats.targets.deals).not.toContain('kickoff');

    const bad = async (mappings: unknown[], field: string) => {
      const r = await t.admin.put('/api/v1/settings/lead-conversion', { mappings });
      expect(r.status, r.text).toBe(400);
      expect(r.body.error).toMatchObject({ code: 'INVALID_DATA', details: { field } });
    };
    await bad([{ leadField: 'seats', module: 'deals', field: 'kickoff' }], 'field');
    await bad([{ leadField: 'budgetCode', module: 'contacts', field: 'createdAt' }], 'field');
    await bad([{ leadField: 'email', module: 'contacts', field: 'budgetRef' }], 'leadField');
    await bad([{ leadField: 'budgetCode', module: 'users', field: 'name' }], 'module');
    await bad(
      [
        { leadField: 'budgetCode', module: 'contacts', field: 'budgetRef' },
        { leadField: 'budgetCode', module: 'contacts', field: 'title' },
      ],
      'leadField',
    );
    const forbidden = await std.put('/api/v1/settings/lead-conversion', { mappings: [] });
    expect(forbidden.status).toBe(403);

    const mappings = [
      { leadField: 'budgetCode', module: 'contacts', field: 'budgetRef' },
      { leadField: 'seats', module: 'accounts', field: 'seatCount' },
      { leadField: 'tier', module: 'deals', field: 'dealTier' },
    ];
    const put = await t.admin.put('/api/v1/settings/lead-conversion', { mappings });
    expect(put.status, put.text).toBe(200);
    expect(put.body.data.mappings).toEqual(mappings);
    expect((await std.get('/api/v1/settings/lead-conversion')).body.data.mappings).toEqual(mappings);

    const lead = await create('leads', { lastName: 'Mapped', company: 'Mapping Inc', budgetCode: 'BC-42', seats: 120, tier: 'Gold' });
    const r = await convert(lead.id, { deal: { dealName: 'Mapped deal', stage: 'Qualification', closingDate: '2026-10-01' } });
    expect(r.status, r.text).toBe(200);
    expect(r.body.data.skipped).toBeUndefined();
    expect((await get('contacts', r.body.data.contact.id)).budgetRef).toBe('BC-42');
    expect((await get('accounts', r.body.data.account.id)).seatCount).toBe(120);
    expect((await get('deals', r.body.data.deal.id)).dealTier).toBe('Gold');

    // A value the target does not offer is left out and reported, not a failed conversion.
    const lead2 = await create('leads', { lastName: 'Bronze', company: 'Bronze Age', tier: 'Bronze' });
    const r2 = await convert(lead2.id, { deal: { stage: 'Qualification', closingDate: '2026-10-01' } });
    expect(r2.status, r2.text).toBe(200);
    expect(r2.body.data.skipped).toEqual([expect.objectContaining({ module: 'deals', field: 'dealTier', leadField: 'tier' })]);
    expect((await get('deals', r2.body.data.deal.id)).dealTier).toBeNull();
  });

  it('is one transaction: a deal stage that does not exist leaves everything as it was', async () => {
    const created = await create('leads', { lastName: 'Atomic', company: 'Atomic Widgets', email: 'atomic@widgets.example' });
    const note = await create('notes', { content: 'Keep me', relatedTo: { module: 'leads', id: created.id } });
    // As the note left it (its lastActivityAt set), before the failed conversion.
    const lead = await get('leads', created.id);
    const r = await convert(lead.id, { deal: { dealName: 'Never', stage: 'No Such Stage', closingDate: '2026-10-01' } });
    expect(r.status, r.text).toBe(400);
    expect(r.body.error).toMatchObject({ code: 'INVALID_DATA', details: { field: 'stage', module: 'deals' } });
    expect(await count('accounts', { field: 'name', op: 'eq', value: 'Atomic Widgets' })).toBe(0);
    expect(await count('contacts', { field: 'email', op: 'eq', value: 'atomic@widgets.example' })).toBe(0);
    expect(await count('deals', { field: 'dealName', op: 'eq', value: 'Never' })).toBe(0);
    expect((await get('notes', note.id)).relatedTo).toMatchObject({ module: 'leads', id: lead.id });
    const after = await get('leads', lead.id);
    expect(after).toEqual(lead);
    const h = await t.admin.get(`${R}/leads/${lead.id}/history`);
    expect(h.body.data.map((e: any) => e.action)).toEqual(['created']);

    // A chosen account that does not exist: 400 naming it, nothing written either.
    const r2 = await convert(lead.id, { account: { id: 'nosuchaccount' } });
    expect(r2.status).toBe(400);
    expect(r2.body.error).toMatchObject({ code: 'INVALID_DATA', details: { field: 'account' } });
    expect(await count('contacts', { field: 'email', op: 'eq', value: 'atomic@widgets.example' })).toBe(0);
    // The same lead converts once the request is right.
    expect((await convert(lead.id)).status).toBe(200);
  });

  it('refuses to convert twice and to edit a converted lead (400 LEAD_CONVERTED)', async () => {
    const lead = await create('leads', { lastName: 'Once', company: 'Once Ltd' });
    expect((await convert(lead.id, {}, std)).status).toBe(200);
    const again = await convert(lead.id);
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe('LEAD_CONVERTED');
    const edit = await t.admin.patch(`${R}/leads/${lead.id}`, { data: { title: 'Changed' } });
    expect(edit.status).toBe(400);
    expect(edit.body.error.code).toBe('LEAD_CONVERTED');
    const bulk = await t.admin.patch(`${R}/leads`, { data: [{ id: lead.id, title: 'Changed' }] });
    expect(bulk.body.data[0]).toMatchObject({ status: 'error', code: 'LEAD_CONVERTED' });
    const forged = await t.admin.patch(`${R}/leads/${lead.id}`, { data: { convertedDeal: 'x' } });
    expect(forged.status).toBe(400);
    // Nobody sets the conversion fields by hand on another lead either.
    const other = await create('leads', { lastName: 'Other' });
    const hand = await t.admin.patch(`${R}/leads/${other.id}`, { data: { convertedContact: lead.convertedContact ?? 'abc' } });
    expect(hand.status).toBe(400);
    expect(hand.body.error).toMatchObject({ code: 'INVALID_DATA', details: { field: 'convertedContact' } });
  });

  it('answers 404 for an unknown lead and 400 for a malformed request', async () => {
    expect((await convert('nosuchlead')).status).toBe(404);
    const lead = await create('leads', { lastName: 'Malformed' });
    const r = await convert(lead.id, { deal: { stage: 'Qualification', nope: 1 } });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('INVALID_REQUEST');
    const r2 = await convert(lead.id, { deal: { stage: 'Qualification' } });
    expect(r2.status).toBe(400);
    expect(r2.body.error).toMatchObject({ code: 'REQUIRED_FIELD_MISSING', details: { field: 'closingDate', module: 'deals' } });
    expect((await get('leads', lead.id)).converted).toBe(false);
  });
});
