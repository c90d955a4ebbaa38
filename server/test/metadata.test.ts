import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../src/config.js';
import { type RunningServer, startServer } from '../src/server.js';
import { ADMIN, Client, type Response, type SecondServer, startSecondServer, startTestServer, type TestServer } from './harness.js';
import { freshPostgresDatabase, testDialects } from './pg.js';

/**
 * Metadata (API.md "Metadata", "Standard modules and their fields"; SPEC [MOD-1]–[MOD-6]):
 * standard modules, the default pipeline, custom fields of every creatable type, picklist
 * options, field properties, custom modules, layouts, who may change metadata, and metadata
 * changes seen by other processes on one PostgreSQL database.
 */
const dialects = await testDialects();

const M = '/api/v1/modules';
const R = '/api/v1/records';

const ALL_TYPES = [
  'text',
  'textarea',
  'email',
  'phone',
  'url',
  'picklist',
  'multiselect',
  'date',
  'datetime',
  'integer',
  'bigint',
  'decimal',
  'currency',
  'percent',
  'boolean',
  'lookup',
  'user',
  'autonumber',
  'address',
  'formula',
  'file',
  'relatedTo',
  'participants',
  'tags',
];

// ---------------------------------------------------------------------------------------------
// API.md "Standard modules and their fields": [apiName, type, required, extra]
// Types the table leaves implicit are the obvious ones (names are text, phones are phone, ...).
type Std = [string, string, boolean, { readOnly?: true; lookupModule?: string; options?: string[]; defaultValue?: unknown }?];
const STANDARD: Record<string, { recordName: string[]; fields: Std[] }> = {
  leads: {
    recordName: ['firstName', 'lastName'],
    fields: [
      ['firstName', 'text', false],
      ['lastName', 'text', true],
      ['company', 'text', false],
      ['title', 'text', false],
      ['email', 'email', false],
      ['phone', 'phone', false],
      ['mobile', 'phone', false],
      ['website', 'url', false],
      ['leadSource', 'picklist', false],
      ['leadStatus', 'picklist', false, { options: ['New', 'Contacted', 'Working', 'Qualified', 'Unqualified'], defaultValue: 'New' }],
      ['industry', 'picklist', false],
      ['rating', 'picklist', false, { options: ['Hot', 'Warm', 'Cold'] }],
      ['annualRevenue', 'currency', false],
      ['numberOfEmployees', 'integer', false],
      ['address', 'address', false],
      ['description', 'textarea', false],
      ['score', 'integer', false, { readOnly: true }],
      ['converted', 'boolean', false, { readOnly: true }],
    ],
  },
  contacts: {
    recordName: ['firstName', 'lastName'],
    fields: [
      ['firstName', 'text', false],
      ['lastName', 'text', true],
      ['account', 'lookup', false, { lookupModule: 'accounts' }],
      ['title', 'text', false],
      ['email', 'email', false],
      ['phone', 'phone', false],
      ['mobile', 'phone', false],
      ['contactType', 'picklist', false, { options: ['Prospect', 'Customer'] }],
      ['leadSource', 'picklist', false],
      ['mailingAddress', 'address', false],
      ['birthday', 'date', false],
      ['description', 'textarea', false],
      ['lastActivityAt', 'datetime', false, { readOnly: true }],
    ],
  },
  accounts: {
    recordName: ['name'],
    fields: [
      ['name', 'text', true],
      ['website', 'url', false],
      ['phone', 'phone', false],
      ['industry', 'picklist', false],
      ['accountType', 'picklist', false],
      ['annualRevenue', 'currency', false],
      ['numberOfEmployees', 'integer', false],
      ['billingAddress', 'address', false],
      ['shippingAddress', 'address', false],
      ['parentAccount', 'lookup', false, { lookupModule: 'accounts' }],
      ['description', 'textarea', false],
    ],
  },
  deals: {
    recordName: ['dealName'],
    fields: [
      ['dealName', 'text', true],
      ['account', 'lookup', false, { lookupModule: 'accounts' }],
      ['contact', 'lookup', false, { lookupModule: 'contacts' }],
      ['amount', 'currency', false],
      ['pipeline', 'picklist', false],
      [
        'stage',
        'picklist',
        true,
        { options: ['Qualification', 'Needs Analysis', 'Proposal', 'Negotiation', 'Won', 'Lost', 'Unqualified'] },
      ],
      ['probability', 'percent', false],
      ['expectedRevenue', 'currency', false, { readOnly: true }],
      ['closingDate', 'date', true],
      ['leadSource', 'picklist', false],
      ['nextStep', 'text', false],
      ['lossReason', 'picklist', false],
      ['description', 'textarea', false],
    ],
  },
  tasks: {
    recordName: ['subject'],
    fields: [
      ['subject', 'text', true],
      ['dueAt', 'datetime', false],
      ['status', 'picklist', false, { options: ['Not Started', 'In Progress', 'Waiting', 'Completed', 'Deferred'] }],
      ['priority', 'picklist', false, { options: ['High', 'Normal', 'Low'] }],
      ['relatedTo', 'relatedTo', false],
      ['reminderAt', 'datetime', false],
      ['completedAt', 'datetime', false, { readOnly: true }],
      ['description', 'textarea', false],
    ],
  },
  events: {
    recordName: ['title'],
    fields: [
      ['title', 'text', true],
      ['startAt', 'datetime', true],
      ['endAt', 'datetime', true],
      ['allDay', 'boolean', false],
      ['location', 'text', false],
      ['relatedTo', 'relatedTo', false],
      ['participants', 'participants', false],
      ['description', 'textarea', false],
    ],
  },
  calls: {
    recordName: ['subject'],
    fields: [
      ['subject', 'text', true],
      ['callType', 'picklist', false, { options: ['Inbound', 'Outbound'] }],
      ['callStartAt', 'datetime', false],
      ['durationMinutes', 'integer', false],
      ['result', 'text', false],
      ['relatedTo', 'relatedTo', false],
      ['description', 'textarea', false],
    ],
  },
  notes: {
    recordName: ['title', 'content'],
    fields: [
      ['title', 'text', false],
      ['content', 'textarea', true],
      ['relatedTo', 'relatedTo', true],
    ],
  },
};
const STANDARD_MODULES = Object.keys(STANDARD);
const SYSTEM_FIELDS = ['owner', 'createdAt', 'createdBy', 'modifiedAt', 'modifiedBy'];

// ---------------------------------------------------------------------------------------------
// Custom fields of every creatable type, each with a valid and an invalid value.
interface TypeCase {
  type: string;
  extra?: Record<string, unknown>;
  /** A valid value to write (a function when it needs ids made at run time); absent for autonumber. */
  valid?: unknown | ((ids: Ids) => unknown);
  /** What reading the valid value back gives, when not the value itself. */
  expected?: (ids: Ids) => unknown;
  invalid: unknown;
}
interface Ids {
  accountId: string;
  adminId: string;
  adminName: string;
}
const TYPE_CASES: TypeCase[] = [
  { type: 'text', valid: 'Hello metadata', invalid: 'x'.repeat(256) },
  { type: 'textarea', valid: 'Line one\nLine two', invalid: 'y'.repeat(32_001) },
  { type: 'email', valid: 'ada@example.com', invalid: 'ada at example' },
  { type: 'phone', valid: '+1 (555) 010-0100', invalid: 'call me maybe' },
  { type: 'url', valid: 'https://example.com/path?q=1', invalid: 'ftp://example.com/file' },
  { type: 'picklist', extra: { options: ['Red', 'Green', 'Blue'] }, valid: 'Green', invalid: 'Purple' },
  { type: 'multiselect', extra: { options: ['Red', 'Green', 'Blue'] }, valid: ['Red', 'Blue'], invalid: ['Red', 'Purple'] },
  { type: 'date', valid: '2024-02-29', invalid: '2023-02-29' },
  {
    type: 'datetime',
    valid: '2026-05-01T09:30:00Z',
    expected: () => expect.stringMatching(/^2026-05-01T09:30:00(\.000)?Z$/),
    invalid: '2026-05-01 09:30',
  },
  { type: 'integer', valid: 42, invalid: 2_147_483_648 },
  { type: 'bigint', valid: 9_007_199_254_740_991, invalid: 1.5 },
  { type: 'decimal', valid: 3.14, invalid: 'three' },
  { type: 'currency', valid: 1250.5, invalid: 10.001 },
  { type: 'percent', valid: 12.5, invalid: 100.5 },
  { type: 'boolean', valid: true, invalid: 'yes' },
  {
    type: 'lookup',
    extra: { lookupModule: 'accounts' },
    valid: (ids: Ids) => ids.accountId,
    expected: (ids) => ({ id: ids.accountId, name: 'Metadata Lookup Target' }),
    invalid: 'noSuchAccount000',
  },
  {
    type: 'user',
    valid: (ids: Ids) => ({ id: ids.adminId }),
    expected: (ids) => ({ id: ids.adminId, name: ids.adminName }),
    invalid: 'noSuchUser000',
  },
  { type: 'autonumber', invalid: 7 },
];
const CREATABLE = TYPE_CASES.map((c) => c.type);
const label = (type: string) => `Meta ${type}`;
/** "Meta multiselect" → metaMultiselect */
const apiOf = (type: string) => `meta${type.charAt(0).toUpperCase()}${type.slice(1)}`;

// ---------------------------------------------------------------------------------------------

function expectRecordError(r: Response, field: string, code = 'INVALID_DATA') {
  expect(r.status, r.text).toBe(400);
  expect(r.body.data?.[0], r.text).toMatchObject({ status: 'error', code, details: { field } });
}

function expectError(r: Response, status: number, code: string, field?: string) {
  expect(r.status, r.text).toBe(status);
  expect(r.body?.error?.code, r.text).toBe(code);
  if (field !== undefined) expect(r.body.error.details?.field, r.text).toBe(field);
}

describe.each(dialects)('metadata on %s', (dialect) => {
  let t: TestServer;
  const ids: Ids = { accountId: '', adminId: '', adminName: '' };

  const create = (module: string, record: Record<string, unknown>, client?: Client) =>
    (client ?? t.admin).post(`${R}/${module}`, { data: [record] });
  async function createOk(module: string, record: Record<string, unknown>, client?: Client): Promise<Record<string, any>> {
    const r = await create(module, record, client);
    expect(r.status, r.text).toBe(201);
    return r.body.data[0].record;
  }
  const getRecord = async (module: string, id: string) => {
    const r = await t.admin.get(`${R}/${module}/${id}`);
    expect(r.status, r.text).toBe(200);
    return r.body.data as Record<string, any>;
  };
  const fieldsOf = async (module: string): Promise<any[]> => {
    const r = await t.admin.get(`${M}/${module}/fields`);
    expect(r.status, r.text).toBe(200);
    return r.body.data;
  };
  const fieldOf = async (module: string, apiName: string) => (await fieldsOf(module)).find((f) => f.apiName === apiName);
  const addField = (module: string, body: Record<string, unknown>) => t.admin.post(`${M}/${module}/fields`, body);
  async function addFieldOk(module: string, body: Record<string, unknown>) {
    const r = await addField(module, body);
    expect(r.status, r.text).toBe(201);
    return r.body.data;
  }
  const patchField = (module: string, apiName: string, body: Record<string, unknown>) =>
    t.admin.patch(`${M}/${module}/fields/${apiName}`, body);
  const defaultLayout = async (module: string) => {
    const r = await t.admin.get(`${M}/${module}/layouts`);
    expect(r.status, r.text).toBe(200);
    return r.body.data.find((l: any) => l.isDefault);
  };

  beforeAll(async () => {
    t = await startTestServer(dialect);
    const me = await t.admin.get('/api/v1/me');
    ids.adminId = me.body.user.id;
    ids.adminName = me.body.user.name;
  });
  afterAll(async () => {
    await t?.close();
  });

  // -------------------------------------------------------------------------------------------
  describe('standard modules', () => {
    it('GET /modules lists the eight standard modules with apiName, label, singularLabel and custom', async () => {
      const r = await t.admin.get(M);
      expect(r.status, r.text).toBe(200);
      const names = r.body.data.map((m: any) => m.apiName);
      for (const m of STANDARD_MODULES) expect(names).toContain(m);
      for (const m of r.body.data.filter((x: any) => STANDARD_MODULES.includes(x.apiName))) {
        expect(m).toMatchObject({
          apiName: expect.any(String),
          label: expect.any(String),
          singularLabel: expect.any(String),
          custom: false,
        });
        expect(m.label.length).toBeGreaterThan(0);
        expect(m.singularLabel.length).toBeGreaterThan(0);
      }
    });

    it('GET /modules/{module} gives the module with its fields and layouts', async () => {
      const r = await t.admin.get(`${M}/deals`);
      expect(r.status, r.text).toBe(200);
      const m = r.body.data;
      expect(m).toMatchObject({ apiName: 'deals', custom: false, label: expect.any(String), singularLabel: expect.any(String) });
      expect(m.fields.map((f: any) => f.apiName)).toEqual(expect.arrayContaining(['dealName', 'stage', 'amount', ...SYSTEM_FIELDS]));
      expect(Array.isArray(m.layouts)).toBe(true);
      expect(m.layouts.length).toBeGreaterThan(0);
    });

    it('GET /modules/{module} of an unknown module is 404 NOT_FOUND', async () => {
      expectError(await t.admin.get(`${M}/nosuchmodule`), 404, 'NOT_FOUND');
      expectError(await t.admin.get(`${M}/nosuchmodule/fields`), 404, 'NOT_FOUND');
    });

    it('GET /modules/{module}/fields gives each field with apiName, label, type and its flags', async () => {
      for (const module of STANDARD_MODULES) {
        const fields = await fieldsOf(module);
        expect(fields.length).toBeGreaterThan(0);
        for (const f of fields) {
          expect(f, `${module}.${f.apiName}`).toMatchObject({
            apiName: expect.stringMatching(/^[a-z][a-zA-Z0-9]*$/),
            label: expect.any(String),
            type: expect.any(String),
            required: expect.any(Boolean),
            unique: expect.any(Boolean),
            readOnly: expect.any(Boolean),
            custom: false,
          });
          expect(ALL_TYPES, `${module}.${f.apiName}`).toContain(f.type);
          if (f.type === 'picklist' || f.type === 'multiselect') {
            expect(Array.isArray(f.options), `${module}.${f.apiName} options`).toBe(true);
            for (const o of f.options) expect(o).toMatchObject({ value: expect.any(String), label: expect.any(String) });
          }
          if (f.type === 'lookup') expect(f.lookupModule, `${module}.${f.apiName}`).toEqual(expect.any(String));
        }
        expect(new Set(fields.map((f) => f.apiName)).size).toBe(fields.length);
      }
    });

    it.each(STANDARD_MODULES)(
      '%s has the standard fields of API.md with their types, required markers and read-only flags',
      async (module) => {
        const fields = await fieldsOf(module);
        const byName = new Map(fields.map((f) => [f.apiName, f]));
        for (const [apiName, type, required, extra] of STANDARD[module].fields) {
          const f = byName.get(apiName);
          expect(f, `${module}.${apiName} exists`).toBeDefined();
          expect({ apiName, type: f.type, required: f.required, readOnly: f.readOnly }).toEqual({
            apiName,
            type,
            required,
            readOnly: extra?.readOnly ?? false,
          });
          if (extra?.lookupModule) expect(f.lookupModule, `${module}.${apiName}`).toBe(extra.lookupModule);
        }
        for (const s of SYSTEM_FIELDS) expect(byName.has(s), `${module}.${s}`).toBe(true);
      },
    );

    it('the picklists of API.md have exactly their options in order, and leadStatus defaults to New', async () => {
      for (const [module, spec] of Object.entries(STANDARD)) {
        const fields = await fieldsOf(module);
        for (const [apiName, , , extra] of spec.fields) {
          if (!extra?.options) continue;
          const f = fields.find((x) => x.apiName === apiName);
          expect(
            f.options.map((o: any) => o.value),
            `${module}.${apiName}`,
          ).toEqual(extra.options);
        }
      }
      expect((await fieldOf('leads', 'leadStatus')).defaultValue).toBe('New');
      const lead = await createOk('leads', { lastName: 'Defaulted' });
      expect(lead.leadStatus).toBe('New');
    });

    it('each module names its record by the fields of API.md (search finds it by that name)', async () => {
      const r = await t.admin.get(M);
      for (const m of r.body.data.filter((x: any) => STANDARD_MODULES.includes(x.apiName))) {
        if (m.recordName) expect(m.recordName.fields, m.apiName).toEqual(STANDARD[m.apiName].recordName);
      }
      const acct = await createOk('accounts', { name: 'Zanzibar Namesake Ltd' });
      const s = await t.admin.get('/api/v1/search?q=zanzibar%20namesake&modules=accounts');
      expect(s.body.data).toEqual(
        expect.arrayContaining([expect.objectContaining({ module: 'accounts', id: acct.id, name: 'Zanzibar Namesake Ltd' })]),
      );
    });
  });

  // -------------------------------------------------------------------------------------------
  describe('default pipeline', () => {
    const deal = (extra: Record<string, unknown>) => ({ dealName: 'Pipeline deal', closingDate: '2026-06-30', ...extra });

    it('a deal created without a pipeline goes to the default pipeline Sales', async () => {
      const d = await createOk('deals', deal({ stage: 'Qualification' }));
      expect(d.pipeline).toBe('Sales');
      expect((await getRecord('deals', d.id)).pipeline).toBe('Sales');
    });

    it('a stage that is not a stage of the pipeline is 400 INVALID_DATA naming stage', async () => {
      expectRecordError(await create('deals', deal({ stage: 'Closed Won Maybe' })), 'stage');
      const d = await createOk('deals', deal({ stage: 'Qualification' }));
      const u = await t.admin.patch(`${R}/deals/${d.id}`, { data: { stage: 'Closed Won Maybe' } });
      expectError(u, 400, 'INVALID_DATA', 'stage');
      expect((await getRecord('deals', d.id)).stage).toBe('Qualification');
    });

    it('probability defaults from the stage', async () => {
      const stages: [string, number][] = [
        ['Qualification', 10],
        ['Needs Analysis', 20],
        ['Proposal', 50],
        ['Negotiation', 75],
        ['Won', 100],
        ['Lost', 0],
        ['Unqualified', 0],
      ];
      for (const [stage, p] of stages) {
        // A lost or unqualified deal carries a loss reason.
        const d = await createOk('deals', deal({ stage, ...(p === 0 ? { lossReason: 'Price' } : {}) }));
        expect(d.probability, stage).toBe(p);
      }
    });

    it('probability follows stage changes', async () => {
      const d = await createOk('deals', deal({ stage: 'Proposal', amount: 1000 }));
      expect(d.probability).toBe(50);
      const u = await t.admin.patch(`${R}/deals/${d.id}`, { data: { stage: 'Negotiation' } });
      expect(u.status, u.text).toBe(200);
      expect(u.body.data.probability).toBe(75);
      expect((await getRecord('deals', d.id)).probability).toBe(75);
    });

    it('expectedRevenue = amount × probability / 100 (1000 × 50% = 500) and follows changes', async () => {
      const d = await createOk('deals', deal({ stage: 'Proposal', amount: 1000 }));
      expect(d.expectedRevenue).toBe(500);
      const u = await t.admin.patch(`${R}/deals/${d.id}`, { data: { stage: 'Negotiation' } });
      expect(u.body.data.expectedRevenue).toBe(750);
      const u2 = await t.admin.patch(`${R}/deals/${d.id}`, { data: { amount: 2000.5 } });
      expect(u2.body.data.expectedRevenue).toBe(1500.38);
      expect((await getRecord('deals', d.id)).expectedRevenue).toBe(1500.38);
    });
  });

  // -------------------------------------------------------------------------------------------
  describe('custom fields of every creatable type', () => {
    let existingId = '';

    beforeAll(async () => {
      const a = await createOk('accounts', { name: 'Metadata Lookup Target' });
      ids.accountId = a.id;
      existingId = (await createOk('leads', { lastName: 'Existed Before Fields' })).id;
    });

    it.each(TYPE_CASES)('POST /modules/leads/fields adds a $type field named from its label', async ({ type, extra }) => {
      const r = await addField('leads', { label: label(type), type, ...extra });
      expect(r.status, r.text).toBe(201);
      expect(r.body.data).toMatchObject({
        apiName: apiOf(type),
        label: label(type),
        type,
        required: false,
        unique: false,
        readOnly: type === 'autonumber',
        custom: true,
      });
      if (extra?.options) expect(r.body.data.options).toEqual((extra.options as string[]).map((v) => ({ value: v, label: v })));
      if (extra?.lookupModule) expect(r.body.data.lookupModule).toBe(extra.lookupModule);
      const f = await fieldOf('leads', apiOf(type));
      expect(f).toMatchObject({ type, custom: true });
    });

    it('the API name is derived from the label ("Annual Budget" → annualBudget)', async () => {
      const f = await addFieldOk('leads', { label: 'Annual Budget', type: 'currency' });
      expect(f.apiName).toBe('annualBudget');
      const f2 = await addFieldOk('leads', { label: 'Número de Pedido', type: 'text' });
      expect(f2.apiName).toMatch(/^[a-z][a-zA-Z0-9]*$/);
      expect(f2.apiName.toLowerCase()).toBe('numerodepedido');
    });

    it('a derived API name that is taken gets a suffix', async () => {
      const f = await addFieldOk('leads', { label: 'Annual Budget', type: 'currency' });
      expect(f.apiName).not.toBe('annualBudget');
      expect(f.apiName).toMatch(/^annualBudget[0-9]+$/);
      const g = await addFieldOk('leads', { label: 'Email', type: 'email' });
      expect(g.apiName).not.toBe('email');
      expect(g.apiName).toMatch(/^email[0-9]+$/);
      expect((await fieldOf('leads', 'email')).custom).toBe(false);
    });

    it('an explicit API name that is taken is 409 DUPLICATE_DATA', async () => {
      expectError(await addField('leads', { label: 'Budget Again', type: 'currency', apiName: 'annualBudget' }), 409, 'DUPLICATE_DATA');
      expectError(await addField('leads', { label: 'Other Email', type: 'email', apiName: 'email' }), 409, 'DUPLICATE_DATA');
      expectError(await addField('leads', { label: 'Owner Again', type: 'text', apiName: 'owner' }), 409, 'DUPLICATE_DATA');
      expect((await fieldOf('leads', 'annualBudget')).label).toBe('Annual Budget');
    });

    it('an explicit API name differing only in case from an existing field is 409 DUPLICATE_DATA (never a 5xx)', async () => {
      // SQLite column names are case-insensitive, so firstName and firstname cannot both be columns;
      // API names must therefore be unique ignoring case on both engines.
      const r = await addField('leads', { label: 'First Name Again', type: 'text', apiName: 'firstname' });
      expectError(r, 409, 'DUPLICATE_DATA');
      const names = (await fieldsOf('leads')).map((f) => f.apiName.toLowerCase());
      expect(names.filter((n) => n === 'firstname')).toHaveLength(1);
    });

    it('a derived API name that differs only in case from an existing field gets a suffix', async () => {
      const r = await addField('leads', { label: 'Lastname', type: 'text' });
      expect(r.status, r.text).toBe(201);
      expect(r.body.data.apiName.toLowerCase()).not.toBe('lastname');
      expect(r.body.data.apiName).toMatch(/^lastname[0-9]+$/i);
      const rec = await createOk('leads', { lastName: 'Case', [r.body.data.apiName]: 'other' });
      expect(await getRecord('leads', rec.id)).toMatchObject({ lastName: 'Case', [r.body.data.apiName]: 'other' });
    });

    it('records that existed before get null for the new fields', async () => {
      const rec = await getRecord('leads', existingId);
      for (const { type } of TYPE_CASES) {
        expect(rec, apiOf(type)).toHaveProperty(apiOf(type));
        if (type === 'boolean') expect([null, false], apiOf(type)).toContain(rec[apiOf(type)]);
        else expect(rec[apiOf(type)], apiOf(type)).toBeNull();
      }
    });

    it('records that existed before get the default of a new field that has one', async () => {
      await addFieldOk('leads', { label: 'Meta Defaulted', type: 'text', defaultValue: 'Unset' });
      await addFieldOk('leads', { label: 'Meta Default Pick', type: 'picklist', options: ['One', 'Two'], defaultValue: 'Two' });
      const rec = await getRecord('leads', existingId);
      expect(rec.metaDefaulted).toBe('Unset');
      expect(rec.metaDefaultPick).toBe('Two');
      const fresh = await createOk('leads', { lastName: 'After Default' });
      expect(fresh.metaDefaulted).toBe('Unset');
      expect(fresh.metaDefaultPick).toBe('Two');
    });

    it.each(TYPE_CASES.filter((c) => c.type !== 'autonumber'))('a valid $type value is written and read back', async (c) => {
      const value = typeof c.valid === 'function' ? (c.valid as (i: Ids) => unknown)(ids) : c.valid;
      const expected = c.expected ? c.expected(ids) : value;
      const rec = await createOk('leads', { lastName: `Valid ${c.type}`, [apiOf(c.type)]: value });
      expect(rec[apiOf(c.type)]).toEqual(expected);
      expect((await getRecord('leads', rec.id))[apiOf(c.type)]).toEqual(expected);
      // And through an update of an existing record.
      const other = await createOk('leads', { lastName: `Updated ${c.type}` });
      const u = await t.admin.patch(`${R}/leads/${other.id}`, { data: { [apiOf(c.type)]: value } });
      expect(u.status, u.text).toBe(200);
      expect(u.body.data[apiOf(c.type)]).toEqual(expected);
    });

    it.each(TYPE_CASES)('an invalid $type value is rejected with INVALID_DATA naming the field', async (c) => {
      expectRecordError(await create('leads', { lastName: `Invalid ${c.type}`, [apiOf(c.type)]: c.invalid }), apiOf(c.type));
      const rec = await createOk('leads', { lastName: `Kept ${c.type}` });
      const u = await t.admin.patch(`${R}/leads/${rec.id}`, { data: { [apiOf(c.type)]: c.invalid } });
      expectError(u, 400, 'INVALID_DATA', apiOf(c.type));
      expect((await getRecord('leads', rec.id)).version).toBe(1);
    });

    it('a batch with one invalid value per custom type fails each record naming its field', async () => {
      const r = await t.admin.post(`${R}/leads`, {
        data: TYPE_CASES.map((c) => ({ lastName: `Batch ${c.type}`, [apiOf(c.type)]: c.invalid })),
      });
      expect(r.status, r.text).toBe(400);
      expect(r.body.data.map((x: any) => [x.code, x.details?.field])).toEqual(TYPE_CASES.map((c) => ['INVALID_DATA', apiOf(c.type)]));
    });

    it('the create response carries every field like GET does (unset ones as null)', async () => {
      const r = await create('leads', { lastName: 'Complete Response' });
      expect(r.status, r.text).toBe(201);
      const got = await getRecord('leads', r.body.data[0].id);
      expect(r.body.data[0].record).toEqual(got);
    });

    it('autonumber fields number new records one after another', async () => {
      const a = await createOk('leads', { lastName: 'Auto A' });
      const b = await createOk('leads', { lastName: 'Auto B' });
      expect(typeof a.metaAutonumber).toBe('number');
      expect(b.metaAutonumber).toBe(a.metaAutonumber + 1);
      const batch = await t.admin.post(`${R}/leads`, { data: [{ lastName: 'Auto C' }, { lastName: 'Auto D' }] });
      expect(batch.status, batch.text).toBe(201);
      expect(batch.body.data.map((x: any) => x.record.metaAutonumber)).toEqual([b.metaAutonumber + 1, b.metaAutonumber + 2]);
      expect((await getRecord('leads', a.id)).metaAutonumber).toBe(a.metaAutonumber);
    });

    it('autonumber fields are read-only: writing another number is INVALID_DATA, echoing the same is fine', async () => {
      const a = await createOk('leads', { lastName: 'Auto RO' });
      const u = await t.admin.patch(`${R}/leads/${a.id}`, { data: { metaAutonumber: a.metaAutonumber + 100 } });
      expectError(u, 400, 'INVALID_DATA', 'metaAutonumber');
      const same = await t.admin.patch(`${R}/leads/${a.id}`, { data: { metaAutonumber: a.metaAutonumber, firstName: 'Echo' } });
      expect(same.status, same.text).toBe(200);
      expect(same.body.data.metaAutonumber).toBe(a.metaAutonumber);
      expect((await fieldOf('leads', 'metaAutonumber')).readOnly).toBe(true);
    });

    it.each(['formula', 'file', 'relatedTo', 'participants'])('a %s field cannot be created yet (400)', async (type) => {
      const r = await addField('leads', { label: `Not Yet ${type}`, type });
      expect(r.status, r.text).toBe(400);
      expect(r.body.error.code).toBe('INVALID_DATA');
      expect(r.body.error.details.field).toBe('type');
      expect((await fieldsOf('leads')).some((f) => f.label === `Not Yet ${type}`)).toBe(false);
    });

    it('an unknown type is 400 and a picklist without options is 400', async () => {
      expectError(await addField('leads', { label: 'Weird', type: 'hologram' }), 400, 'INVALID_DATA', 'type');
      expectError(await addField('leads', { label: 'Empty Pick', type: 'picklist' }), 400, 'INVALID_DATA', 'options');
      expectError(
        await addField('leads', { label: 'Bad Lookup', type: 'lookup', lookupModule: 'nosuchmodule' }),
        400,
        'INVALID_DATA',
        'lookupModule',
      );
    });

    it('every creatable type is listed, in GET fields, as a custom field of leads', async () => {
      const fields = await fieldsOf('leads');
      for (const type of CREATABLE) expect(fields.find((f) => f.apiName === apiOf(type))?.type, type).toBe(type);
    });
  });

  // -------------------------------------------------------------------------------------------
  describe('picklist options', () => {
    const opts = (f: any) => f.options.map((o: any) => (o.retired ? `${o.value}(retired)` : o.value));

    beforeAll(async () => {
      await addFieldOk('contacts', { label: 'Tier', type: 'picklist', options: ['Gold', 'Silver', 'Bronze'] });
      await addFieldOk('contacts', { label: 'Interests', type: 'multiselect', options: ['Golf', 'Tennis', 'Chess'] });
    });

    it('a picklist may have 500 options', async () => {
      const options = Array.from({ length: 500 }, (_, i) => `Option ${i + 1}`);
      const f = await addFieldOk('contacts', { label: 'Five Hundred', type: 'picklist', options });
      expect(f.options).toHaveLength(500);
      expect((await fieldOf('contacts', 'fiveHundred')).options).toHaveLength(500);
      await createOk('contacts', { lastName: 'Option 500', fiveHundred: 'Option 500' });
    });

    it('a picklist with 501 options is 400, on create and on PATCH', async () => {
      const options = Array.from({ length: 501 }, (_, i) => `Option ${i + 1}`);
      const r = await addField('contacts', { label: 'Five Hundred One', type: 'picklist', options });
      expect(r.status, r.text).toBe(400);
      expect(await fieldOf('contacts', 'fiveHundredOne')).toBeUndefined();
      const p = await patchField('contacts', 'fiveHundred', { options });
      expect(p.status, p.text).toBe(400);
      expect((await fieldOf('contacts', 'fiveHundred')).options).toHaveLength(500);
    });

    it('an option added by PATCH can be chosen', async () => {
      const p = await patchField('contacts', 'tier', { options: ['Gold', 'Silver', 'Bronze', 'Platinum'] });
      expect(p.status, p.text).toBe(200);
      expect(opts(p.body.data)).toEqual(['Gold', 'Silver', 'Bronze', 'Platinum']);
      const c = await createOk('contacts', { lastName: 'Plat', tier: 'Platinum' });
      expect(c.tier).toBe('Platinum');
    });

    it('options reordered by PATCH keep that order in GET fields', async () => {
      const p = await patchField('contacts', 'tier', { options: ['Platinum', 'Bronze', 'Gold', 'Silver'] });
      expect(p.status, p.text).toBe(200);
      expect(opts(await fieldOf('contacts', 'tier'))).toEqual(['Platinum', 'Bronze', 'Gold', 'Silver']);
      expect(opts((await t.admin.get(`${M}/contacts`)).body.data.fields.find((f: any) => f.apiName === 'tier'))).toEqual([
        'Platinum',
        'Bronze',
        'Gold',
        'Silver',
      ]);
    });

    it('renameOptions renames the value in existing picklist records', async () => {
      const c = await createOk('contacts', { lastName: 'Renamed Tier', tier: 'Silver' });
      const p = await patchField('contacts', 'tier', {
        options: ['Platinum', 'Bronze', 'Gold', 'Argent'],
        renameOptions: { Silver: 'Argent' },
      });
      expect(p.status, p.text).toBe(200);
      expect(opts(p.body.data)).toEqual(['Platinum', 'Bronze', 'Gold', 'Argent']);
      expect((await getRecord('contacts', c.id)).tier).toBe('Argent');
      expectRecordError(await create('contacts', { lastName: 'Old Name', tier: 'Silver' }), 'tier');
    });

    it('renameOptions renames the value in existing multiselect records', async () => {
      const c = await createOk('contacts', { lastName: 'Renamed Interests', interests: ['Golf', 'Chess'] });
      const p = await patchField('contacts', 'interests', { options: ['Golf', 'Tennis', 'Go'], renameOptions: { Chess: 'Go' } });
      expect(p.status, p.text).toBe(200);
      expect((await getRecord('contacts', c.id)).interests).toEqual(['Golf', 'Go']);
      const filter = encodeURIComponent(JSON.stringify({ field: 'interests', op: 'includesAny', value: ['Go'] }));
      const l = await t.admin.get(`${R}/contacts?filter=${filter}`);
      expect(l.status, l.text).toBe(200);
      expect(l.body.data.map((x: any) => x.id)).toContain(c.id);
    });

    it('an option removed while records hold it stays as retired and the records keep their value', async () => {
      const c = await createOk('contacts', { lastName: 'Bronze Holder', tier: 'Bronze' });
      const p = await patchField('contacts', 'tier', { options: ['Platinum', 'Gold', 'Argent'] });
      expect(p.status, p.text).toBe(200);
      const f = await fieldOf('contacts', 'tier');
      expect(f.options.find((o: any) => o.value === 'Bronze')).toMatchObject({ value: 'Bronze', retired: true });
      for (const v of ['Platinum', 'Gold', 'Argent']) expect(f.options.find((o: any) => o.value === v).retired ?? false).toBe(false);
      expect((await getRecord('contacts', c.id)).tier).toBe('Bronze');
    });

    it('an option removed while no record holds it is dropped', async () => {
      await createOk('contacts', { lastName: 'Tennis Free', interests: ['Golf'] });
      // 'Tennis' is held by no record: removing it drops it.
      const p = await patchField('contacts', 'interests', { options: ['Golf', 'Go'] });
      expect(p.status, p.text).toBe(200);
      expect(opts(await fieldOf('contacts', 'interests'))).toEqual(['Golf', 'Go']);
    });

    it('a retired option cannot be chosen for new records or changed into', async () => {
      expectRecordError(await create('contacts', { lastName: 'Wants Bronze', tier: 'Bronze' }), 'tier');
      const c = await createOk('contacts', { lastName: 'Gold Holder', tier: 'Gold' });
      expectError(await t.admin.patch(`${R}/contacts/${c.id}`, { data: { tier: 'Bronze' } }), 400, 'INVALID_DATA', 'tier');
    });

    it('a record holding a retired option can still be saved unchanged', async () => {
      const holder = (
        await t.admin.get(
          `${R}/contacts?filter=${encodeURIComponent(JSON.stringify({ field: 'lastName', op: 'eq', value: 'Bronze Holder' }))}`,
        )
      ).body.data[0];
      expect(holder.tier).toBe('Bronze');
      const u1 = await t.admin.patch(`${R}/contacts/${holder.id}`, { data: { title: 'Still bronze' } });
      expect(u1.status, u1.text).toBe(200);
      expect(u1.body.data.tier).toBe('Bronze');
      const u2 = await t.admin.patch(`${R}/contacts/${holder.id}`, { data: { tier: 'Bronze', title: 'Saved with all values' } });
      expect(u2.status, u2.text).toBe(200);
      expect(u2.body.data.tier).toBe('Bronze');
    });

    it('renames are applied together: swapping two values keeps each record its own (renamed) value', async () => {
      await addFieldOk('contacts', { label: 'Swap Pick', type: 'picklist', options: ['Left', 'Right'] });
      const l = await createOk('contacts', { lastName: 'Swap Left', swapPick: 'Left' });
      const r = await createOk('contacts', { lastName: 'Swap Right', swapPick: 'Right' });
      const p = await patchField('contacts', 'swapPick', { options: ['Right', 'Left'], renameOptions: { Left: 'Right', Right: 'Left' } });
      expect(p.status, p.text).toBe(200);
      expect([(await getRecord('contacts', l.id)).swapPick, (await getRecord('contacts', r.id)).swapPick]).toEqual(['Right', 'Left']);
    });

    it('renaming a multiselect option into another option a record also holds leaves distinct values', async () => {
      await addFieldOk('contacts', { label: 'Merge Multi', type: 'multiselect', options: ['Cats', 'Felines', 'Dogs'] });
      const c = await createOk('contacts', { lastName: 'Merge Holder', mergeMulti: ['Cats', 'Felines', 'Dogs'] });
      const p = await patchField('contacts', 'mergeMulti', { options: ['Felines', 'Dogs'], renameOptions: { Cats: 'Felines' } });
      expect(p.status, p.text).toBe(200);
      const v = (await getRecord('contacts', c.id)).mergeMulti;
      expect(new Set(v).size, JSON.stringify(v)).toBe(v.length);
      expect([...v].sort()).toEqual(['Dogs', 'Felines']);
      const u = await t.admin.patch(`${R}/contacts/${c.id}`, { data: { title: 'Resave after merge' } });
      expect(u.status, u.text).toBe(200);
    });

    it('a multiselect option retired while in use stays on its records, which can still be saved', async () => {
      const c = await createOk('contacts', { lastName: 'Go Player', interests: ['Go', 'Golf'] });
      const p = await patchField('contacts', 'interests', { options: ['Golf'] });
      expect(p.status, p.text).toBe(200);
      expect((await fieldOf('contacts', 'interests')).options.find((o: any) => o.value === 'Go')).toMatchObject({ retired: true });
      expect((await getRecord('contacts', c.id)).interests).toEqual(['Go', 'Golf']);
      expectRecordError(await create('contacts', { lastName: 'New Go', interests: ['Go'] }), 'interests');
      const u = await t.admin.patch(`${R}/contacts/${c.id}`, { data: { interests: ['Go', 'Golf'], title: 'Resaved' } });
      expect(u.status, u.text).toBe(200);
      expect(u.body.data.interests).toEqual(['Go', 'Golf']);
    });
  });

  // -------------------------------------------------------------------------------------------
  describe('field properties', () => {
    beforeAll(async () => {
      await addFieldOk('calls', { label: 'Region', type: 'text' });
      await addFieldOk('calls', { label: 'Outcome Note', type: 'text' });
      await addFieldOk('accounts', { label: 'Vat Number', type: 'text' });
      await addFieldOk('accounts', { label: 'Ref Code', type: 'text' });
    });

    it('PATCH required: true makes a custom field required; false undoes it', async () => {
      const p = await patchField('calls', 'region', { required: true });
      expect(p.status, p.text).toBe(200);
      expect(p.body.data.required).toBe(true);
      expect((await fieldOf('calls', 'region')).required).toBe(true);
      expectRecordError(await create('calls', { subject: 'No region' }), 'region', 'REQUIRED_FIELD_MISSING');
      await createOk('calls', { subject: 'With region', region: 'EMEA' });
      const off = await patchField('calls', 'region', { required: false });
      expect(off.status, off.text).toBe(200);
      await createOk('calls', { subject: 'No region again' });
    });

    it('PATCH defaultValue gives new records the default; null removes it', async () => {
      const p = await patchField('calls', 'outcomeNote', { defaultValue: 'None yet' });
      expect(p.status, p.text).toBe(200);
      expect((await fieldOf('calls', 'outcomeNote')).defaultValue).toBe('None yet');
      expect((await createOk('calls', { subject: 'Defaulted note' })).outcomeNote).toBe('None yet');
      expect((await createOk('calls', { subject: 'Given note', outcomeNote: 'Booked' })).outcomeNote).toBe('Booked');
      const off = await patchField('calls', 'outcomeNote', { defaultValue: null });
      expect(off.status, off.text).toBe(200);
      expect((await fieldOf('calls', 'outcomeNote')).defaultValue ?? null).toBeNull();
      const plain = await createOk('calls', { subject: 'No default' });
      expect((await getRecord('calls', plain.id)).outcomeNote).toBeNull();
    });

    it('an autonumber field made required still numbers new records (or required is refused for it)', async () => {
      await addFieldOk('tasks', { label: 'Task Number', type: 'autonumber' });
      const p = await patchField('tasks', 'taskNumber', { required: true });
      try {
        if (p.status === 200) {
          const r = await create('tasks', { subject: 'Numbered though required' });
          expect(r.status, r.text).toBe(201);
          expect(typeof r.body.data[0].record.taskNumber).toBe('number');
        } else {
          expectError(p, 400, 'INVALID_DATA', 'required');
        }
      } finally {
        await patchField('tasks', 'taskNumber', { required: false });
      }
    });

    it('a default value that is not valid for the field is 400', async () => {
      expectError(await patchField('leads', 'metaInteger', { defaultValue: 'many' }), 400, 'INVALID_DATA', 'defaultValue');
      expectError(await patchField('leads', 'metaPicklist', { defaultValue: 'Purple' }), 400, 'INVALID_DATA', 'defaultValue');
    });

    it('PATCH unique: true rejects duplicates (case-insensitively) with 409 DUPLICATE_DATA; false allows them again', async () => {
      await createOk('accounts', { name: 'Ref One', refCode: 'REF-1' });
      const p = await patchField('accounts', 'refCode', { unique: true });
      expect(p.status, p.text).toBe(200);
      expect((await fieldOf('accounts', 'refCode')).unique).toBe(true);
      const dup = await create('accounts', { name: 'Ref Dup', refCode: 'ref-1' });
      expect(dup.status, dup.text).toBe(400);
      expect(dup.body.data[0]).toMatchObject({ status: 'error', code: 'DUPLICATE_DATA', details: { field: 'refCode' } });
      const other = await createOk('accounts', { name: 'Ref Two', refCode: 'REF-2' });
      expectError(await t.admin.patch(`${R}/accounts/${other.id}`, { data: { refCode: 'Ref-1' } }), 409, 'DUPLICATE_DATA', 'refCode');
      const off = await patchField('accounts', 'refCode', { unique: false });
      expect(off.status, off.text).toBe(200);
      await createOk('accounts', { name: 'Ref Dup Allowed', refCode: 'REF-1' });
    });

    it('making a field unique while records share a value is 409 and the field stays non-unique', async () => {
      await createOk('accounts', { name: 'Vat A', vatNumber: 'GB123' });
      await createOk('accounts', { name: 'Vat B', vatNumber: 'gb123' });
      const p = await patchField('accounts', 'vatNumber', { unique: true });
      expect(p.status, p.text).toBe(409);
      expect(p.body.error.code).toBe('DUPLICATE_DATA');
      expect((await fieldOf('accounts', 'vatNumber')).unique).toBe(false);
      await createOk('accounts', { name: 'Vat C', vatNumber: 'GB123' });
      // The failed attempt left nothing behind: the field can still be changed and made unique later.
      const relabel = await patchField('accounts', 'vatNumber', { label: 'VAT Number' });
      expect(relabel.status, relabel.text).toBe(200);
    });

    it('a unique field cannot have a type that does not support it (400)', async () => {
      expectError(await patchField('leads', 'metaBoolean', { unique: true }), 400, 'INVALID_DATA', 'unique');
    });

    it('DELETE of a custom field removes it and its data', async () => {
      await addFieldOk('calls', { label: 'Temp Field', type: 'text' });
      const c = await createOk('calls', { subject: 'Temp holder', tempField: 'to be deleted' });
      const d = await t.admin.delete(`${M}/calls/fields/tempField`);
      expect([200, 204], d.text).toContain(d.status);
      expect(await fieldOf('calls', 'tempField')).toBeUndefined();
      expect(await getRecord('calls', c.id)).not.toHaveProperty('tempField');
      expectError(await t.admin.patch(`${R}/calls/${c.id}`, { data: { tempField: 'x' } }), 400, 'INVALID_DATA', 'tempField');
      expect((await defaultLayout('calls')).sections.flatMap((s: any) => s.fields)).not.toContain('tempField');
      // Re-adding a field of the same name starts empty: the old data went with the field.
      const again = await addFieldOk('calls', { label: 'Temp Field', type: 'text' });
      expect(again.apiName).toBe('tempField');
      expect((await getRecord('calls', c.id)).tempField).toBeNull();
    });

    it('DELETE works for fields with extra storage: a lookup (indexed), a unique text (shadow column), a multiselect', async () => {
      await addFieldOk('calls', { label: 'Doomed Link', type: 'lookup', lookupModule: 'accounts' });
      await addFieldOk('calls', { label: 'Doomed Key', type: 'text', unique: true });
      await addFieldOk('calls', { label: 'Doomed Multi', type: 'multiselect', options: ['A', 'B'] });
      await createOk('calls', { subject: 'Doomed values', doomedLink: ids.accountId, doomedKey: 'K-1', doomedMulti: ['A'] });
      for (const f of ['doomedLink', 'doomedKey', 'doomedMulti']) {
        const d = await t.admin.delete(`${M}/calls/fields/${f}`);
        expect([200, 204], `${f}: ${d.text}`).toContain(d.status);
        expect(await fieldOf('calls', f), f).toBeUndefined();
      }
      // The unique index went with the field: re-adding it takes duplicates of the old values.
      await addFieldOk('calls', { label: 'Doomed Key', type: 'text' });
      await createOk('calls', { subject: 'Dup key 1', doomedKey: 'K-1' });
      await createOk('calls', { subject: 'Dup key 2', doomedKey: 'K-1' });
    });

    it('DELETE of a standard or system field is 400', async () => {
      expectError(await t.admin.delete(`${M}/leads/fields/company`), 400, 'INVALID_DATA');
      expectError(await t.admin.delete(`${M}/leads/fields/owner`), 400, 'INVALID_DATA');
      expect(await fieldOf('leads', 'company')).toBeDefined();
    });

    it('DELETE or PATCH of an unknown field is 404', async () => {
      expectError(await t.admin.delete(`${M}/leads/fields/noSuchField`), 404, 'NOT_FOUND');
      expectError(await patchField('leads', 'noSuchField', { label: 'x' }), 404, 'NOT_FOUND');
    });
  });

  // -------------------------------------------------------------------------------------------
  describe('custom modules', () => {
    let projectId = '';

    it('POST /modules creates a module with a name field and the system fields (201)', async () => {
      const r = await t.admin.post(M, { label: 'Projects', singularLabel: 'Project' });
      expect(r.status, r.text).toBe(201);
      expect(r.body.data).toMatchObject({ apiName: 'projects', label: 'Projects', singularLabel: 'Project', custom: true });
      const names = r.body.data.fields.map((f: any) => f.apiName);
      expect(names).toEqual(expect.arrayContaining(['name', ...SYSTEM_FIELDS]));
      expect(r.body.data.fields.find((f: any) => f.apiName === 'name')).toMatchObject({ type: 'text' });
    });

    it('an explicit module apiName that is taken is 409', async () => {
      expectError(await t.admin.post(M, { label: 'More Leads', singularLabel: 'Lead', apiName: 'leads' }), 409, 'DUPLICATE_DATA');
      expectError(await t.admin.post(M, { label: 'Projects Again', singularLabel: 'Project', apiName: 'projects' }), 409, 'DUPLICATE_DATA');
    });

    it('a module apiName differing only in case from an existing one is 409 DUPLICATE_DATA (never a 5xx)', async () => {
      const r = await t.admin.post(M, { label: 'Leads Too', singularLabel: 'Lead Too', apiName: 'leadS' });
      expectError(r, 409, 'DUPLICATE_DATA');
      // The standard module is untouched.
      await createOk('leads', { lastName: 'Still a lead' });
    });

    it('a derived module apiName that differs only in case from an existing one gets a suffix', async () => {
      const r = await t.admin.post(M, { label: 'Deal S', singularLabel: 'Deal S' });
      expect(r.status, r.text).toBe(201);
      expect(r.body.data.apiName.toLowerCase()).not.toBe('deals');
      await createOk(r.body.data.apiName, { name: 'In the look-alike module' });
      await createOk('deals', { dealName: 'Still a deal', stage: 'Proposal', closingDate: '2026-07-01' });
    });

    it('records of a custom module can be created, read, updated, listed and deleted', async () => {
      const c = await createOk('projects', { name: 'Quetzal Rollout' });
      projectId = c.id;
      expect(c).toMatchObject({ name: 'Quetzal Rollout', version: 1, owner: { id: ids.adminId } });
      expect((await getRecord('projects', c.id)).name).toBe('Quetzal Rollout');
      const u = await t.admin.patch(`${R}/projects/${c.id}`, { data: { name: 'Quetzal Rollout II' } });
      expect(u.status, u.text).toBe(200);
      expect(u.body.data).toMatchObject({ name: 'Quetzal Rollout II', version: 2 });
      const l = await t.admin.get(`${R}/projects`);
      expect(l.body.data.map((x: any) => x.id)).toContain(c.id);
      const tmp = await createOk('projects', { name: 'Doomed project' });
      const d = await t.admin.delete(`${R}/projects/${tmp.id}`);
      expect(d.body).toEqual({ data: { id: tmp.id, deleted: true } });
      expect((await t.admin.get(`${R}/projects/${tmp.id}`)).status).toBe(404);
      expectRecordError(await create('projects', {}), 'name', 'REQUIRED_FIELD_MISSING');
    });

    it('a custom module takes custom fields like any module', async () => {
      const f = await addFieldOk('projects', { label: 'Budget', type: 'currency' });
      expect(f.apiName).toBe('budget');
      const u = await t.admin.patch(`${R}/projects/${projectId}`, { data: { budget: 99.99 } });
      expect(u.status, u.text).toBe(200);
      expect(u.body.data.budget).toBe(99.99);
      expectError(await t.admin.patch(`${R}/projects/${projectId}`, { data: { budget: 'lots' } }), 400, 'INVALID_DATA', 'budget');
    });

    it('a custom module appears in GET /modules and GET /modules/{module}', async () => {
      const r = await t.admin.get(M);
      expect(r.body.data.find((m: any) => m.apiName === 'projects')).toMatchObject({
        label: 'Projects',
        singularLabel: 'Project',
        custom: true,
      });
      const one = await t.admin.get(`${M}/projects`);
      expect(one.status, one.text).toBe(200);
      expect(one.body.data.fields.map((f: any) => f.apiName)).toEqual(expect.arrayContaining(['name', 'budget']));
    });

    it('records of a custom module are found by GET /search', async () => {
      const s = await t.admin.get('/api/v1/search?q=quetzal');
      expect(s.status, s.text).toBe(200);
      expect(s.body.data).toEqual(
        expect.arrayContaining([expect.objectContaining({ module: 'projects', id: projectId, name: 'Quetzal Rollout II' })]),
      );
      const only = await t.admin.get('/api/v1/search?q=quetzal&modules=projects');
      expect(only.body.data.map((h: any) => h.id)).toEqual([projectId]);
    });

    it('PATCH /modules/{module} hides and shows a module', async () => {
      const h = await t.admin.patch(`${M}/projects`, { hidden: true });
      expect(h.status, h.text).toBe(200);
      expect(h.body.data).toMatchObject({ apiName: 'projects', hidden: true });
      expect((await t.admin.get(M)).body.data.find((m: any) => m.apiName === 'projects')?.hidden).toBe(true);
      const acc = await t.admin.patch(`${M}/accounts`, { hidden: true });
      expect(acc.status, acc.text).toBe(200);
      expect((await t.admin.get(`${M}/accounts`)).body.data.hidden).toBe(true);
      // Hiding is navigation only: the records stay reachable.
      expect((await t.admin.get(`${R}/projects/${projectId}`)).status).toBe(200);
      const show = await t.admin.patch(`${M}/projects`, { hidden: false });
      expect(show.body.data.hidden).toBe(false);
      await t.admin.patch(`${M}/accounts`, { hidden: false });
      expect((await t.admin.get(M)).body.data.find((m: any) => m.apiName === 'accounts')?.hidden).toBe(false);
    });
  });

  // -------------------------------------------------------------------------------------------
  describe('layouts', () => {
    it('GET /modules/{module}/layouts has a default layout with sections of the module fields', async () => {
      const r = await t.admin.get(`${M}/leads/layouts`);
      expect(r.status, r.text).toBe(200);
      const layout = r.body.data.find((l: any) => l.isDefault);
      expect(layout).toMatchObject({ id: expect.any(String), name: expect.any(String), isDefault: true });
      expect(layout.sections.length).toBeGreaterThan(0);
      for (const s of layout.sections) expect(s).toMatchObject({ title: expect.any(String), fields: expect.any(Array) });
      const placed = layout.sections.flatMap((s: any) => s.fields);
      expect(placed).toEqual(expect.arrayContaining(['firstName', 'lastName', 'email', 'leadStatus']));
      expect(new Set(placed).size).toBe(placed.length);
    });

    it('PATCH sections reorders fields and sections', async () => {
      const layout = await defaultLayout('events');
      const sections = [...layout.sections].reverse().map((s: any) => ({ title: `${s.title} (moved)`, fields: [...s.fields].reverse() }));
      const p = await t.admin.patch(`${M}/events/layouts/${layout.id}`, { sections });
      expect(p.status, p.text).toBe(200);
      expect(p.body.data.sections).toEqual(sections);
      expect((await defaultLayout('events')).sections).toEqual(sections);
      expect((await t.admin.get(`${M}/events`)).body.data.layouts.find((l: any) => l.id === layout.id).sections).toEqual(sections);
    });

    it('PATCH sections with an unknown field is 400 and changes nothing', async () => {
      const layout = await defaultLayout('events');
      const sections = [{ title: 'Bad', fields: ['title', 'noSuchField'] }];
      const p = await t.admin.patch(`${M}/events/layouts/${layout.id}`, { sections });
      expect(p.status, p.text).toBe(400);
      expect((await defaultLayout('events')).sections).toEqual(layout.sections);
    });

    it('PATCH sections naming a field twice is 400 and changes nothing', async () => {
      const layout = await defaultLayout('events');
      const sections = [
        { title: 'One', fields: ['title', 'location'] },
        { title: 'Two', fields: ['startAt', 'title'] },
      ];
      const p = await t.admin.patch(`${M}/events/layouts/${layout.id}`, { sections });
      expect(p.status, p.text).toBe(400);
      expect((await defaultLayout('events')).sections).toEqual(layout.sections);
    });

    it('a new custom field is appended to the default layout', async () => {
      const before = (await defaultLayout('events')).sections;
      await addFieldOk('events', { label: 'Meeting Room', type: 'text' });
      const after = (await defaultLayout('events')).sections;
      const placed = after.flatMap((s: any) => s.fields);
      expect(placed.filter((f: string) => f === 'meetingRoom')).toHaveLength(1);
      const section = after.find((s: any) => s.fields.includes('meetingRoom'));
      expect(section.fields.at(-1)).toBe('meetingRoom');
      // Everything that was placed stays placed, in the same order.
      expect(placed.filter((f: string) => f !== 'meetingRoom')).toEqual(before.flatMap((s: any) => s.fields));
    });

    it('PATCH of an unknown layout is 404', async () => {
      expectError(await t.admin.patch(`${M}/events/layouts/noSuchLayout`, { name: 'x' }), 404, 'NOT_FOUND');
    });
  });

  // -------------------------------------------------------------------------------------------
  describe('a Standard profile user', () => {
    let std: Client;
    let layoutId = '';

    beforeAll(async () => {
      const u = await t.admin.post('/api/v1/users', {
        email: 'standard.meta@example.com',
        name: 'Stan Dard',
        password: 'standard user password',
        profile: 'Standard',
      });
      expect(u.status, u.text).toBe(201);
      std = t.client();
      await std.login('standard.meta@example.com', 'standard user password');
      layoutId = (await defaultLayout('leads')).id;
      await addFieldOk('leads', { label: 'Admin Only', type: 'text' });
    });

    it('gets 403 FORBIDDEN on every metadata write', async () => {
      const writes: [string, Promise<Response>][] = [
        ['POST field', std.post(`${M}/leads/fields`, { label: 'Sneaky', type: 'text' })],
        ['PATCH field', std.patch(`${M}/leads/fields/adminOnly`, { label: 'Renamed' })],
        ['PATCH standard field', std.patch(`${M}/leads/fields/leadStatus`, { options: ['New', 'Hacked'] })],
        ['DELETE field', std.delete(`${M}/leads/fields/adminOnly`)],
        ['POST module', std.post(M, { label: 'Sneaky Things', singularLabel: 'Sneaky Thing' })],
        ['PATCH module', std.patch(`${M}/leads`, { hidden: true })],
        ['PATCH layout', std.patch(`${M}/leads/layouts/${layoutId}`, { name: 'Mine' })],
      ];
      for (const [what, p] of writes) {
        const r = await p;
        expect(r.status, `${what}: ${r.text}`).toBe(403);
        expect(r.body.error.code, what).toBe('FORBIDDEN');
      }
      // Nothing changed.
      expect((await fieldOf('leads', 'adminOnly')).label).toBe('Admin Only');
      expect(await fieldOf('leads', 'sneaky')).toBeUndefined();
      expect((await fieldOf('leads', 'leadStatus')).options.map((o: any) => o.value)).not.toContain('Hacked');
      expect((await t.admin.get(M)).body.data.map((m: any) => m.apiName)).not.toContain('sneakyThings');
      expect((await t.admin.get(`${M}/leads`)).body.data.hidden).toBe(false);
      expect((await defaultLayout('leads')).name).not.toBe('Mine');
    });

    it('can read metadata', async () => {
      for (const p of [M, `${M}/leads`, `${M}/leads/fields`, `${M}/leads/layouts`]) {
        const r = await std.get(p);
        expect(r.status, `${p}: ${r.text}`).toBe(200);
      }
      expect((await std.get(`${M}/leads/fields`)).body.data.map((f: any) => f.apiName)).toContain('adminOnly');
    });

    it('can write records, custom fields included', async () => {
      const r = await std.post(`${R}/leads`, { data: [{ lastName: 'By Standard', adminOnly: 'set by standard' }] });
      expect(r.status, r.text).toBe(201);
      const id = r.body.data[0].id;
      const u = await std.patch(`${R}/leads/${id}`, { data: { adminOnly: 'changed' } });
      expect(u.status, u.text).toBe(200);
      expect(u.body.data.adminOnly).toBe('changed');
    });
  });
});

// ---------------------------------------------------------------------------------------------
// For the tests below that start bare servers themselves, racing on a fresh database.
const dataDirs: string[] = [];
const config = (databaseUrl: string, extra: Record<string, string> = {}) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-meta-'));
  dataDirs.push(dir);
  return readConfig({ DATABASE_URL: databaseUrl, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', RAPPORT_DATA_DIR: dir, ...extra });
};

describe.runIf(dialects.includes('postgres'))('metadata across processes on postgres', () => {
  let t: TestServer;
  let b: SecondServer;

  beforeAll(async () => {
    t = await startTestServer('postgres');
    b = await startSecondServer(t);
  });
  afterAll(async () => {
    await b?.close();
    await t?.close();
    for (const d of dataDirs) fs.rmSync(d, { recursive: true, force: true });
  });

  it('a custom field added through server A is accepted by server B at once', async () => {
    // B has read the metadata before the change.
    expect((await b.admin.get(`${M}/leads/fields`)).body.data.map((f: any) => f.apiName)).not.toContain('crossProcess');
    const add = await t.admin.post(`${M}/leads/fields`, { label: 'Cross Process', type: 'integer' });
    expect(add.status, add.text).toBe(201);
    const w = await b.admin.post(`${R}/leads`, { data: [{ lastName: 'Via B', crossProcess: 7 }] });
    expect(w.status, w.text).toBe(201);
    expect(w.body.data[0].record.crossProcess).toBe(7);
    expectRecordError(await b.admin.post(`${R}/leads`, { data: [{ lastName: 'Via B bad', crossProcess: 'seven' }] }), 'crossProcess');
    expect((await t.admin.get(`${R}/leads/${w.body.data[0].id}`)).body.data.crossProcess).toBe(7);
  });

  it('a picklist option added through server A can be chosen through server B at once', async () => {
    const f = await t.admin.post(`${M}/leads/fields`, { label: 'Cross Pick', type: 'picklist', options: ['One'] });
    expect(f.status, f.text).toBe(201);
    expectRecordError(await b.admin.post(`${R}/leads`, { data: [{ lastName: 'B pick', crossPick: 'Two' }] }), 'crossPick');
    const p = await t.admin.patch(`${M}/leads/fields/crossPick`, { options: ['One', 'Two'] });
    expect(p.status, p.text).toBe(200);
    const w = await b.admin.post(`${R}/leads`, { data: [{ lastName: 'B pick', crossPick: 'Two' }] });
    expect(w.status, w.text).toBe(201);
  });

  it('a custom field deleted through server A is refused by server B at once', async () => {
    const f = await t.admin.post(`${M}/leads/fields`, { label: 'Cross Gone', type: 'text' });
    expect(f.status, f.text).toBe(201);
    expect((await b.admin.post(`${R}/leads`, { data: [{ lastName: 'B gone', crossGone: 'x' }] })).status).toBe(201);
    const d = await t.admin.delete(`${M}/leads/fields/crossGone`);
    expect([200, 204], d.text).toContain(d.status);
    expectRecordError(await b.admin.post(`${R}/leads`, { data: [{ lastName: 'B gone 2', crossGone: 'x' }] }), 'crossGone');
  });

  it('a custom module created through server A takes records through server B at once', async () => {
    await b.admin.get(M);
    const m = await t.admin.post(M, { label: 'Gadgets', singularLabel: 'Gadget' });
    expect(m.status, m.text).toBe(201);
    const w = await b.admin.post(`${R}/gadgets`, { data: [{ name: 'Sprocket' }] });
    expect(w.status, w.text).toBe(201);
    expect((await b.admin.get(M)).body.data.map((x: any) => x.apiName)).toContain('gadgets');
  });

  it('two servers starting at once on a fresh database both migrate, and the standard metadata is seeded once', async () => {
    const pg = await freshPostgresDatabase();
    const started: RunningServer[] = [];
    try {
      const results = await Promise.allSettled([
        startServer(config(pg.url), { logger: false }),
        startServer(config(pg.url), { logger: false }),
      ]);
      for (const r of results) if (r.status === 'fulfilled') started.push(r.value);
      const reasons = results.map((r) => (r.status === 'rejected' ? String((r.reason as Error)?.stack ?? r.reason) : 'ok'));
      expect(reasons).toEqual(['ok', 'ok']);
      const db = started[0].database.db as any;
      const modules = await db.selectFrom('modules').select('apiName').execute();
      expect(modules.map((m: any) => m.apiName).sort()).toEqual([...STANDARD_MODULES].sort());
      const pipelines = await db.selectFrom('pipelines').select('name').execute();
      expect(pipelines.map((p: any) => p.name)).toEqual(['Sales']);
      const leadFields = await db.selectFrom('fields').select('apiName').where('module', '=', 'leads').execute();
      expect(new Set(leadFields.map((f: any) => f.apiName)).size).toBe(leadFields.length);
      for (const s of started) expect((await fetch(`${s.url}/api/v1/health`)).status).toBe(200);
    } finally {
      for (const s of started) await s.close();
      await pg.drop();
    }
  });

  it('two servers starting at once with the same first-admin settings create one administrator', async () => {
    const pg = await freshPostgresDatabase();
    const started: RunningServer[] = [];
    const env = { RAPPORT_ADMIN_EMAIL: ADMIN.email, RAPPORT_ADMIN_PASSWORD: ADMIN.password };
    try {
      const results = await Promise.allSettled([
        startServer(config(pg.url, env), { logger: false }),
        startServer(config(pg.url, env), { logger: false }),
      ]);
      for (const r of results) if (r.status === 'fulfilled') started.push(r.value);
      const reasons = results.map((r) => (r.status === 'rejected' ? String((r.reason as Error)?.stack ?? r.reason) : 'ok'));
      expect(reasons).toEqual(['ok', 'ok']);
      for (const s of started) {
        const c = new Client(s.url);
        await c.login(ADMIN.email, ADMIN.password);
        const users = await c.get('/api/v1/users');
        expect(users.body.data).toHaveLength(1);
        const mods = await c.get(M);
        expect(mods.body.data.map((m: any) => m.apiName).sort()).toEqual([...STANDARD_MODULES].sort());
      }
    } finally {
      for (const s of started) await s.close();
      await pg.drop();
    }
  });
});
