import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestServer, startTestServer } from './harness.js';
import { testDialects } from './pg.js';

const dialects = await testDialects();

describe.each(dialects)('CSV export on %s', (dialect) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(dialect);
    const acct = await t.admin.post('/api/v1/records/accounts', { data: [{ name: 'Export Co' }] });
    const rows = [
      { firstName: 'Eve', lastName: '=HYPERLINK("http://evil.example")', account: acct.body.data[0].id, title: '+1 trick' },
      { firstName: 'Ann', lastName: 'Quote "Marks", Inc', title: '@mention' },
      ...Array.from({ length: 450 }, (_, i) => ({ lastName: `Bulk${String(i).padStart(3, '0')}`, title: '-5' })),
    ];
    for (let i = 0; i < rows.length; i += 100) {
      const r = await t.admin.post('/api/v1/records/contacts', { data: rows.slice(i, i + 100) });
      if (r.status !== 201) throw new Error(r.text);
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  it('exports every row of a filtered, sorted list with spreadsheet-safe cells', async () => {
    const r = await t.admin.get('/api/v1/records/contacts/export?fields=firstName,lastName,account,title&sort=lastName');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('text/csv');
    expect(r.headers.get('content-disposition')).toMatch(/attachment; filename="contacts-\d{4}-\d{2}-\d{2}\.csv"/);
    const lines = r.text.replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines[0]).toBe('Id,First Name,Last Name,Account,Title');
    expect(lines).toHaveLength(1 + 452);
    expect(lines[1]).toMatch(/^[a-z0-9]+,Eve,"'=HYPERLINK\(""http:\/\/evil\.example""\)",Export Co,'\+1 trick$/);
    expect(lines.some((l) => l.endsWith(`,Ann,"Quote ""Marks"", Inc",,'@mention`))).toBe(true);
    expect(lines[2]).toMatch(/,Bulk000,,'-5$/);
  });

  it('applies the filter and refuses a bad one before sending anything', async () => {
    const f = encodeURIComponent(JSON.stringify({ field: 'lastName', op: 'startsWith', value: 'bulk04' }));
    const r = await t.admin.get(`/api/v1/records/contacts/export?filter=${f}&fields=lastName`);
    expect(r.text.trim().split('\r\n')).toHaveLength(11);
    const bad = await t.admin.get('/api/v1/records/contacts/export?fields=nope');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('INVALID_REQUEST');
  });
});
