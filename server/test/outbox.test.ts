import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';
import { testDialects } from './pg.js';

// The outbox stores each record event's payload as JSON it writes itself (records/outbox.ts: key
// by key, empty fields left out); readers parse it after commit. Whatever a field holds, the
// stored JSON is valid and gives back the record as the API answered it.
const dialects = await testDialects();

describe.each(dialects)('record events in the outbox on %s', (dialect) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(dialect);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('stores the record as created, empty fields left out, whatever its text holds', async () => {
    const lead = {
      lastName: 'O"Brien \\ the \u2028 second',
      firstName: 'Zoë',
      company: 'Tab\tand\nnewline Ltd',
      title: '~!#[]{}<>&',
      description: 'emoji 😀 and a line separator \u2028',
      annualRevenue: 1234567.5,
      numberOfEmployees: 0,
      email: 'obrien@example.com',
    };
    const created = await t.admin.post('/api/v1/records/leads', { data: [lead] });
    expect(created.status, created.text).toBe(201);
    const record = created.body.data[0].record as Record<string, unknown>;
    const { db } = t.server.database;
    const row = await db
      .selectFrom('record_events')
      .select(['type', 'payload'])
      .where('recordId', '=', record.id as string)
      .executeTakeFirstOrThrow();
    expect(row.type).toBe('created');
    const stored = JSON.parse(row.payload as string).record as Record<string, unknown>;
    const given = Object.fromEntries(Object.entries(record).filter(([, v]) => v !== null));
    // Lookup names are filled for the answer only; the event has the ids.
    for (const key of ['owner', 'createdBy', 'modifiedBy']) {
      expect((stored[key] as { id: string }).id).toBe((given[key] as { id: string }).id);
      delete stored[key];
      delete given[key];
    }
    expect(stored).toEqual(given);
    expect(Object.values(stored)).not.toContain(null);
    // The history entry of a change to such text reads back as written, and search finds it.
    const next = 'Mc"Kenna \\ 😀 \u2029 end';
    const patched = await t.admin.patch(`/api/v1/records/leads/${record.id}`, { data: { lastName: next } });
    expect(patched.status, patched.text).toBe(200);
    const history = (await t.admin.get(`/api/v1/records/leads/${record.id}/history`)).body.data as {
      action: string;
      changes: { field: string; old: unknown; new: unknown }[];
    }[];
    expect(history.find((h) => h.action === 'updated')?.changes).toEqual([{ field: 'lastName', old: lead.lastName, new: next }]);
    const found = (await t.admin.get('/api/v1/search?q=zo%C3%AB%20kenna')).body.data;
    expect(found).toEqual([expect.objectContaining({ module: 'leads', id: record.id })]);
  });
});
