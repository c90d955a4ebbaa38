import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Response, startTestServer, type TestServer } from './harness.js';
import { testDialects } from './pg.js';

/**
 * Bad and hostile record input (API.md "Conventions", "Metadata" limits, "Records"): every
 * rejection is a 4xx with the API.md error body (or, for batch writes, per-record results),
 * names the field at fault, and writes nothing.
 */

const dialects = await testDialects();

/** Asserts the exact API.md error body: {"error": {"code", "message", "details"}} and nothing else. */
function expectError(res: Response, status: number | number[], code: string | string[], field?: string) {
  const statuses = Array.isArray(status) ? status : [status];
  const codes = Array.isArray(code) ? code : [code];
  const seen = `${res.status} ${res.text.slice(0, 600)}`;
  expect(statuses, seen).toContain(res.status);
  expect(res.headers.get('content-type') ?? '', seen).toMatch(/^application\/json/);
  expect(res.body !== null && typeof res.body === 'object' && !Array.isArray(res.body), seen).toBe(true);
  expect(Object.keys(res.body), seen).toEqual(['error']);
  const e = res.body.error;
  expect(e !== null && typeof e === 'object' && !Array.isArray(e), seen).toBe(true);
  expect(Object.keys(e).sort(), seen).toEqual(['code', 'details', 'message']);
  expect(typeof e.code, seen).toBe('string');
  expect(e.code, seen).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/);
  expect(codes, seen).toContain(e.code);
  expect(typeof e.message, seen).toBe('string');
  expect(e.message.length, seen).toBeGreaterThan(0);
  expect(e.details !== null && typeof e.details === 'object' && !Array.isArray(e.details), seen).toBe(true);
  if (field !== undefined) expect(e.details.field, seen).toBe(field);
  // Never a stack trace or internals.
  expect(res.text, seen).not.toMatch(/\n\s+at \S|\.(ts|js):\d+|node_modules|SQLITE_|syntax error at/);
}

/** Asserts one per-record error result of a batch write: {"status": "error", "code", "message", "details"}. */
function expectRecordError(result: any, code: string | string[], field?: string) {
  const codes = Array.isArray(code) ? code : [code];
  const seen = JSON.stringify(result)?.slice(0, 600);
  expect(result !== null && typeof result === 'object', seen).toBe(true);
  expect(result.status, seen).toBe('error');
  expect(codes, seen).toContain(result.code);
  expect(typeof result.message, seen).toBe('string');
  expect(result.message.length, seen).toBeGreaterThan(0);
  expect(result.details !== null && typeof result.details === 'object' && !Array.isArray(result.details), seen).toBe(true);
  expect(result.record, seen).toBeUndefined();
  if (field !== undefined) expect(result.details.field, seen).toBe(field);
}

/** A batch where every record failed: 400 and {"data": [error results]} in order. */
function expectAllFailed(res: Response, n: number) {
  const seen = `${res.status} ${res.text.slice(0, 600)}`;
  expect(res.status, seen).toBe(400);
  expect(Array.isArray(res.body?.data), seen).toBe(true);
  expect(res.body.data, seen).toHaveLength(n);
  for (const r of res.body.data) expect(r.status, seen).toBe('error');
}

const RAW = '@@RAW_JSON_VALUE@@';
/** JSON text of `body` with the placeholder string replaced by raw JSON (e.g. `1e999`). */
const withRaw = (body: unknown, raw: string) => JSON.stringify(body).replace(`"${RAW}"`, raw);

type Fx = Record<string, string>;

/** A minimal valid record per module, for creates. */
const BASE: Record<string, Record<string, unknown>> = {
  leads: { lastName: 'Bad Input Lead' },
  contacts: { lastName: 'Bad Input Contact' },
  accounts: { name: 'Bad Input Account' },
  deals: { dealName: 'Bad Input Deal', stage: 'Qualification', closingDate: '2026-06-30' },
  tasks: { subject: 'Bad Input Task' },
  events: { title: 'Bad Input Event', startAt: '2026-05-01T09:00:00Z', endAt: '2026-05-01T10:00:00Z' },
  calls: { subject: 'Bad Input Call' },
};
/** A valid change per module that a rejected update must not half-write. */
const BENIGN: Record<string, Record<string, unknown>> = {
  leads: { firstName: 'Changed' },
  contacts: { firstName: 'Changed' },
  accounts: { phone: '+1 555 0100' },
  deals: { nextStep: 'Changed' },
  tasks: { description: 'Changed' },
  events: { location: 'Changed' },
  calls: { description: 'Changed' },
};

interface FieldCase {
  what: string;
  module: string;
  field: string;
  value?: unknown | ((fx: Fx) => unknown);
  /** Raw JSON text for the value (numbers JSON.stringify cannot write). */
  raw?: string;
  code?: string;
}

const long = (ch: string, n: number) => ch.repeat(n);

/** Values of the wrong type, or outside a limit of API.md: each → INVALID_DATA naming the field. */
const FIELD_CASES: FieldCase[] = [
  // unknown fields
  { what: 'an unknown field', module: 'leads', field: 'shoeSize', value: 42 },
  { what: 'a field name in the wrong case', module: 'leads', field: 'lastname', value: 'x' },
  { what: 'an Object.prototype name as a field (toString)', module: 'leads', field: 'toString', value: 'x' },
  { what: 'an Object.prototype name as a field (constructor)', module: 'leads', field: 'constructor', value: 'x' },
  { what: 'a field of another module', module: 'leads', field: 'dealName', value: 'x' },
  { what: 'an SQL-looking field name', module: 'leads', field: 'lastName; drop table r_leads', value: 'x' },
  // wrong types
  { what: 'a string for an integer', module: 'leads', field: 'numberOfEmployees', value: '12' },
  { what: 'a fraction for an integer', module: 'leads', field: 'numberOfEmployees', value: 12.5 },
  { what: 'a boolean for an integer', module: 'leads', field: 'numberOfEmployees', value: true },
  { what: 'a number for a text', module: 'leads', field: 'firstName', value: 42 },
  { what: 'an array for a text', module: 'leads', field: 'firstName', value: ['Ada'] },
  { what: 'an object for a text', module: 'leads', field: 'firstName', value: { first: 'Ada' } },
  { what: 'a boolean for a text', module: 'leads', field: 'firstName', value: true },
  { what: 'a number for a textarea', module: 'leads', field: 'description', value: 7 },
  { what: 'a number for an email', module: 'leads', field: 'email', value: 42 },
  { what: 'an object for a date', module: 'contacts', field: 'birthday', value: { y: 2020, m: 1, d: 1 } },
  { what: 'a number for a date', module: 'contacts', field: 'birthday', value: 20230101 },
  { what: 'a date without zero padding', module: 'contacts', field: 'birthday', value: '2023-1-5' },
  { what: 'a date-time for a date', module: 'contacts', field: 'birthday', value: '2023-01-05T00:00:00Z' },
  { what: 'a number (epoch) for a date-time', module: 'tasks', field: 'dueAt', value: 1_700_000_000_000 },
  { what: 'an object for a date-time', module: 'tasks', field: 'dueAt', value: { at: '2026-05-01T09:30:00Z' } },
  { what: 'a string for a currency', module: 'leads', field: 'annualRevenue', value: '1000' },
  { what: 'a string for a percent', module: 'deals', field: 'probability', value: '50' },
  { what: 'a number for a picklist', module: 'leads', field: 'rating', value: 1 },
  { what: 'an array for a picklist', module: 'leads', field: 'rating', value: ['Hot'] },
  { what: 'a string for a boolean', module: 'events', field: 'allDay', value: 'true' },
  { what: 'a number for a boolean', module: 'events', field: 'allDay', value: 1 },
  { what: 'a number for a lookup', module: 'contacts', field: 'account', value: 12345 },
  { what: 'a lookup object whose id is a number', module: 'contacts', field: 'account', value: { id: 5 } },
  { what: 'an array for a lookup', module: 'contacts', field: 'account', value: ['x'] },
  { what: 'a lookup id with hostile characters', module: 'contacts', field: 'account', value: "x' or '1'='1" },
  { what: 'a string for an address', module: 'leads', field: 'address', value: '1 Main Street' },
  { what: 'an unknown address part', module: 'leads', field: 'address', value: { planet: 'Mars' } },
  { what: 'a number as an address part', module: 'leads', field: 'address', value: { city: 12 } },
  { what: 'a string for a multiselect', module: 'leads', field: 'interests', value: 'Alpha' },
  { what: 'a string for relatedTo', module: 'tasks', field: 'relatedTo', value: 'someid' },
  { what: 'relatedTo an unknown module', module: 'tasks', field: 'relatedTo', value: { module: 'widgets', id: 'abc' } },
  { what: 'relatedTo a nonexistent record', module: 'tasks', field: 'relatedTo', value: { module: 'deals', id: 'nosuchdeal' } },
  {
    what: 'relatedTo a user (users is not a module)',
    module: 'tasks',
    field: 'relatedTo',
    value: (fx: Fx) => ({ module: 'users', id: fx.user }),
  },
  { what: 'participants that are not an array', module: 'events', field: 'participants', value: { type: 'user' } },
  { what: 'a participant of an unknown type', module: 'events', field: 'participants', value: [{ type: 'robot', id: 'x' }] },
  { what: 'a participant with a bad email', module: 'events', field: 'participants', value: [{ email: 'not an email' }] },
  // text limits
  { what: 'a text of 256 characters', module: 'leads', field: 'firstName', value: long('x', 256) },
  { what: 'a text of 256 astral characters', module: 'leads', field: 'firstName', value: long('😀', 256) },
  { what: 'a textarea of 32,001 characters', module: 'leads', field: 'description', value: long('y', 32001) },
  { what: 'a NUL character in a text', module: 'leads', field: 'firstName', value: 'Ada\u0000Lovelace' },
  { what: 'a lone surrogate (not Unicode) in a text', module: 'leads', field: 'firstName', value: 'Ada\ud800Lovelace' },
  { what: 'a lone surrogate (not Unicode) in a textarea', module: 'leads', field: 'description', value: '\udfff' },
  { what: 'a NUL character in a textarea', module: 'leads', field: 'description', value: 'line\u0000more' },
  { what: 'a NUL character in an email', module: 'leads', field: 'email', value: 'ada\u0000@example.com' },
  { what: 'a NUL character in a phone', module: 'leads', field: 'phone', value: '555\u00000100' },
  { what: 'a NUL character in an address part', module: 'leads', field: 'address', value: { city: 'Lon\u0000don' } },
  { what: 'a NUL character in a picklist value', module: 'leads', field: 'rating', value: 'Hot\u0000' },
  { what: 'a phone that is not a phone number', module: 'leads', field: 'phone', value: '<script>alert(1)</script>' },
  // email
  { what: 'an email without @', module: 'leads', field: 'email', value: 'not-an-email' },
  { what: 'an email without a domain dot', module: 'leads', field: 'email', value: 'ada@localhost' },
  { what: 'an email with two @', module: 'leads', field: 'email', value: 'ada@@example.com' },
  { what: 'two emails separated by a comma', module: 'leads', field: 'email', value: 'ada@example.com, bob@example.com' },
  { what: 'two emails separated by a semicolon', module: 'leads', field: 'email', value: 'ada@example.com;bob@example.com' },
  { what: 'two emails separated by a space', module: 'leads', field: 'email', value: 'ada@example.com bob@example.com' },
  { what: 'an email with a display name', module: 'leads', field: 'email', value: 'Ada <ada@example.com>' },
  // url
  { what: 'a javascript: url', module: 'leads', field: 'website', value: 'javascript:alert(1)' },
  { what: 'an ftp: url', module: 'leads', field: 'website', value: 'ftp://example.com/file.txt' },
  { what: 'a data: url', module: 'leads', field: 'website', value: 'data:text/html,<script>alert(1)</script>' },
  { what: 'a file: url', module: 'leads', field: 'website', value: 'file:///etc/passwd' },
  { what: 'a url without a scheme', module: 'leads', field: 'website', value: 'example.com' },
  { what: 'a url without a host', module: 'leads', field: 'website', value: 'http://' },
  // numbers
  { what: 'an integer above 2^31-1', module: 'leads', field: 'numberOfEmployees', value: 2147483648 },
  { what: 'an integer below -2^31', module: 'leads', field: 'numberOfEmployees', value: -2147483649 },
  { what: 'a bigint beyond the safe integers', module: 'leads', field: 'bigNumber', raw: '9007199254740993' },
  { what: 'a bigint of 2^53', module: 'leads', field: 'bigNumber', value: 2 ** 53 },
  { what: 'a bigint that is a fraction', module: 'leads', field: 'bigNumber', value: 1.5 },
  { what: 'an integer of 1e999 (Infinity)', module: 'leads', field: 'numberOfEmployees', raw: '1e999' },
  { what: 'a currency of 1e999 (Infinity)', module: 'leads', field: 'annualRevenue', raw: '1e999' },
  { what: 'a currency of -1e999 (-Infinity)', module: 'leads', field: 'annualRevenue', raw: '-1e999' },
  { what: 'a percent of 1e999 (Infinity)', module: 'deals', field: 'probability', raw: '1e999' },
  { what: 'a bigint of 1e999 (Infinity)', module: 'leads', field: 'bigNumber', raw: '1e999' },
  { what: 'a currency with 3 decimals', module: 'leads', field: 'annualRevenue', value: 1250.505 },
  { what: 'a currency of 0.001', module: 'leads', field: 'annualRevenue', value: 0.001 },
  { what: 'a currency too large to store exactly', module: 'leads', field: 'annualRevenue', value: 1e17 },
  {
    what: 'a currency of 89999999999999.99 (more digits than a JSON number keeps: it would be stored as .98)',
    module: 'leads',
    field: 'annualRevenue',
    raw: '89999999999999.99',
  },
  { what: 'a percent above 100', module: 'deals', field: 'probability', value: 100.5 },
  { what: 'a percent below 0', module: 'deals', field: 'probability', value: -1 },
  // picklists
  { what: 'an unknown picklist value', module: 'leads', field: 'rating', value: 'Scorching' },
  { what: 'an unknown stage', module: 'deals', field: 'stage', value: 'Daydreaming' },
  { what: 'a multiselect with a duplicate', module: 'leads', field: 'interests', value: ['Alpha', 'Alpha'] },
  { what: 'a multiselect with a duplicate in another case', module: 'leads', field: 'interests', value: ['Alpha', 'alpha'] },
  { what: 'a multiselect with an unknown option', module: 'leads', field: 'interests', value: ['Alpha', 'Omega'] },
  { what: 'a multiselect with a non-string item', module: 'leads', field: 'interests', value: ['Alpha', 3] },
  // dates
  { what: 'the impossible date 2023-02-29', module: 'contacts', field: 'birthday', value: '2023-02-29' },
  { what: 'the impossible date 2024-13-01', module: 'contacts', field: 'birthday', value: '2024-13-01' },
  { what: 'the impossible date 2024-04-31', module: 'contacts', field: 'birthday', value: '2024-04-31' },
  { what: 'the impossible date 2024-00-10', module: 'contacts', field: 'birthday', value: '2024-00-10' },
  { what: 'the date 0000-01-01', module: 'contacts', field: 'birthday', value: '0000-01-01' },
  { what: 'a date-time without a zone', module: 'tasks', field: 'dueAt', value: '2026-05-01T09:30:00' },
  { what: 'a date-time with a space instead of T', module: 'tasks', field: 'dueAt', value: '2026-05-01 09:30:00Z' },
  { what: 'a bare date for a date-time', module: 'tasks', field: 'dueAt', value: '2026-05-01' },
  { what: 'a date-time on an impossible date', module: 'tasks', field: 'dueAt', value: '2026-02-30T10:00:00Z' },
  { what: 'a date-time at hour 25', module: 'tasks', field: 'dueAt', value: '2026-05-01T25:00:00Z' },
  { what: 'a date-time in words', module: 'tasks', field: 'dueAt', value: 'tomorrow at noon' },
  { what: 'a date-time that is after the year 9999 in UTC', module: 'tasks', field: 'dueAt', value: '9999-12-31T23:59:59-23:59' },
  { what: 'a date-time that is before the year 0001 in UTC', module: 'tasks', field: 'dueAt', value: '0001-01-01T00:00:00+23:59' },
  { what: 'an event that ends before it starts', module: 'events', field: 'endAt', value: '2026-05-01T08:00:00Z' },
  // references
  { what: 'a lookup to a nonexistent id', module: 'contacts', field: 'account', value: 'doesnotexist' },
  { what: 'a lookup {id} to a nonexistent id', module: 'contacts', field: 'account', value: { id: 'doesnotexist' } },
  { what: 'a lookup to a record of the wrong module', module: 'contacts', field: 'account', value: (fx: Fx) => fx.leads },
  { what: 'a deal contact that is an account', module: 'deals', field: 'contact', value: (fx: Fx) => ({ id: fx.accounts }) },
  { what: 'an owner that is not a user', module: 'leads', field: 'owner', value: 'nosuchuser' },
  { what: 'an owner that is a record, not a user', module: 'leads', field: 'owner', value: (fx: Fx) => ({ id: fx.accounts }) },
  { what: 'an owner that is a number', module: 'leads', field: 'owner', value: 7 },
  // read-only fields
  { what: 'the read-only score', module: 'leads', field: 'score', value: 99 },
  { what: 'the read-only converted', module: 'leads', field: 'converted', value: true },
  { what: 'the read-only expectedRevenue', module: 'deals', field: 'expectedRevenue', value: 123456 },
  { what: 'the read-only lastActivityAt', module: 'contacts', field: 'lastActivityAt', value: '2020-01-01T00:00:00Z' },
  { what: 'the read-only completedAt', module: 'tasks', field: 'completedAt', value: '2020-01-01T00:00:00Z' },
  { what: 'the system field createdAt', module: 'leads', field: 'createdAt', value: '2000-01-01T00:00:00.000Z' },
];

/** Each case with a full test name (vitest would truncate `$what`). */
const NAMED_CASES = FIELD_CASES.map((c) => [`${c.what} (${c.module}.${c.field})`, c] as [string, FieldCase]);

describe.each(dialects)('bad record input on %s', (dialect) => {
  let t: TestServer;
  const fx: Fx = {};

  const count = async (module: string, filter?: unknown) => {
    const q = filter ? `?filter=${encodeURIComponent(JSON.stringify(filter))}` : '';
    const r = await t.admin.get(`/api/v1/records/${module}/count${q}`);
    expect(r.status, r.text).toBe(200);
    return r.body.count as number;
  };
  const getRecord = async (module: string, id: string) => {
    const r = await t.admin.get(`/api/v1/records/${module}/${id}`);
    expect(r.status, r.text).toBe(200);
    return r.body.data;
  };
  const history = async (module: string, id: string) => {
    const r = await t.admin.get(`/api/v1/records/${module}/${id}/history`);
    expect(r.status, r.text).toBe(200);
    return r.body.data;
  };
  const createOne = async (module: string, record: Record<string, unknown>) => {
    const r = await t.admin.post(`/api/v1/records/${module}`, { data: [record] });
    expect(r.status, r.text).toBe(201);
    return r.body.data[0].id as string;
  };
  const addField = async (module: string, body: Record<string, unknown>) => {
    const r = await t.admin.post(`/api/v1/modules/${module}/fields`, body);
    expect(r.status, r.text).toBe(201);
    return r.body.data;
  };
  const caseValue = (c: FieldCase) => (typeof c.value === 'function' ? (c.value as (f: Fx) => unknown)(fx) : c.value);

  beforeAll(async () => {
    t = await startTestServer(dialect);
    await addField('leads', { label: 'Interests', apiName: 'interests', type: 'multiselect', options: ['Alpha', 'Beta', 'Gamma'] });
    await addField('leads', { label: 'Big Number', apiName: 'bigNumber', type: 'bigint' });
    await addField('contacts', { label: 'Login Name', apiName: 'loginName', type: 'text', unique: true });
    const me = await t.admin.get('/api/v1/me');
    expect(me.status, me.text).toBe(200);
    fx.user = me.body.user.id;
    fx.accounts = await createOne('accounts', { name: 'Fixture Account' });
    fx.leads = await createOne('leads', { firstName: 'Fixture', lastName: 'Lead', numberOfEmployees: 5, rating: 'Warm' });
    fx.contacts = await createOne('contacts', { lastName: 'Fixture Contact', account: fx.accounts });
    fx.deals = await createOne('deals', { dealName: 'Fixture Deal', stage: 'Qualification', closingDate: '2026-06-30', amount: 1000 });
    fx.tasks = await createOne('tasks', { subject: 'Fixture Task' });
    fx.events = await createOne('events', { title: 'Fixture Event', startAt: '2026-05-01T09:00:00Z', endAt: '2026-05-01T10:00:00Z' });
    fx.calls = await createOne('calls', { subject: 'Fixture Call' });
  });
  afterAll(async () => {
    await t?.close();
  });

  // ---------------------------------------------------------------- field values on create

  it.each(NAMED_CASES)('create rejects %s with INVALID_DATA naming the field, writing nothing', async (_name, c) => {
    const before = await count(c.module);
    const record = { ...BASE[c.module], [c.field]: c.raw !== undefined ? RAW : caseValue(c) };
    const body = { data: [record] };
    const res =
      c.raw !== undefined
        ? await t.admin.post(`/api/v1/records/${c.module}`, withRaw(body, c.raw))
        : await t.admin.post(`/api/v1/records/${c.module}`, body);
    expectAllFailed(res, 1);
    expectRecordError(res.body.data[0], c.code ?? 'INVALID_DATA', c.field);
    expect(await count(c.module)).toBe(before);
  });

  // ---------------------------------------------------------------- field values on update

  it.each(NAMED_CASES)('update rejects %s with INVALID_DATA naming the field, leaving the record unchanged', async (_name, c) => {
    const id = fx[c.module];
    const before = await getRecord(c.module, id);
    const hist = await history(c.module, id);
    const data = { ...BENIGN[c.module], [c.field]: c.raw !== undefined ? RAW : caseValue(c) };
    const res =
      c.raw !== undefined
        ? await t.admin.patch(`/api/v1/records/${c.module}/${id}`, withRaw({ data }, c.raw))
        : await t.admin.patch(`/api/v1/records/${c.module}/${id}`, { data });
    expectError(res, 400, c.code ?? 'INVALID_DATA', c.field);
    expect(await getRecord(c.module, id)).toEqual(before);
    expect(await history(c.module, id)).toEqual(hist);
  });

  it('accepts a text of exactly 255 astral characters (the limit counts characters)', async () => {
    const res = await t.admin.post('/api/v1/records/leads', { data: [{ lastName: long('😀', 255) }] });
    expect(res.status, res.text).toBe(201);
    expect(res.body.data[0].record.lastName).toBe(long('😀', 255));
  });

  // ---------------------------------------------------------------- required fields

  it('create without a required field → REQUIRED_FIELD_MISSING naming it, nothing written', async () => {
    const before = await count('leads');
    const res = await t.admin.post('/api/v1/records/leads', { data: [{ firstName: 'NoLastName' }] });
    expectAllFailed(res, 1);
    expectRecordError(res.body.data[0], 'REQUIRED_FIELD_MISSING', 'lastName');
    expect(await count('leads')).toBe(before);
  });

  it('create with a required field set to "" → REQUIRED_FIELD_MISSING naming it, nothing written', async () => {
    const before = await count('leads');
    const res = await t.admin.post('/api/v1/records/leads', { data: [{ firstName: 'Empty', lastName: '' }] });
    expectAllFailed(res, 1);
    expectRecordError(res.body.data[0], 'REQUIRED_FIELD_MISSING', 'lastName');
    expect(await count('leads')).toBe(before);
  });

  it('create with a required field set to null → REQUIRED_FIELD_MISSING naming it, nothing written', async () => {
    const before = await count('accounts');
    const res = await t.admin.post('/api/v1/records/accounts', { data: [{ name: null, phone: '+1 555 0100' }] });
    expectAllFailed(res, 1);
    expectRecordError(res.body.data[0], 'REQUIRED_FIELD_MISSING', 'name');
    expect(await count('accounts')).toBe(before);
  });

  it('create of a deal without its closingDate → REQUIRED_FIELD_MISSING naming closingDate, nothing written', async () => {
    const before = await count('deals');
    const res = await t.admin.post('/api/v1/records/deals', { data: [{ dealName: 'No date', stage: 'Qualification' }] });
    expectAllFailed(res, 1);
    expectRecordError(res.body.data[0], 'REQUIRED_FIELD_MISSING', 'closingDate');
    expect(await count('deals')).toBe(before);
  });

  it('create of an empty record {} → REQUIRED_FIELD_MISSING, nothing written', async () => {
    const before = await count('leads');
    const res = await t.admin.post('/api/v1/records/leads', { data: [{}] });
    expectAllFailed(res, 1);
    expectRecordError(res.body.data[0], 'REQUIRED_FIELD_MISSING', 'lastName');
    expect(await count('leads')).toBe(before);
  });

  it('update clearing a required field → REQUIRED_FIELD_MISSING naming it, record unchanged', async () => {
    const before = await getRecord('leads', fx.leads);
    const res = await t.admin.patch(`/api/v1/records/leads/${fx.leads}`, { data: { firstName: 'Changed', lastName: null } });
    expectError(res, 400, 'REQUIRED_FIELD_MISSING', 'lastName');
    expect(await getRecord('leads', fx.leads)).toEqual(before);
  });

  it('update setting a required field to "" → REQUIRED_FIELD_MISSING naming it, record unchanged', async () => {
    const before = await getRecord('accounts', fx.accounts);
    const res = await t.admin.patch(`/api/v1/records/accounts/${fx.accounts}`, { data: { name: '' } });
    expectError(res, 400, 'REQUIRED_FIELD_MISSING', 'name');
    expect(await getRecord('accounts', fx.accounts)).toEqual(before);
  });

  // ---------------------------------------------------------------- records that are not objects

  it.each([
    ['null', null],
    ['a string', 'lastName=x'],
    ['a number', 42],
    ['an array', [{ lastName: 'x' }]],
    ['a boolean', true],
  ])('create rejects a record that is %s with a per-record INVALID_DATA, nothing written', async (_name, record) => {
    const before = await count('leads');
    const res = await t.admin.post('/api/v1/records/leads', { data: [record] });
    expectAllFailed(res, 1);
    expectRecordError(res.body.data[0], 'INVALID_DATA');
    expect(await count('leads')).toBe(before);
  });

  it('create with an empty data array → 400 INVALID_DATA, nothing written', async () => {
    const before = await count('leads');
    const res = await t.admin.post('/api/v1/records/leads', { data: [] });
    expectError(res, 400, ['INVALID_DATA', 'INVALID_REQUEST']);
    expect(await count('leads')).toBe(before);
  });

  // ---------------------------------------------------------------- bulk create

  it('create of 101 records → 400 LIMIT_EXCEEDED and nothing written', async () => {
    const before = await count('leads');
    const data = Array.from({ length: 101 }, (_, i) => ({ lastName: `Over${i}` }));
    const res = await t.admin.post('/api/v1/records/leads', { data });
    expectError(res, 400, 'LIMIT_EXCEEDED');
    expect(await count('leads')).toBe(before);
    expect(await count('leads', { field: 'lastName', op: 'startsWith', value: 'Over' })).toBe(0);
  });

  it('create of 100 records (the limit) succeeds', async () => {
    const before = await count('leads');
    const data = Array.from({ length: 100 }, (_, i) => ({ lastName: `AtLimit${i}` }));
    const res = await t.admin.post('/api/v1/records/leads', { data });
    expect(res.status, res.text.slice(0, 300)).toBe(201);
    expect(await count('leads')).toBe(before + 100);
  });

  it('create of mixed good and bad records → 207 with per-record results in order, only the good written', async () => {
    const before = await count('leads');
    const data = [
      { lastName: 'Mixed-Good-1' },
      { lastName: 'Mixed-Bad-1', shoeSize: 44 },
      { lastName: 'Mixed-Good-2', rating: 'Hot' },
      { firstName: 'Mixed-Bad-2' },
      { lastName: 'Mixed-Bad-3', owner: 'nosuchuser' },
      { lastName: 'Mixed-Bad-4', numberOfEmployees: 1e10 },
      'not a record',
    ];
    const res = await t.admin.post('/api/v1/records/leads', { data });
    expect(res.status, res.text).toBe(207);
    const results = res.body.data;
    expect(results).toHaveLength(data.length);
    expect(results[0]).toMatchObject({ status: 'success', id: expect.any(String), record: { lastName: 'Mixed-Good-1' } });
    expectRecordError(results[1], 'INVALID_DATA', 'shoeSize');
    expect(results[2]).toMatchObject({ status: 'success', id: expect.any(String), record: { lastName: 'Mixed-Good-2', rating: 'Hot' } });
    expectRecordError(results[3], 'REQUIRED_FIELD_MISSING', 'lastName');
    expectRecordError(results[4], 'INVALID_DATA', 'owner');
    expectRecordError(results[5], 'INVALID_DATA', 'numberOfEmployees');
    expectRecordError(results[6], 'INVALID_DATA');
    expect(await count('leads')).toBe(before + 2);
    expect(await count('leads', { field: 'lastName', op: 'startsWith', value: 'Mixed-Bad' })).toBe(0);
    expect((await getRecord('leads', results[0].id)).lastName).toBe('Mixed-Good-1');
    expect((await getRecord('leads', results[2].id)).lastName).toBe('Mixed-Good-2');
  });

  it('create where every record is bad → 400 with per-record results in order, nothing written', async () => {
    const before = await count('leads');
    const data = [
      { lastName: 'AllBad-1', rating: 'Tepid' },
      { firstName: 'AllBad-2' },
      { lastName: 'AllBad-3', website: 'javascript:alert(1)' },
    ];
    const res = await t.admin.post('/api/v1/records/leads', { data });
    expectAllFailed(res, 3);
    expectRecordError(res.body.data[0], 'INVALID_DATA', 'rating');
    expectRecordError(res.body.data[1], 'REQUIRED_FIELD_MISSING', 'lastName');
    expectRecordError(res.body.data[2], 'INVALID_DATA', 'website');
    expect(await count('leads')).toBe(before);
  });

  it('create where one record has a lookup to a nonexistent id → only that one fails (207)', async () => {
    const before = await count('contacts');
    const res = await t.admin.post('/api/v1/records/contacts', {
      data: [
        { lastName: 'RefGood', account: fx.accounts },
        { lastName: 'RefBad', account: 'doesnotexist' },
      ],
    });
    expect(res.status, res.text).toBe(207);
    expect(res.body.data[0]).toMatchObject({ status: 'success' });
    expectRecordError(res.body.data[1], 'INVALID_DATA', 'account');
    expect(await count('contacts')).toBe(before + 1);
  });

  // ---------------------------------------------------------------- bulk update

  it('bulk update of records without ids → 400 with per-record INVALID_DATA naming id, nothing written', async () => {
    const before = await getRecord('leads', fx.leads);
    const res = await t.admin.patch('/api/v1/records/leads', {
      data: [{ firstName: 'NoId' }, { id: '', firstName: 'EmptyId' }, { id: 42, firstName: 'NumberId' }],
    });
    expectAllFailed(res, 3);
    for (const r of res.body.data) expectRecordError(r, 'INVALID_DATA', 'id');
    expect(await count('leads', { field: 'firstName', op: 'in', value: ['NoId', 'EmptyId', 'NumberId'] })).toBe(0);
    expect(await getRecord('leads', fx.leads)).toEqual(before);
  });

  it('bulk update with unknown ids → 400 with per-record NOT_FOUND', async () => {
    const before = await getRecord('accounts', fx.accounts);
    const res = await t.admin.patch('/api/v1/records/leads', {
      data: [
        { id: 'doesnotexist', firstName: 'x' },
        { id: fx.accounts, firstName: 'y' },
      ],
    });
    expectAllFailed(res, 2);
    expectRecordError(res.body.data[0], 'NOT_FOUND');
    expectRecordError(res.body.data[1], 'NOT_FOUND');
    expect(await getRecord('accounts', fx.accounts)).toEqual(before);
  });

  it('bulk update mixing good and bad records → 207 in order, only the good changed', async () => {
    const a = await createOne('leads', { lastName: 'BulkUpd-A' });
    const b = await createOne('leads', { lastName: 'BulkUpd-B', numberOfEmployees: 3 });
    const bBefore = await getRecord('leads', b);
    const res = await t.admin.patch('/api/v1/records/leads', {
      data: [
        { id: a, firstName: 'Good' },
        { id: b, firstName: 'Half', numberOfEmployees: 'many' },
        { firstName: 'NoId' },
        { id: 'doesnotexist', firstName: 'Ghost' },
      ],
    });
    expect(res.status, res.text).toBe(207);
    expect(res.body.data).toHaveLength(4);
    expect(res.body.data[0]).toMatchObject({ status: 'success', id: a, record: { firstName: 'Good', version: 2 } });
    expectRecordError(res.body.data[1], 'INVALID_DATA', 'numberOfEmployees');
    expectRecordError(res.body.data[2], 'INVALID_DATA', 'id');
    expectRecordError(res.body.data[3], 'NOT_FOUND');
    expect((await getRecord('leads', a)).firstName).toBe('Good');
    expect(await getRecord('leads', b)).toEqual(bBefore);
  });

  it('bulk update of 101 records → 400 LIMIT_EXCEEDED and nothing written', async () => {
    const before = await getRecord('leads', fx.leads);
    const data = Array.from({ length: 101 }, () => ({ id: fx.leads, firstName: 'TooMany' }));
    const res = await t.admin.patch('/api/v1/records/leads', { data });
    expectError(res, 400, 'LIMIT_EXCEEDED');
    expect(await getRecord('leads', fx.leads)).toEqual(before);
  });

  it('bulk update with an empty data array → 400, nothing written', async () => {
    const res = await t.admin.patch('/api/v1/records/leads', { data: [] });
    expectError(res, 400, ['INVALID_DATA', 'INVALID_REQUEST']);
  });

  // ---------------------------------------------------------------- bulk delete

  it('DELETE with 101 ids → 400 LIMIT_EXCEEDED and nothing deleted', async () => {
    const first = await t.admin.post('/api/v1/records/calls', { data: Array.from({ length: 100 }, (_, i) => ({ subject: `Del${i}` })) });
    expect(first.status, first.text.slice(0, 300)).toBe(201);
    const ids: string[] = first.body.data.map((r: any) => r.id);
    ids.push(await createOne('calls', { subject: 'Del100' }));
    const before = await count('calls');
    const res = await t.admin.delete(`/api/v1/records/calls?ids=${ids.join(',')}`);
    expectError(res, 400, 'LIMIT_EXCEEDED');
    expect(await count('calls')).toBe(before);
    const bin = await t.admin.get('/api/v1/recycle-bin');
    expect(bin.body.data.filter((e: any) => ids.includes(e.recordId))).toHaveLength(0);
  });

  it('DELETE with an empty ids list → 400, nothing deleted', async () => {
    const before = await count('calls');
    expectError(await t.admin.delete('/api/v1/records/calls?ids='), 400, ['INVALID_REQUEST', 'INVALID_DATA']);
    expectError(await t.admin.delete('/api/v1/records/calls?ids=,,,'), 400, ['INVALID_REQUEST', 'INVALID_DATA']);
    expectError(await t.admin.delete('/api/v1/records/calls'), 400, ['INVALID_REQUEST', 'INVALID_DATA']);
    expect(await count('calls')).toBe(before);
  });

  it('DELETE with unknown and hostile ids → 400 (per-record NOT_FOUND or an error body), nothing deleted', async () => {
    const before = await count('calls');
    const ids = ['doesnotexist', "' or 1=1 --", '%', '*'].map(encodeURIComponent).join(',');
    const res = await t.admin.delete(`/api/v1/records/calls?ids=${ids}`);
    expect(res.status, res.text).toBe(400);
    if (res.body?.error) expectError(res, 400, ['INVALID_REQUEST', 'INVALID_DATA', 'NOT_FOUND']);
    else for (const r of res.body.data) expectRecordError(r, ['NOT_FOUND', 'INVALID_DATA', 'INVALID_REQUEST']);
    expect(await count('calls')).toBe(before);
  });

  it('DELETE of a record of another module by id → 404, the other record intact', async () => {
    const res = await t.admin.delete(`/api/v1/records/calls/${fx.accounts}`);
    expectError(res, 404, 'NOT_FOUND');
    expect((await getRecord('accounts', fx.accounts)).name).toBe('Fixture Account');
  });

  // ---------------------------------------------------------------- If-Match

  it('update with a stale If-Match → 409 VERSION_CONFLICT, record unchanged', async () => {
    const id = await createOne('accounts', { name: 'Versioned' });
    const ok = await t.admin.patch(`/api/v1/records/accounts/${id}`, { data: { phone: '+1 555 0101' } }, { 'if-match': '1' });
    expect(ok.status, ok.text).toBe(200);
    const before = await getRecord('accounts', id);
    const res = await t.admin.patch(`/api/v1/records/accounts/${id}`, { data: { phone: '+1 555 0199' } }, { 'if-match': '1' });
    expectError(res, 409, 'VERSION_CONFLICT');
    expect(await getRecord('accounts', id)).toEqual(before);
    expect(before.version).toBe(2);
  });

  it('update with an If-Match from the future → 409 VERSION_CONFLICT, record unchanged', async () => {
    const before = await getRecord('accounts', fx.accounts);
    const res = await t.admin.patch(`/api/v1/records/accounts/${fx.accounts}`, { data: { phone: '+1 555 0102' } }, { 'if-match': '999' });
    expectError(res, 409, 'VERSION_CONFLICT');
    expect(await getRecord('accounts', fx.accounts)).toEqual(before);
  });

  it.each(['abc', '-1', '1.5', '1e3', '1; drop table r_accounts', '0x1', '9'.repeat(30), 'x'.repeat(200)])(
    'update with a garbage If-Match %j → 400, record unchanged',
    async (ifMatch) => {
      const before = await getRecord('accounts', fx.accounts);
      const res = await t.admin.patch(
        `/api/v1/records/accounts/${fx.accounts}`,
        { data: { phone: '+1 555 0103' } },
        { 'if-match': ifMatch },
      );
      expectError(res, 400, 'INVALID_REQUEST');
      expect(await getRecord('accounts', fx.accounts)).toEqual(before);
    },
  );

  // ---------------------------------------------------------------- unique fields

  it('create with a unique value differing only in case → DUPLICATE_DATA naming the field, nothing written', async () => {
    await createOne('contacts', { lastName: 'Unique One', loginName: 'Zoë@X.io' });
    const before = await count('contacts');
    const res = await t.admin.post('/api/v1/records/contacts', { data: [{ lastName: 'Unique Two', loginName: 'zoë@x.io' }] });
    expectAllFailed(res, 1);
    expectRecordError(res.body.data[0], 'DUPLICATE_DATA', 'loginName');
    const res2 = await t.admin.post('/api/v1/records/contacts', { data: [{ lastName: 'Unique Three', loginName: 'ZOË@X.IO' }] });
    expectAllFailed(res2, 1);
    expectRecordError(res2.body.data[0], 'DUPLICATE_DATA', 'loginName');
    expect(await count('contacts')).toBe(before);
  });

  it('update to a unique value held by another record (other case) → 409 DUPLICATE_DATA, record unchanged', async () => {
    await createOne('contacts', { lastName: 'Holder', loginName: 'Ünïque@Example.org' });
    const other = await createOne('contacts', { lastName: 'Other', loginName: 'other@example.org' });
    const before = await getRecord('contacts', other);
    const res = await t.admin.patch(`/api/v1/records/contacts/${other}`, {
      data: { firstName: 'Changed', loginName: 'üNÏQUE@example.ORG' },
    });
    expectError(res, 409, 'DUPLICATE_DATA', 'loginName');
    expect(await getRecord('contacts', other)).toEqual(before);
  });

  it('a batch holding the same unique value twice → 207, the second fails with DUPLICATE_DATA', async () => {
    const before = await count('contacts');
    const res = await t.admin.post('/api/v1/records/contacts', {
      data: [
        { lastName: 'Twin A', loginName: 'twin@example.com' },
        { lastName: 'Twin B', loginName: 'TWIN@example.com' },
      ],
    });
    expect(res.status, res.text).toBe(207);
    expect(res.body.data[0]).toMatchObject({ status: 'success' });
    expectRecordError(res.body.data[1], 'DUPLICATE_DATA', 'loginName');
    expect(await count('contacts')).toBe(before + 1);
  });
});
