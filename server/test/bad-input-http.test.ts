import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type Response, startTestServer, type TestServer } from './harness.js';
import { testDialects } from './pg.js';

/**
 * Bad and hostile requests at the HTTP level (API.md "Conventions", "Records", "Filters"):
 * bodies, routes, ids, filters, sorting, paging, cursors, text search and authentication. Every
 * rejection is a 4xx with exactly the API.md error body, and nothing is written.
 */

const dialects = await testDialects();

/** Asserts the exact API.md error body: {"error": {"code", "message", "details"}} and nothing else. */
function expectError(res: Response, status: number | number[], code: string | string[] | null, field?: string) {
  const statuses = Array.isArray(status) ? status : [status];
  const codes = code === null ? null : Array.isArray(code) ? code : [code];
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
  if (codes) expect(codes, seen).toContain(e.code);
  expect(typeof e.message, seen).toBe('string');
  expect(e.message.length, seen).toBeGreaterThan(0);
  expect(e.details !== null && typeof e.details === 'object' && !Array.isArray(e.details), seen).toBe(true);
  if (field !== undefined) expect(e.details.field, seen).toBe(field);
  // Never a stack trace or internals.
  expect(res.text, seen).not.toMatch(/\n\s+at \S|\.(ts|js):\d+|node_modules|SQLITE_|syntax error at/);
}

const enc = (v: unknown) => encodeURIComponent(typeof v === 'string' ? v : JSON.stringify(v));
const MB = 1024 * 1024;

describe.each(dialects)('bad HTTP input on %s', (dialect) => {
  let t: TestServer;
  let leadId: string;
  let leadIds: string[] = [];
  let totalLeads = 0;

  const count = async (module = 'leads') => {
    const r = await t.admin.get(`/api/v1/records/${module}/count`);
    expect(r.status, r.text).toBe(200);
    return r.body.count as number;
  };
  const getLead = async (id = leadId) => {
    const r = await t.admin.get(`/api/v1/records/leads/${id}`);
    expect(r.status, r.text).toBe(200);
    return r.body.data;
  };
  /** A raw fetch with the admin's session, for what the harness client cannot send. */
  const rawFetch = (path: string, init: RequestInit & { duplex?: 'half' } = {}) =>
    fetch(t.url + path, { ...init, headers: { cookie: t.admin.cookie ?? '', ...(init.headers as Record<string, string>) } });
  const toResponse = async (res: globalThis.Response): Promise<Response> => {
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {}
    return { status: res.status, headers: res.headers, body, text };
  };

  /** The three ways to apply a filter: GET list, GET count, POST query. */
  const filterEverywhere = async (filter: unknown, rawFilterText?: string) => {
    const text = rawFilterText ?? JSON.stringify(filter);
    return {
      list: await t.admin.get(`/api/v1/records/leads?filter=${encodeURIComponent(text)}`),
      count: await t.admin.get(`/api/v1/records/leads/count?filter=${encodeURIComponent(text)}`),
      query: await t.admin.post('/api/v1/records/leads/query', `{"filter":${text}}`),
    };
  };
  const expectFilterRejected = async (filter: unknown, field?: string, rawFilterText?: string) => {
    const r = await filterEverywhere(filter, rawFilterText);
    expectError(r.list, 400, 'INVALID_FILTER', field);
    expectError(r.count, 400, 'INVALID_FILTER', field);
    expectError(r.query, 400, 'INVALID_FILTER', field);
  };
  /** The leads table is still there and whole. */
  const expectLeadsIntact = async () => {
    expect(await count()).toBe(totalLeads);
    const l = await t.admin.get('/api/v1/records/leads?perPage=200');
    expect(l.status, l.text).toBe(200);
    expect((await getLead()).lastName).toBe('Sentinel');
  };

  beforeAll(async () => {
    t = await startTestServer(dialect);
    const f = await t.admin.post('/api/v1/modules/leads/fields', {
      label: 'Interests',
      apiName: 'interests',
      type: 'multiselect',
      options: ['Alpha', 'Beta'],
    });
    expect(f.status, f.text).toBe(201);
    const c = await t.admin.post('/api/v1/records/leads', {
      data: [
        { firstName: 'Sam', lastName: 'Sentinel', numberOfEmployees: 10, rating: 'Hot', interests: ['Alpha'] },
        ...Array.from({ length: 12 }, (_, i) => ({
          lastName: `Paged${String(i).padStart(2, '0')}`,
          numberOfEmployees: i,
          rating: i % 2 ? 'Warm' : 'Cold',
        })),
      ],
    });
    expect(c.status, c.text).toBe(201);
    leadIds = c.body.data.map((r: any) => r.id);
    leadId = leadIds[0];
    totalLeads = await count();
  });
  afterAll(async () => {
    await t?.close();
  });

  // ================================================================ bodies

  it('malformed JSON on create → 400 INVALID_REQUEST, nothing written', async () => {
    for (const text of [
      '{"data": [',
      '{data: []}',
      "{'data': []}",
      '{"data": [{"lastName": "x",}]}',
      '{"data": [{"lastName": "x"}]} trailing',
      'NaN',
      '\u0000',
    ]) {
      const res = await t.admin.post('/api/v1/records/leads', text);
      expectError(res, 400, 'INVALID_REQUEST');
    }
    expect(await count()).toBe(totalLeads);
  });

  it('malformed JSON on update → 400 INVALID_REQUEST, record unchanged', async () => {
    const before = await getLead();
    const res = await t.admin.patch(`/api/v1/records/leads/${leadId}`, '{"data": {"firstName": "Changed"');
    expectError(res, 400, 'INVALID_REQUEST');
    expect(await getLead()).toEqual(before);
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', 'application/jsonx'])(
    'a JSON body sent as %s → 415 (or 400), nothing written',
    async (type) => {
      const res = await t.admin.post('/api/v1/records/leads', JSON.stringify({ data: [{ lastName: 'WrongType' }] }), {
        'content-type': type,
      });
      expectError(res, [400, 415], ['UNSUPPORTED_MEDIA_TYPE', 'INVALID_REQUEST']);
      expect(await count()).toBe(totalLeads);
    },
  );

  it('an update sent as text/plain → 415 (or 400), record unchanged', async () => {
    const before = await getLead();
    const res = await t.admin.patch(`/api/v1/records/leads/${leadId}`, JSON.stringify({ data: { firstName: 'Changed' } }), {
      'content-type': 'text/plain',
    });
    expectError(res, [400, 415], ['UNSUPPORTED_MEDIA_TYPE', 'INVALID_REQUEST']);
    expect(await getLead()).toEqual(before);
  });

  it('an empty body with Content-Type application/json on POST → 400 INVALID_REQUEST, nothing written', async () => {
    const res = await t.admin.request('POST', '/api/v1/records/leads', '');
    expectError(res, 400, 'INVALID_REQUEST');
    expect(await count()).toBe(totalLeads);
  });

  it('a POST without any body → 400 INVALID_REQUEST, nothing written', async () => {
    const res = await t.admin.request('POST', '/api/v1/records/leads');
    expectError(res, 400, 'INVALID_REQUEST');
    expect(await count()).toBe(totalLeads);
  });

  it('a PATCH without any body → 400 INVALID_REQUEST, record unchanged', async () => {
    const before = await getLead();
    const res = await t.admin.request('PATCH', `/api/v1/records/leads/${leadId}`);
    expectError(res, 400, 'INVALID_REQUEST');
    expect(await getLead()).toEqual(before);
  });

  it('a body over the 10 MB limit → 413 PAYLOAD_TOO_LARGE, nothing written', async () => {
    const text = JSON.stringify({ data: [{ lastName: 'Huge', description: 'a'.repeat(10 * MB + 10) }] });
    const res = await t.admin.post('/api/v1/records/leads', text);
    expectError(res, 413, 'PAYLOAD_TOO_LARGE');
    expect(await count()).toBe(totalLeads);
  });

  it('a chunked body over the 10 MB limit without Content-Length → 413 PAYLOAD_TOO_LARGE, nothing written', async () => {
    const chunk = new TextEncoder().encode('a'.repeat(MB));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new TextEncoder().encode('{"data":[{"lastName":"HugeChunked","description":"'));
      },
      pull(c) {
        if (sent >= 11) {
          c.enqueue(new TextEncoder().encode('"}]}'));
          c.close();
          return;
        }
        sent++;
        c.enqueue(chunk);
      },
    });
    let res: Response;
    try {
      res = await toResponse(
        await rawFetch('/api/v1/records/leads', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: stream,
          duplex: 'half',
        }),
      );
    } catch (err) {
      throw new Error(`the server dropped the connection instead of answering 413: ${String(err)}`);
    }
    expectError(res, 413, 'PAYLOAD_TOO_LARGE');
    expect(await count()).toBe(totalLeads);
  });

  it.each([
    ['an array', '[{"lastName": "x"}]'],
    ['a string', '"lastName=x"'],
    ['a number', '42'],
    ['null', 'null'],
    ['true', 'true'],
  ])('a JSON body that is %s instead of an object → 400 INVALID_REQUEST, nothing written', async (_what, text) => {
    const res = await t.admin.post('/api/v1/records/leads', text);
    expectError(res, 400, 'INVALID_REQUEST');
    expect(await count()).toBe(totalLeads);
  });

  it.each([
    ['an array', '[{"firstName": "Changed"}]'],
    ['a string', '"firstName=Changed"'],
    ['a number', '42'],
    ['null', 'null'],
  ])('an update body that is %s instead of an object → 400 INVALID_REQUEST, record unchanged', async (_what, text) => {
    const before = await getLead();
    const res = await t.admin.patch(`/api/v1/records/leads/${leadId}`, text);
    expectError(res, 400, 'INVALID_REQUEST');
    expect(await getLead()).toEqual(before);
  });

  it('create with "data" an object instead of an array → 400, nothing written', async () => {
    const res = await t.admin.post('/api/v1/records/leads', { data: { lastName: 'NotArray' } });
    expectError(res, 400, ['INVALID_REQUEST', 'INVALID_DATA']);
    expect(await count()).toBe(totalLeads);
  });

  it('create without "data" → 400 INVALID_REQUEST naming data, nothing written', async () => {
    const res = await t.admin.post('/api/v1/records/leads', { lastName: 'NoEnvelope' });
    expectError(res, 400, 'INVALID_REQUEST');
    expect(await count()).toBe(totalLeads);
  });

  it('create with an unknown top-level property → 400 INVALID_REQUEST, nothing written', async () => {
    const res = await t.admin.post('/api/v1/records/leads', { data: [{ lastName: 'Extra' }], sneaky: true });
    expectError(res, 400, 'INVALID_REQUEST', 'sneaky');
    expect(await count()).toBe(totalLeads);
  });

  it('update with "data" an array or null → 400 INVALID_REQUEST, record unchanged', async () => {
    const before = await getLead();
    expectError(await t.admin.patch(`/api/v1/records/leads/${leadId}`, { data: [{ firstName: 'Changed' }] }), 400, 'INVALID_REQUEST');
    expectError(await t.admin.patch(`/api/v1/records/leads/${leadId}`, { data: null }), 400, 'INVALID_REQUEST');
    expectError(await t.admin.patch(`/api/v1/records/leads/${leadId}`, { data: 'firstName=Changed' }), 400, 'INVALID_REQUEST');
    expect(await getLead()).toEqual(before);
  });

  it('a "__proto__" key in a record → 400, nothing written and no prototype pollution', async () => {
    const res = await t.admin.post('/api/v1/records/leads', '{"data": [{"lastName": "Proto", "__proto__": {"isAdmin": true}}]}');
    expect(res.status, res.text).toBe(400);
    if (res.body?.error) expectError(res, 400, ['INVALID_REQUEST', 'INVALID_DATA']);
    else expect(res.body.data[0]).toMatchObject({ status: 'error', code: 'INVALID_DATA' });
    expect(await count()).toBe(totalLeads);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('a "constructor.prototype" key in the body → 400, nothing written', async () => {
    const res = await t.admin.post(
      '/api/v1/records/leads',
      '{"data": [{"lastName": "Ctor"}], "constructor": {"prototype": {"isAdmin": true}}}',
    );
    expectError(res, 400, 'INVALID_REQUEST');
    expect(await count()).toBe(totalLeads);
  });

  it('a field value nested 20,000 levels deep → 400, nothing written', async () => {
    const deep = `${'['.repeat(20000)}${']'.repeat(20000)}`;
    const res = await t.admin.post('/api/v1/records/leads', `{"data": [{"lastName": "Deep", "firstName": ${deep}}]}`);
    expect(res.status, res.text.slice(0, 300)).toBe(400);
    if (res.body?.error) expectError(res, 400, ['INVALID_REQUEST', 'INVALID_DATA']);
    else expect(res.body.data[0]).toMatchObject({ status: 'error', code: 'INVALID_DATA', details: { field: 'firstName' } });
    expect(await count()).toBe(totalLeads);
  });

  // ================================================================ routes, modules, ids

  it.each([
    ['GET', '/api/v1/nope'],
    ['POST', '/api/v1/nope'],
    ['GET', '/api/v1/records'],
    ['GET', '/api/v1/records/leads/a/b/c'],
    ['PUT', '/api/v1/records/leads'],
    ['DELETE', '/api/v1/modules'],
    ['GET', '/api/v2/records/leads'],
    ['GET', '/api/v1/records/leads/count/extra'],
  ])('unknown route %s %s → 404 NOT_FOUND with the error body', async (method, path) => {
    const res = await t.admin.request(method, path, method === 'GET' || method === 'DELETE' ? undefined : {});
    expectError(res, 404, 'NOT_FOUND');
  });

  it('an unknown route without credentials → 404 NOT_FOUND with the error body', async () => {
    const res = await t.client().get('/api/v1/nope');
    expectError(res, 404, 'NOT_FOUND');
  });

  it('an unknown module → 404 NOT_FOUND on list, count, get, create, update, delete, history and query', async () => {
    expectError(await t.admin.get('/api/v1/records/widgets'), 404, 'NOT_FOUND');
    expectError(await t.admin.get('/api/v1/records/widgets/count'), 404, 'NOT_FOUND');
    expectError(await t.admin.get(`/api/v1/records/widgets/${leadId}`), 404, 'NOT_FOUND');
    expectError(await t.admin.post('/api/v1/records/widgets', { data: [{ name: 'x' }] }), 404, 'NOT_FOUND');
    expectError(await t.admin.patch(`/api/v1/records/widgets/${leadId}`, { data: { name: 'x' } }), 404, 'NOT_FOUND');
    expectError(await t.admin.patch('/api/v1/records/widgets', { data: [{ id: leadId, name: 'x' }] }), 404, 'NOT_FOUND');
    expectError(await t.admin.delete(`/api/v1/records/widgets/${leadId}`), 404, 'NOT_FOUND');
    expectError(await t.admin.delete(`/api/v1/records/widgets?ids=${leadId}`), 404, 'NOT_FOUND');
    expectError(await t.admin.get(`/api/v1/records/widgets/${leadId}/history`), 404, 'NOT_FOUND');
    expectError(await t.admin.post('/api/v1/records/widgets/query', {}), 404, 'NOT_FOUND');
    expectError(await t.admin.get('/api/v1/modules/widgets'), 404, 'NOT_FOUND');
    expectError(await t.admin.get('/api/v1/modules/widgets/fields'), 404, 'NOT_FOUND');
    expect((await getLead()).lastName).toBe('Sentinel');
  });

  it.each(['users', 'sessions', 'apiTokens', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'lead'])(
    'the module name %j that is not a module → 404 NOT_FOUND',
    async (module) => {
      expectError(await t.admin.get(`/api/v1/records/${module}`), 404, 'NOT_FOUND');
      expectError(await t.admin.get(`/api/v1/records/${module}/count`), 404, 'NOT_FOUND');
      expectError(await t.admin.post(`/api/v1/records/${module}`, { data: [{ name: 'x' }] }), 404, 'NOT_FOUND');
    },
  );

  it.each(['r_leads', '__proto__', 'leads%3Bdrop%20table%20r_leads', 'Leads', '1leads', 'lea-ds', '%00', 'l'.repeat(70)])(
    'a hostile module name %j → 400 or 404 with the error body, nothing written',
    async (module) => {
      const res = await t.admin.get(`/api/v1/records/${module}`);
      expectError(res, [400, 404], ['INVALID_REQUEST', 'NOT_FOUND']);
      const post = await t.admin.post(`/api/v1/records/${module}`, { data: [{ lastName: 'Hostile' }] });
      expectError(post, [400, 404], ['INVALID_REQUEST', 'NOT_FOUND']);
      expect(await count()).toBe(totalLeads);
    },
  );

  it('an unknown record id → 404 NOT_FOUND on get, update, delete, history and related', async () => {
    const id = '01zzzzzzzzzzzzzzzzzzzzzzzz';
    expectError(await t.admin.get(`/api/v1/records/leads/${id}`), 404, 'NOT_FOUND');
    expectError(await t.admin.patch(`/api/v1/records/leads/${id}`, { data: { firstName: 'x' } }), 404, 'NOT_FOUND');
    expectError(await t.admin.delete(`/api/v1/records/leads/${id}`), 404, 'NOT_FOUND');
    expectError(await t.admin.get(`/api/v1/records/leads/${id}/history`), 404, 'NOT_FOUND');
    expectError(await t.admin.get(`/api/v1/records/accounts/${id}/related/contacts`), 404, 'NOT_FOUND');
    expect(await count()).toBe(totalLeads);
  });

  it('the id of a lead used under another module → 404 NOT_FOUND, the lead untouched', async () => {
    const before = await getLead();
    expectError(await t.admin.get(`/api/v1/records/contacts/${leadId}`), 404, 'NOT_FOUND');
    expectError(await t.admin.patch(`/api/v1/records/contacts/${leadId}`, { data: { lastName: 'x' } }), 404, 'NOT_FOUND');
    expectError(await t.admin.delete(`/api/v1/records/contacts/${leadId}`), 404, 'NOT_FOUND');
    expect(await getLead()).toEqual(before);
  });

  it('a related list of an unknown related module → 404 NOT_FOUND', async () => {
    expectError(await t.admin.get(`/api/v1/records/leads/${leadId}/related/widgets`), 404, 'NOT_FOUND');
  });

  it.each([
    ['a path traversal', '..%2F..%2Fetc%2Fpasswd'],
    ['an SQL tautology', '%27%20or%20%271%27%3D%271'],
    ['an SQL statement', '1%3B%20drop%20table%20r_leads'],
    ['a NUL', '%00'],
    ['a script tag', '%3Cscript%3Ealert(1)%3C%2Fscript%3E'],
    ['an emoji', '%F0%9F%98%80'],
    ['a space', 'lead%20id'],
    ['a star', '*'],
    ['a percent sign', '%25'],
    ['65 characters', 'a'.repeat(65)],
    ['5,000 characters', 'a'.repeat(5000)],
  ])('a hostile record id (%s) → 4xx with the error body on get, update, delete and history', async (_what, id) => {
    const before = await getLead();
    const codes = ['INVALID_REQUEST', 'NOT_FOUND'];
    const statuses = [400, 404, 414];
    expectError(await t.admin.get(`/api/v1/records/leads/${id}`), statuses, codes);
    expectError(await t.admin.patch(`/api/v1/records/leads/${id}`, { data: { firstName: 'Changed' } }), statuses, codes);
    expectError(await t.admin.delete(`/api/v1/records/leads/${id}`), statuses, codes);
    expectError(await t.admin.get(`/api/v1/records/leads/${id}/history`), statuses, codes);
    expect(await getLead()).toEqual(before);
    await expectLeadsIntact();
  });

  it.each(['%E0%A4%A', '%', '%zz', '%C0%AF'])('a path with broken percent-encoding (%s) → 400 with the error body', async (bad) => {
    const res = await toResponse(await rawFetch(`/api/v1/records/leads/${bad}`));
    expectError(res, [400, 404], ['INVALID_REQUEST', 'NOT_FOUND']);
  });

  it('a URL longer than the server accepts (a 30,000-character query) → 4xx with the error body', async () => {
    const res = await t.admin.get(`/api/v1/records/leads?q=${'a'.repeat(30000)}`);
    expectError(res, [400, 414, 431], null);
  });

  // ================================================================ filters

  it.each(['not json', '{', '{"field": "lastName"', "{'field': 'lastName'}", 'undefined', '%%%'])(
    'a filter that is not JSON (%j) → 400 INVALID_FILTER',
    async (text) => {
      expectError(await t.admin.get(`/api/v1/records/leads?filter=${encodeURIComponent(text)}`), 400, 'INVALID_FILTER');
      expectError(await t.admin.get(`/api/v1/records/leads/count?filter=${encodeURIComponent(text)}`), 400, 'INVALID_FILTER');
    },
  );

  it.each([
    ['an array', '[]'],
    ['a number', '42'],
    ['a string', '"lastName"'],
    ['true', 'true'],
    ['an empty object', '{}'],
  ])('a filter that is %s → 400 INVALID_FILTER', async (_what, text) => {
    expectError(await t.admin.get(`/api/v1/records/leads?filter=${encodeURIComponent(text)}`), 400, 'INVALID_FILTER');
    expectError(await t.admin.get(`/api/v1/records/leads/count?filter=${encodeURIComponent(text)}`), 400, 'INVALID_FILTER');
  });

  it('a query body whose filter is a string → 400', async () => {
    expectError(await t.admin.post('/api/v1/records/leads/query', { filter: '{"field":"lastName","op":"eq","value":"x"}' }), 400, [
      'INVALID_REQUEST',
      'INVALID_FILTER',
    ]);
  });

  const FILTER_CASES: [string, unknown, string | undefined][] = [
    ['an unknown field', { field: 'shoeSize', op: 'eq', value: 42 }, 'shoeSize'],
    ['a field in the wrong case', { field: 'lastname', op: 'eq', value: 'x' }, 'lastname'],
    ['a prototype name as field', { field: 'constructor', op: 'eq', value: 'x' }, 'constructor'],
    ['.name on a non-lookup', { field: 'lastName.name', op: 'eq', value: 'x' }, 'lastName.name'],
    ['a lookup path other than .name', { field: 'owner.password', op: 'eq', value: 'x' }, 'owner.password'],
    ['an unknown operator', { field: 'lastName', op: 'like', value: 'x' }, 'lastName'],
    ['a missing operator', { field: 'lastName', value: 'x' }, 'lastName'],
    ['an operator that is not a string', { field: 'lastName', op: ['eq'], value: 'x' }, 'lastName'],
    ['contains on a number', { field: 'numberOfEmployees', op: 'contains', value: 1 }, 'numberOfEmployees'],
    ['gt on a boolean', { field: 'converted', op: 'gt', value: false }, 'converted'],
    ['startsWith on a date-time', { field: 'createdAt', op: 'startsWith', value: '2026' }, 'createdAt'],
    ['includesAny on a text', { field: 'lastName', op: 'includesAny', value: ['x'] }, 'lastName'],
    ['eq on a multiselect', { field: 'interests', op: 'eq', value: 'Alpha' }, 'interests'],
    ['lt on a picklist', { field: 'rating', op: 'lt', value: 'Hot' }, 'rating'],
    ['today on a text', { field: 'lastName', op: 'today' }, 'lastName'],
    ['eq on an address', { field: 'address', op: 'eq', value: 'x' }, 'address'],
    ['between with one value', { field: 'numberOfEmployees', op: 'between', value: [1] }, 'numberOfEmployees'],
    ['between with three values', { field: 'numberOfEmployees', op: 'between', value: [1, 2, 3] }, 'numberOfEmployees'],
    ['between with a non-array', { field: 'numberOfEmployees', op: 'between', value: 5 }, 'numberOfEmployees'],
    ['in with a non-array', { field: 'rating', op: 'in', value: 'Hot' }, 'rating'],
    ['in with an empty array', { field: 'rating', op: 'in', value: [] }, 'rating'],
    ['in with an unknown option', { field: 'rating', op: 'in', value: ['Hot', 'Scorching'] }, 'rating'],
    ['eq with a string for a number', { field: 'numberOfEmployees', op: 'eq', value: 'ten' }, 'numberOfEmployees'],
    ['eq with a number beyond the integer range', { field: 'numberOfEmployees', op: 'eq', value: 1e12 }, 'numberOfEmployees'],
    ['eq with a garbage date-time', { field: 'createdAt', op: 'gt', value: 'last tuesday' }, 'createdAt'],
    ['eq with a date-time without zone', { field: 'createdAt', op: 'gt', value: '2026-01-01T00:00:00' }, 'createdAt'],
    ['eq with a string for a boolean', { field: 'converted', op: 'eq', value: 'false' }, 'converted'],
    ['eq with an object value (operator injection)', { field: 'lastName', op: 'eq', value: { $ne: null } }, 'lastName'],
    ['eq with an array value', { field: 'lastName', op: 'eq', value: ['a', 'b'] }, 'lastName'],
    ['eq with a null value', { field: 'lastName', op: 'eq', value: null }, 'lastName'],
    ['eq with a NUL character', { field: 'lastName', op: 'eq', value: 'a\u0000b' }, 'lastName'],
    ['isEmpty with a value', { field: 'lastName', op: 'isEmpty', value: 'x' }, 'lastName'],
    ['lastNDays with a negative number', { field: 'createdAt', op: 'lastNDays', value: -3 }, 'createdAt'],
    ['lastNDays with a huge number', { field: 'createdAt', op: 'lastNDays', value: 1e9 }, 'createdAt'],
    ['a condition with an extra key', { field: 'lastName', op: 'eq', value: 'x', sql: '1=1' }, 'lastName'],
    ['an SQL statement as field name', { field: 'lastName; drop table r_leads', op: 'eq', value: 'x' }, 'lastName; drop table r_leads'],
    ['an SQL tautology as field name', { field: "' or 1=1 --", op: 'eq', value: 'x' }, "' or 1=1 --"],
    ['a quoted identifier as field name', { field: 'lastName" or 1=1 --', op: 'eq', value: 'x' }, 'lastName" or 1=1 --'],
    ['a subquery as field name', { field: '(select password from users)', op: 'eq', value: 'x' }, '(select password from users)'],
    ['an empty and', { and: [] }, undefined],
    ['an empty or', { or: [] }, undefined],
    ['and that is not an array', { and: { field: 'lastName', op: 'eq', value: 'x' } }, undefined],
    [
      'a group with both and and or',
      { and: [{ field: 'lastName', op: 'eq', value: 'x' }], or: [{ field: 'lastName', op: 'eq', value: 'y' }] },
      undefined,
    ],
    ['a group with a null child', { and: [null] }, undefined],
    ['a group with a string child', { or: ['lastName = x'] }, undefined],
  ];

  it.each(FILTER_CASES)('a filter with %s → 400 INVALID_FILTER on list, count and query', async (_what, filter, field) => {
    await expectFilterRejected(filter, field);
    await expectLeadsIntact();
  });

  it('a filter with a value of 1e999 (Infinity) → 400 INVALID_FILTER', async () => {
    await expectFilterRejected(null, 'numberOfEmployees', '{"field": "numberOfEmployees", "op": "gt", "value": 1e999}');
  });

  it('a filter nested 50 groups deep → 400 INVALID_FILTER', async () => {
    let f: unknown = { field: 'lastName', op: 'eq', value: 'Sentinel' };
    for (let i = 0; i < 50; i++) f = { and: [f] };
    await expectFilterRejected(f);
  });

  it('a filter nested 5,000 groups deep → 400 INVALID_FILTER, no crash', async () => {
    // Built as text: JSON.stringify itself overflows the stack at this depth.
    const f = `${'{"or":['.repeat(5000)}{"field":"lastName","op":"eq","value":"Sentinel"}${']}'.repeat(5000)}`;
    const res = await t.admin.post('/api/v1/records/leads/query', `{"filter":${f}}`);
    expectError(res, 400, 'INVALID_FILTER');
    await expectLeadsIntact();
  });

  it('a filter with "in" of 5,000 values → 400 INVALID_FILTER (query body)', async () => {
    const value = Array.from({ length: 5000 }, (_, i) => `v${i}`);
    const res = await t.admin.post('/api/v1/records/leads/query', { filter: { field: 'lastName', op: 'in', value } });
    expectError(res, 400, 'INVALID_FILTER', 'lastName');
  });

  it('a filter with "in" of 1,100 values in the URL → 400', async () => {
    const value = Array.from({ length: 1100 }, (_, i) => i);
    const res = await t.admin.get(`/api/v1/records/leads?filter=${enc({ field: 'numberOfEmployees', op: 'in', value })}`);
    expectError(res, 400, ['INVALID_FILTER', 'INVALID_REQUEST']);
  });

  it('a filter with 500 conditions → 400 INVALID_FILTER', async () => {
    const f = { or: Array.from({ length: 500 }, (_, i) => ({ field: 'lastName', op: 'eq', value: `n${i}` })) };
    const res = await t.admin.post('/api/v1/records/leads/query', { filter: f });
    expectError(res, 400, 'INVALID_FILTER');
  });

  it.each([
    ["' or 1=1 --", 'eq'],
    ["' or '1'='1", 'eq'],
    ['Sentinel; drop table r_leads', 'eq'],
    ["x'); delete from r_leads; --", 'contains'],
    ['%', 'contains'],
    ['_', 'contains'],
    ['\\', 'startsWith'],
    ['%Sentinel', 'startsWith'],
    ['Sentin_l', 'eq'],
    ['" or ""="', 'endsWith'],
  ])('the SQL-looking filter value %j with %s → 200, matches nothing, table intact', async (value, op) => {
    const r = await filterEverywhere({ field: 'lastName', op, value });
    for (const res of [r.list, r.query]) {
      expect(res.status, res.text).toBe(200);
      expect(res.body.data).toEqual([]);
    }
    expect(r.count.status, r.count.text).toBe(200);
    expect(r.count.body).toEqual({ count: 0 });
    await expectLeadsIntact();
  });

  it('the filter "in" with SQL-looking values → 200, only the literal match', async () => {
    const r = await filterEverywhere({ field: 'lastName', op: 'in', value: ["' or 1=1 --", 'Sentinel', "') or ('a'='a"] });
    expect(r.list.status, r.list.text).toBe(200);
    expect(r.list.body.data.map((x: any) => x.lastName)).toEqual(['Sentinel']);
    expect(r.count.body).toEqual({ count: 1 });
  });

  // ================================================================ sorting

  it.each([
    ['an unknown field', 'shoeSize'],
    ['an unknown field, descending', '-shoeSize'],
    ['a multiselect', 'interests'],
    ['an address', 'address'],
    ['more than 3 keys', 'lastName,firstName,company,title'],
    ['a double minus', '--lastName'],
    ['--x', '--x'],
    ['a plus sign', '+lastName'],
    ['an SQL direction suffix', 'lastName desc'],
    ['an SQL statement', 'lastName; drop table r_leads'],
    ['an SQL expression', '(select 1)'],
    ['a quoted identifier', '"lastName"'],
    ['a lookup path', 'owner.name'],
  ])('sort by %s (%j) → 400', async (_what, sort) => {
    expectError(await t.admin.get(`/api/v1/records/leads?sort=${encodeURIComponent(sort)}`), 400, 'INVALID_REQUEST');
    expectError(await t.admin.post('/api/v1/records/leads/query', { sort }), 400, 'INVALID_REQUEST');
    await expectLeadsIntact();
  });

  it.each([
    ['empty', ''],
    ['a lone comma', ','],
    ['a space', ' '],
    ['commas and spaces', ' , ,'],
  ])('sort that names no field (%s) → 200 in the default order or 400, never a 5xx', async (_what, sort) => {
    for (const res of [
      await t.admin.get(`/api/v1/records/leads?sort=${encodeURIComponent(sort)}`),
      await t.admin.post('/api/v1/records/leads/query', { sort }),
    ]) {
      expect([200, 400], `${res.status} ${res.text.slice(0, 300)}`).toContain(res.status);
      if (res.status === 400) expectError(res, 400, 'INVALID_REQUEST');
      else expect(res.body.data).toHaveLength(totalLeads);
    }
  });

  it('sort longer than its maximum (10,000 characters) → 400', async () => {
    expectError(await t.admin.get(`/api/v1/records/leads?sort=${'a'.repeat(10000)}`), 400, 'INVALID_REQUEST');
  });

  // ================================================================ paging

  it.each(['0', '201', '-1', 'abc', '1.5', '1e9', '99999999999999999999', 'Infinity', 'NaN'])('perPage=%s → 400', async (perPage) => {
    expectError(await t.admin.get(`/api/v1/records/leads?perPage=${perPage}`), 400, 'INVALID_REQUEST');
  });

  it.each([0, 201, -1, 'abc', 1.5])('perPage %j in a query body → 400', async (perPage) => {
    expectError(await t.admin.post('/api/v1/records/leads/query', { perPage }), 400, 'INVALID_REQUEST');
  });

  it.each(['0', '-1', 'abc', '1.5', '99999999999', '99999999999999999999', 'Infinity'])('page=%s → 400', async (page) => {
    expectError(await t.admin.get(`/api/v1/records/leads?page=${page}`), 400, 'INVALID_REQUEST');
  });

  it('a repeated query parameter (perPage twice) → 400', async () => {
    expectError(await t.admin.get('/api/v1/records/leads?perPage=5&perPage=6'), 400, 'INVALID_REQUEST');
  });

  it('an unknown query parameter → 400', async () => {
    expectError(await t.admin.get('/api/v1/records/leads?limit=5'), 400, 'INVALID_REQUEST');
  });

  it('fields naming an unknown field → 400', async () => {
    expectError(await t.admin.get('/api/v1/records/leads?fields=lastName,password'), 400, 'INVALID_REQUEST', 'password');
    expectError(
      await t.admin.get(`/api/v1/records/leads?fields=${encodeURIComponent('lastName; drop table r_leads')}`),
      400,
      'INVALID_REQUEST',
    );
    await expectLeadsIntact();
  });

  it('page and cursor together → 400', async () => {
    const p1 = await t.admin.get('/api/v1/records/leads?perPage=2&sort=lastName');
    expect(p1.body.info.nextCursor).toEqual(expect.any(String));
    expectError(
      await t.admin.get(`/api/v1/records/leads?perPage=2&sort=lastName&page=2&cursor=${p1.body.info.nextCursor}`),
      400,
      'INVALID_REQUEST',
    );
  });

  // ================================================================ cursors

  const b64 = (s: string) => Buffer.from(s).toString('base64url');

  it.each([
    ['random base64', Buffer.from('random bytes that are not a cursor').toString('base64')],
    ['random binary base64', Buffer.from(Array.from({ length: 48 }, (_, i) => (i * 37) % 256)).toString('base64url')],
    ['not base64 at all', '!!!not*base64!!!'],
    ['a JSON array', b64('[1,2,3]')],
    ['JSON without values', b64('{"sort":"-createdAt","id":"x"}')],
    ['values that are objects', b64('{"sort":"-createdAt","values":[{"$gt":1}],"id":"x"}')],
    ['an id that is a number', b64('{"sort":"-createdAt","values":[1],"id":7}')],
  ])('a garbage cursor (%s) → 400', async (_what, cursor) => {
    expectError(await t.admin.get(`/api/v1/records/leads?cursor=${encodeURIComponent(cursor)}`), 400, 'INVALID_REQUEST');
    expectError(await t.admin.post('/api/v1/records/leads/query', { cursor }), 400, 'INVALID_REQUEST');
  });

  it('a cursor from another sort → 400', async () => {
    const p1 = await t.admin.get('/api/v1/records/leads?perPage=2&sort=lastName');
    const cursor = p1.body.info.nextCursor;
    expect(cursor).toEqual(expect.any(String));
    expectError(await t.admin.get(`/api/v1/records/leads?perPage=2&sort=-lastName&cursor=${cursor}`), 400, 'INVALID_REQUEST');
    expectError(await t.admin.get(`/api/v1/records/leads?perPage=2&cursor=${cursor}`), 400, 'INVALID_REQUEST');
  });

  it('a forged cursor with a text value for a numeric sort key → 400, no 5xx', async () => {
    const cursor = b64(JSON.stringify({ sort: '-createdAt', values: ["abc' or 1=1 --"], id: leadId }));
    expectError(await t.admin.get(`/api/v1/records/leads?perPage=2&sort=-createdAt&cursor=${cursor}`), 400, 'INVALID_REQUEST');
  });

  it('a forged cursor with a fractional value for an integer sort key → 400, no 5xx', async () => {
    const cursor = b64(JSON.stringify({ sort: 'numberOfEmployees', values: [1.5], id: leadId }));
    expectError(await t.admin.get(`/api/v1/records/leads?perPage=2&sort=numberOfEmployees&cursor=${cursor}`), 400, 'INVALID_REQUEST');
  });

  it('a forged cursor with more values than sort keys → 400', async () => {
    const cursor = b64(JSON.stringify({ sort: 'lastName', values: ['a', 'b', 'c', 'd'], id: leadId }));
    expectError(await t.admin.get(`/api/v1/records/leads?perPage=2&sort=lastName&cursor=${cursor}`), 400, 'INVALID_REQUEST');
  });

  it('a cursor longer than 4096 characters → 400', async () => {
    expectError(await t.admin.get(`/api/v1/records/leads?cursor=${'A'.repeat(5000)}`), 400, 'INVALID_REQUEST');
  });

  // ================================================================ text search

  it('q of 10,000 characters → 400', async () => {
    expectError(await t.admin.get(`/api/v1/records/leads?q=${'a'.repeat(10000)}`), 400, 'INVALID_REQUEST');
    expectError(await t.admin.get(`/api/v1/records/leads/count?q=${'a'.repeat(10000)}`), 400, 'INVALID_REQUEST');
    expectError(await t.admin.post('/api/v1/records/leads/query', { q: 'a'.repeat(10000) }), 400, 'INVALID_REQUEST');
    expectError(await t.admin.get(`/api/v1/search?q=${'a'.repeat(10000)}`), 400, 'INVALID_REQUEST');
  });

  it.each([
    '"',
    '""',
    '*',
    'NEAR(',
    'NEAR(a b)',
    'AND OR',
    'OR',
    'NOT',
    '(((',
    ')))',
    'a:b',
    'lastName:Sentinel',
    '^x',
    '-x',
    '+x',
    "'",
    '\\',
    '&|!',
    'a & b',
    '!x',
    '<->',
    ':*',
    '{x}',
    '[x]',
    '-',
    '.',
  ])('q with search-syntax characters %j → 200 without error', async (q) => {
    const list = await t.admin.get(`/api/v1/records/leads?q=${encodeURIComponent(q)}`);
    expect(list.status, list.text).toBe(200);
    expect(Array.isArray(list.body.data)).toBe(true);
    const cnt = await t.admin.get(`/api/v1/records/leads/count?q=${encodeURIComponent(q)}`);
    expect(cnt.status, cnt.text).toBe(200);
    const search = await t.admin.get(`/api/v1/search?q=${encodeURIComponent(q)}`);
    expect(search.status, search.text).toBe(200);
    expect(Array.isArray(search.body.data)).toBe(true);
  });

  it('q with search syntax around a real word still finds the record', async () => {
    for (const q of ['"Sentinel"*', '(((Sentinel', 'Sentinel)))', '"sent', 'SENTINEL:*', "'sentinel'"]) {
      const list = await t.admin.get(`/api/v1/records/leads?q=${encodeURIComponent(q)}`);
      expect(list.status, list.text).toBe(200);
      expect(
        list.body.data.map((r: any) => r.lastName),
        q,
      ).toEqual(['Sentinel']);
    }
  });

  // ================================================================ sessions and authentication

  const protectedCalls = (c: Client) => [
    () => c.get('/api/v1/records/leads'),
    () => c.get(`/api/v1/records/leads/${leadId}`),
    () => c.get('/api/v1/records/leads/count'),
    () => c.get('/api/v1/me'),
    () => c.get('/api/v1/modules'),
  ];
  const expectUnauthenticated = async (c: Client) => {
    for (const call of protectedCalls(c)) expectError(await call(), 401, 'UNAUTHENTICATED');
  };

  it('no credentials → 401 UNAUTHENTICATED with the error body', async () => {
    await expectUnauthenticated(t.client());
  });

  it('no credentials on create, update and delete → 401 and nothing written', async () => {
    const c = t.client();
    const before = await getLead();
    expectError(await c.post('/api/v1/records/leads', { data: [{ lastName: 'Anon' }] }), 401, 'UNAUTHENTICATED');
    expectError(await c.patch(`/api/v1/records/leads/${leadId}`, { data: { firstName: 'Anon' } }), 401, 'UNAUTHENTICATED');
    expectError(await c.delete(`/api/v1/records/leads/${leadId}`), 401, 'UNAUTHENTICATED');
    expectError(await c.delete(`/api/v1/records/leads?ids=${leadId}`), 401, 'UNAUTHENTICATED');
    expect(await count()).toBe(totalLeads);
    expect(await getLead()).toEqual(before);
  });

  it.each([
    ['random', 'rapport_session=garbage'],
    ['empty', 'rapport_session='],
    ['a JWT-looking value', 'rapport_session=eyJhbGciOiJub25lIn0.eyJ1c2VyIjoiYWRtaW4ifQ.'],
    ['SQL-looking', `rapport_session=${encodeURIComponent("' or 1=1 --")}`],
    ['8,000 characters', `rapport_session=${'A'.repeat(8000)}`],
    ['with a NUL escape', 'rapport_session=%00'],
    ['with bad percent-encoding', 'rapport_session=%E0%A4%A'],
    ['the admin id', 'rapport_session=admin'],
    ['two session cookies', 'rapport_session=garbage; rapport_session=garbage2'],
  ])('a forged session cookie (%s) → 401 UNAUTHENTICATED', async (_what, cookie) => {
    const c = t.client();
    c.cookie = cookie;
    await expectUnauthenticated(c);
  });

  it('the cookie of a session that was signed out → 401 UNAUTHENTICATED', async () => {
    const c = t.client();
    await c.login('admin@example.com', 'correct horse battery staple');
    const cookie = c.cookie as string;
    expect(cookie).toMatch(/^rapport_session=./);
    expect((await c.get('/api/v1/me')).status).toBe(200);
    const out = await c.post('/api/v1/auth/logout');
    expect(out.status, out.text).toBe(204);
    const stale = t.client();
    stale.cookie = cookie;
    await expectUnauthenticated(stale);
    expectError(await stale.post('/api/v1/records/leads', { data: [{ lastName: 'Zombie' }] }), 401, 'UNAUTHENTICATED');
    expect(await count()).toBe(totalLeads);
  });

  it.each([
    ['random', 'garbage'],
    ['SQL-looking', "' or 1=1 --"],
    ['8,000 characters', 'x'.repeat(8000)],
    ['a JWT-looking value', 'eyJhbGciOiJub25lIn0.eyJ1c2VyIjoiYWRtaW4ifQ.'],
  ])('a garbage Bearer token (%s) → 401 UNAUTHENTICATED', async (_what, token) => {
    const c = t.client();
    c.bearer = token;
    await expectUnauthenticated(c);
  });

  it('a garbage Bearer token next to a valid session cookie → 401 UNAUTHENTICATED, nothing written', async () => {
    const c = t.client();
    c.cookie = t.admin.cookie;
    c.bearer = 'garbage';
    await expectUnauthenticated(c);
    expectError(await c.post('/api/v1/records/leads', { data: [{ lastName: 'Borrowed' }] }), 401, 'UNAUTHENTICATED');
    expect(await count()).toBe(totalLeads);
  });

  it.each([
    ['Basic credentials', 'Basic YWRtaW5AZXhhbXBsZS5jb206Y29ycmVjdCBob3JzZSBiYXR0ZXJ5IHN0YXBsZQ=='],
    ['an empty Bearer', 'Bearer'],
    ['a lowercase bearer with garbage', 'bearer garbage'],
    ['an unknown scheme', 'Token garbage'],
  ])('an Authorization header with %s → 401 UNAUTHENTICATED', async (_what, header) => {
    const c = t.client();
    for (const call of [
      () => c.get('/api/v1/records/leads', { authorization: header }),
      () => c.get('/api/v1/me', { authorization: header }),
    ]) {
      expectError(await call(), 401, 'UNAUTHENTICATED');
    }
  });

  it('the Bearer token of a deleted API token → 401 UNAUTHENTICATED', async () => {
    const created = await t.admin.post('/api/v1/api-tokens', { name: 'short-lived' });
    expect(created.status, created.text).toBe(201);
    const c = t.client();
    c.bearer = created.body.token;
    expect((await c.get('/api/v1/me')).status).toBe(200);
    const del = await t.admin.delete(`/api/v1/api-tokens/${created.body.id}`);
    expect([200, 204]).toContain(del.status);
    await expectUnauthenticated(c);
  });

  it('login with a malformed body → 400, not a 5xx', async () => {
    const c = t.client();
    expectError(await c.post('/api/v1/auth/login', '{"email": "admin@example.com", "password": '), 400, 'INVALID_REQUEST');
    expectError(await c.post('/api/v1/auth/login', { email: 'admin@example.com' }), 400, 'INVALID_REQUEST');
    expectError(await c.post('/api/v1/auth/login', { email: 'admin@example.com', password: 'x', admin: true }), 400, 'INVALID_REQUEST');
    expectError(await c.post('/api/v1/auth/login', '[]'), 400, 'INVALID_REQUEST');
    expect(c.cookie).toBeUndefined();
  });
});
