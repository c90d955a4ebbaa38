import diagnostics from 'node:diagnostics_channel';
import http from 'node:http';
import { dereference } from '@readme/openapi-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FILTER_OPS } from '../src/filters/types.js';
import { FIELD_TYPES } from '../src/metadata/types.js';
import {
  type Body,
  breakValue,
  brokenQueryValue,
  encode,
  HEADER_SAFE_HOSTILE,
  HOSTILE_STRINGS,
  RAW_PATH_SEGMENTS,
  Rng,
  rawBody,
  sampleJson,
  sampleValid,
} from './fuzz-gen.js';
import { ADMIN, Client, startTestServer, type TestServer } from './harness.js';
import { testDialects } from './pg.js';

/**
 * The API fuzzer: every operation of the served OpenAPI document gets random and hostile
 * requests (schema-valid values, broken variants of them, raw non-JSON bodies, hostile path and
 * query values, every kind of authentication and none). No answer may be a 5xx, and every 4xx
 * JSON body must be the API.md error shape. Reproduce a run with FUZZ_SEED=<seed it printed>.
 */

const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const PER_OPERATION = Number(process.env.FUZZ_PER_OPERATION ?? 15);
/** Per engine; rounds stop once it is spent (each round drives every operation once). */
const BUDGET_MS = Number(process.env.FUZZ_BUDGET_MS ?? 55_000);
const API = '/api/v1';
const STD = { email: 'fuzz.standard@example.com', password: 'standard user password 1' };

// The server runs with logger: false, so 5xx causes are caught by an onError hook added through
// Fastify's initialization diagnostics channel (requests are sequential: the last one is ours).
const serverErrors: { url: string; err: unknown }[] = [];
const onInit = (message: unknown) => {
  const { fastify } = message as { fastify: { addHook(name: 'onError', fn: (req: any, reply: any, err: unknown) => Promise<void>): void } };
  fastify.addHook('onError', async (req, _reply, err) => {
    serverErrors.push({ url: `${req.method} ${req.url}`, err });
  });
};

interface Param {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema: any;
}
interface Operation {
  method: string;
  path: string;
  key: string;
  params: Param[];
  body?: any;
  bodyRequired: boolean;
  /** 207 documented: a 400 may carry the per-record results instead of an error. */
  batch: boolean;
  public: boolean;
}

interface FieldInfo {
  apiName: string;
  type: string;
  options?: { value: string }[];
  lookupModule?: string;
  readOnly?: boolean;
}

/** What exists on the server: the pools path parameters and hints draw from. */
interface World {
  adminId: string;
  stdId: string;
  modules: string[];
  fields: Map<string, FieldInfo[]>;
  layouts: Map<string, string[]>;
  records: Map<string, string[]>;
  tokenIds: string[];
  binIds: string[];
  viewIds: string[];
  /** Pipelines and their stages (the /pipelines routes' ids). */
  pipelineIds: string[];
  stageIds: string[];
  /** Automation rules (the /automation routes' ids). */
  ruleIds: string[];
  otherIds: string[];
}

interface Sent {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: Body;
  auth: string;
}

interface Answer {
  status: number;
  contentType: string;
  text: string;
  error?: string;
  setCookie?: string;
  /** Errors the server's onError hook saw while answering. */
  serverErrors?: unknown[];
}

function operationsOf(doc: any): Operation[] {
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries<any>(doc.paths)) {
    for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
      const op = item[method];
      if (!op) continue;
      const params: Param[] = [...(item.parameters ?? []), ...(op.parameters ?? [])].map((p: any) => ({
        name: p.name,
        in: p.in,
        required: !!p.required,
        schema: p.schema ?? {},
      }));
      const security = op.security ?? doc.security ?? [];
      ops.push({
        method: method.toUpperCase(),
        path,
        key: `${method.toUpperCase()} ${path}`,
        params,
        body: op.requestBody?.content?.['application/json']?.schema,
        bodyRequired: !!op.requestBody?.required,
        batch: '207' in (op.responses ?? {}),
        public: Array.isArray(security) && security.length === 0,
      });
    }
  }
  return ops;
}

/** The module a path names literally (`/records/deals/{id}/stage-history`), if any. */
const staticModule = (op: Operation) => /^\/api\/v1\/records\/([a-z][a-zA-Z0-9]*)\//.exec(op.path)?.[1];

const trunc = (s: string, n = 300) => (s.length > n ? `${s.slice(0, n)}…(${s.length} chars)` : s);

function describeBody(b: Body | undefined): string {
  if (!b) return '(none)';
  const ct = b.contentType === undefined ? '(no content-type)' : `content-type: ${b.contentType || '(empty)'}`;
  if (b.kind === 'raw') {
    const text = typeof b.data === 'string' ? b.data : `bytes[${[...b.data].map((x) => x.toString(16)).join(' ')}]`;
    return `[${b.label}] ${ct} ${trunc(JSON.stringify(text), 400)}`;
  }
  let json: string;
  try {
    json = JSON.stringify(b.value) ?? 'undefined';
  } catch (e) {
    json = `(unserialisable: ${e})`;
  }
  return `[${b.label}] ${ct} ${trunc(json, 400)}`;
}

function errorShapeProblem(body: any): string | undefined {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return 'body is not an object';
  const e = body.error;
  if (!e || typeof e !== 'object') return 'no "error" object';
  if (typeof e.code !== 'string' || !e.code) return 'error.code is not a non-empty string';
  if (typeof e.message !== 'string') return 'error.message is not a string';
  if (!e.details || typeof e.details !== 'object' || Array.isArray(e.details)) return 'error.details is not an object';
  return undefined;
}

// ---------------------------------------------------------------- domain-aware values

/** A value the field should accept (the "sane" requests that get past validation). */
function saneFieldValue(f: FieldInfo, rng: Rng, w: World): unknown {
  switch (f.type) {
    case 'email':
      return `sane${rng.int(1e9)}@example.com`;
    case 'url':
      return 'https://example.com/x';
    case 'phone':
      return '+1 555 0100';
    case 'picklist':
      return f.options?.[0]?.value ?? null;
    case 'multiselect':
      return (f.options ?? []).slice(0, 2).map((o) => o.value);
    case 'tags':
      return ['Fuzz', `t${rng.int(1e6)}`];
    case 'date':
      return '2024-05-01';
    case 'datetime':
      return '2024-05-01T10:00:00.000Z';
    case 'integer':
    case 'bigint':
      return 42;
    case 'decimal':
    case 'currency':
    case 'percent':
      return 12.5;
    case 'boolean':
      return true;
    case 'lookup': {
      const ids = w.records.get(f.lookupModule ?? '') ?? [];
      return ids.length ? { id: rng.pick(ids) } : null;
    }
    case 'user':
      return { id: w.adminId };
    case 'address':
      return { street: '1 Main St', city: 'Paris', postalCode: '75001', country: 'FR' };
    default:
      return `Fuzz ${rng.int(1e6)}`;
  }
}

function saneRecord(module: string, rng: Rng, w: World): Record<string, unknown> {
  const fields = (w.fields.get(module) ?? []).filter(
    (f) => !f.readOnly && !['autonumber', 'formula', 'file', 'relatedTo', 'participants'].includes(f.type),
  );
  const rec: Record<string, unknown> = {};
  for (const f of fields) if ((f as { required?: boolean }).required || rng.chance(0.4)) rec[f.apiName] = saneFieldValue(f, rng, w);
  return rec;
}

function fieldValue(f: FieldInfo, rng: Rng, w: World): unknown {
  if (rng.chance(0.15)) return rng.pick<unknown>([null, rng.pick(HOSTILE_STRINGS), sampleJson(rng, 2), [], {}, 1e308, -1, true]);
  const anyId = () => rng.pick([...allIds(w), ...HOSTILE_STRINGS.slice(0, 8)]);
  switch (f.type) {
    case 'text':
    case 'textarea':
    case 'phone':
      return rng.pick([`Fuzz ${rng.int(1e6)}`, rng.pick(HOSTILE_STRINGS), 'x'.repeat(rng.pick([255, 256, 32_000, 100_000])), 12345]);
    case 'email':
      return rng.pick([
        `f${rng.int(1e6)}@example.com`,
        'not-an-email',
        'a@b',
        `${'a'.repeat(300)}@x.io`,
        'ÜBER@exämple.com',
        rng.pick(HOSTILE_STRINGS),
      ]);
    case 'url':
      return rng.pick(['https://example.com', 'javascript:alert(1)', 'ftp://x', 'http://', '//evil', rng.pick(HOSTILE_STRINGS)]);
    case 'picklist':
      return rng.pick([...(f.options ?? []).map((o) => o.value), 'NoSuchOption', rng.pick(HOSTILE_STRINGS), 3]);
    case 'multiselect':
      return rng.pick<unknown>([
        (f.options ?? []).slice(0, 2).map((o) => o.value),
        ['NoSuchOption'],
        'single',
        [[], {}],
        Array(300).fill('x'),
      ]);
    case 'tags':
      return rng.pick<unknown>([['VIP', 'vip'], 'single', [3], Array(60).fill('x'), ['x'.repeat(51)], ['a\u001eb'], [rng.pick(HOSTILE_STRINGS)]]);
    case 'date':
      return rng.pick<unknown>([
        '2024-02-29',
        '2023-02-29',
        '2024-13-01',
        '0000-00-00',
        '9999-12-31',
        '+275760-09-13',
        '1970-01-01T00:00:00Z',
        20240101,
        '',
      ]);
    case 'datetime':
      return rng.pick<unknown>([
        new Date().toISOString(),
        '2024-01-01T25:61:00Z',
        '2024-01-01',
        '+275760-09-13T00:00:00.000Z',
        8.64e15 + 1,
        -1,
        'yesterday',
      ]);
    case 'integer':
    case 'bigint':
    case 'autonumber':
      return rng.pick<unknown>([0, -1, 42, 2 ** 31, 2 ** 53 + 1, -(2 ** 63), 9.5, '12', '1e3', 1e308, -0]);
    case 'decimal':
    case 'currency':
    case 'percent':
      return rng.pick<unknown>([0.1, 1250.5, -1e-10, 1e20, 1e308, 123456789012.34567, '3.14', '1,5', 5e-324, -0]);
    case 'boolean':
      return rng.pick<unknown>([true, false, 'true', 1, 0, 'yes']);
    case 'lookup':
    case 'user':
    case 'relatedTo':
      return rng.pick<unknown>([
        { id: anyId() },
        anyId(),
        { id: w.adminId },
        w.adminId,
        { id: null },
        { name: 'x' },
        { module: rng.pick(w.modules), id: anyId() },
        { id: { id: 'nested' } },
        'ME',
      ]);
    case 'address':
      return rng.pick<unknown>([
        { street: '1 Main St', city: 'Paris', postalCode: '75001', country: 'FR' },
        { street: 'x'.repeat(10_000) },
        { city: 5, nonsense: true },
        'a string address',
        [],
      ]);
    case 'participants':
      return rng.pick<unknown>([[{ id: w.adminId }], [anyId()], 'x', [{}]]);
    default:
      return sampleJson(rng, 2);
  }
}

function randomRecord(module: string, rng: Rng, w: World): Record<string, unknown> {
  const fields = w.fields.get(module) ?? w.fields.get('leads') ?? [];
  const rec: Record<string, unknown> = {};
  const n = 1 + rng.int(Math.min(8, fields.length || 1));
  for (let i = 0; i < n && fields.length; i++) {
    const f = rng.pick(fields);
    rec[f.apiName] = fieldValue(f, rng, w);
  }
  // Names most modules require, so a fair share of creates gets past validation.
  if (rng.chance(0.6)) rec.lastName ??= `Fuzz${rng.int(1e6)}`;
  if (rng.chance(0.6)) rec.name ??= `Fuzz Co ${rng.int(1e6)}`;
  if (rng.chance(0.1))
    rec[rng.pick(['id', 'version', 'createdAt', 'owner', 'createdBy', 'nope', '__proto__', ''])] = rng.pick<unknown>([
      1,
      'x',
      null,
      { id: w.adminId },
    ]);
  return rec;
}

/** A random filter tree; `budget` bounds its size (groups of 250 conditions are in the mix). */
function randomFilter(module: string, rng: Rng, w: World, depth = 0, budget = { nodes: 400 }): unknown {
  const fields = w.fields.get(module) ?? [];
  budget.nodes--;
  if (budget.nodes > 0 && depth < 12 && rng.chance(depth === 0 ? 0.4 : 0.25)) {
    const n = Math.min(budget.nodes, rng.pick([0, 1, 2, 3, depth === 0 ? 250 : 2]));
    return {
      [rng.pick(['and', 'or', 'and', 'not', 'AND'])]: Array.from({ length: n }, () => randomFilter(module, rng, w, depth + 1, budget)),
    };
  }
  const field =
    rng.chance(0.85) && fields.length
      ? rng.pick(fields).apiName
      : rng.pick(['id', 'owner.name', 'account.name', 'createdAt', 'nope', ...HOSTILE_STRINGS.slice(0, 12)]);
  const op = rng.chance(0.9) ? rng.pick(FILTER_OPS) : rng.pick(['like', '', 'EQ', '$ne', 'eq ']);
  const big = depth === 0 && rng.chance(0.1);
  const value = big
    ? rng.pick<unknown>([Array(20_000).fill('v'), Array.from({ length: 10_001 }, (_, i) => i)])
    : rng.pick<unknown>([
        'x',
        rng.pick(HOSTILE_STRINGS.filter((x) => x.length < 1000)),
        0,
        -1,
        1e308,
        2 ** 53 + 1,
        true,
        null,
        [],
        ['a', 'b'],
        [1, 2],
        { from: '2024-01-01', to: '2024-12-31' },
        { a: 1 },
        '2024-02-30',
        '2024-01-01T00:00:00Z',
        'ME',
        rng.pick(allIds(w)),
        { id: w.adminId },
        1e21,
        -5,
        36500000,
      ]);
  const cond: Record<string, unknown> = { field, op };
  if (rng.chance(0.9)) cond.value = value;
  if (rng.chance(0.05)) cond.extra = 1;
  return cond;
}

const fieldList = (module: string, rng: Rng, w: World, sep = ',') => {
  const names = (w.fields.get(module) ?? []).map((f) => f.apiName);
  return Array.from({ length: 1 + rng.int(4) }, () =>
    rng.chance(0.8) && names.length ? rng.pick(names) : rng.pick(HOSTILE_STRINGS.slice(0, 20)),
  ).join(sep);
};

const allIds = (w: World) => [
  w.adminId,
  w.stdId,
  ...[...w.records.values()].flat(),
  ...w.tokenIds,
  ...w.binIds,
  ...w.viewIds,
  ...w.pipelineIds,
  ...w.stageIds,
  ...w.ruleIds,
  ...w.otherIds,
];

/** Values that mean something for a property or query parameter of this name, or undefined. */
function hint(name: string, op: Operation, module: string, rng: Rng, w: World): { value: unknown } | undefined {
  const single = op.path.endsWith('{id}') || /\{id\}\/(restore)?$/.test(op.path);
  switch (name) {
    case 'filter':
      return {
        value: op.params.some((p) => p.in === 'query' && p.name === 'filter')
          ? JSON.stringify(randomFilter(module, rng, w))
          : randomFilter(module, rng, w),
      };
    case 'sort':
      return {
        value: rng.chance(0.5)
          ? `${rng.chance(0.5) ? '-' : ''}${fieldList(module, rng, w)}`
          : rng.pick(['-', '--name', 'name,,', 'name desc', '+name', rng.pick(HOSTILE_STRINGS)]),
      };
    case 'fields':
      return {
        value:
          op.body?.properties?.fields?.type === 'array' || op.body?.properties?.fields?.anyOf
            ? fieldList(module, rng, w).split(',')
            : fieldList(module, rng, w),
      };
    case 'cursor':
      return {
        value: rng.pick([
          'abc',
          'eyJ4IjoxfQ',
          Buffer.from(JSON.stringify({ v: [1, null], id: "' or 1=1" })).toString('base64url'),
          '====',
          'x'.repeat(4096),
          rng.pick(HOSTILE_STRINGS),
        ]),
      };
    case 'q':
      return {
        value: rng.pick([
          ...HOSTILE_STRINGS.filter((s) => s.length <= 200),
          'fuzz',
          'Fuzz Co',
          'a*',
          '"a b"',
          'a -b',
          'a | b',
          'a & b',
          "a' & 'b",
          'ab:*',
          'x:y',
          '()',
          'é',
        ]),
      };
    case 'ids':
      return {
        value: Array.from({ length: rng.pick([1, 2, 5, 101]) }, () =>
          rng.pick([...allIds(w), ...HOSTILE_STRINGS.filter((s) => s.length < 50)]),
        ).join(rng.pick([',', ', ', ',,'])),
      };
    case 'modules':
      return {
        value: Array.from({ length: 1 + rng.int(4) }, () =>
          rng.pick([...w.modules, 'nope', 'users', ...HOSTILE_STRINGS.slice(0, 10)]),
        ).join(','),
      };
    case 'module':
    case 'relatedModule':
    case 'lookupModule':
      return { value: rng.chance(0.8) ? rng.pick(w.modules) : rng.pick(['users', 'nope', 'Leads', ...HOSTILE_STRINGS.slice(0, 10)]) };
    case 'timeZone':
      return {
        value: rng.pick([
          'Europe/Paris',
          'UTC',
          'America/Argentina/Buenos_Aires',
          'Etc/GMT+14',
          'Mars/Olympus',
          'utc',
          '+02:00',
          '',
          'x'.repeat(64),
          '../../etc/localtime',
        ]),
      };
    case 'locale':
      return { value: rng.pick(['en', 'fr-CA', 'zh-Hant-TW', 'x-klingon', 'en_US', '', '123', 'a'.repeat(35), 'i-default']) };
    case 'currency':
      return { value: rng.pick(['EUR', 'USD', 'JPY', 'XXX', 'eur', '€', '', 'EURO', 'X'.repeat(10)]) };
    case 'type':
      return { value: rng.chance(0.85) ? rng.pick(FIELD_TYPES) : rng.pick(['string', 'TEXT', '', '__proto__']) };
    case 'options':
      return {
        value: rng.pick<unknown>([
          ['A', 'B', 'C'],
          [{ value: 'A', label: 'A' }, { value: 'B' }],
          [],
          ['A', 'A'],
          [{ value: '' }],
          [null, 1, {}],
          Array.from({ length: 1000 }, (_, i) => `o${i}`),
          [rng.pick(HOSTILE_STRINGS)],
        ]),
      };
    case 'defaultValue':
      return { value: rng.pick<unknown>([null, 'x', 0, true, 1e308, [], { id: w.adminId }, '2024-02-30', rng.pick(HOSTILE_STRINGS)]) };
    case 'email':
      return {
        value: rng.pick([
          ADMIN.email,
          STD.email,
          `new${rng.int(1e9)}@example.com`,
          'ADMIN@EXAMPLE.COM',
          ' admin@example.com ',
          'nope',
          '',
          rng.pick(HOSTILE_STRINGS),
        ]),
      };
    case 'password':
      return {
        value: rng.pick([ADMIN.password, STD.password, 'short', 'a long enough password', 'x'.repeat(1000), '', rng.pick(HOSTILE_STRINGS)]),
      };
    case 'perPage':
    case 'page':
    case 'limit':
      return { value: rng.pick([1, 2, 50, 200, 201, 0, -1, 100000, 2 ** 31]) };
    case 'minutes':
      return { value: rng.pick([0, 1, 60, 5_256_000]) };
    case 'sections': {
      const names = (w.fields.get(module) ?? []).map((f) => f.apiName);
      return {
        value: rng.pick<unknown>([
          [{ title: 'All', fields: names }],
          [{ title: 'Some', fields: names.slice(0, 2) }],
          [{ title: 'Dupes', fields: [names[0], names[0]] }],
          [{ title: 'Unknown', fields: ['nope', ...HOSTILE_STRINGS.slice(0, 5)] }],
          [],
        ]),
      };
    }
    case 'data': {
      if (op.path === `${API}/records/{module}` && op.method === 'POST') {
        return { value: Array.from({ length: rng.pick([1, 1, 2, 3, 0, 101]) }, () => randomRecord(module, rng, w)) };
      }
      if (op.path === `${API}/records/{module}` && op.method === 'PATCH') {
        const ids = w.records.get(module) ?? [];
        return {
          value: Array.from({ length: rng.pick([1, 2, 3, 0, 101]) }, () => ({
            ...randomRecord(module, rng, w),
            id: rng.chance(0.8) && ids.length ? rng.pick(ids) : rng.pick([...allIds(w), ...HOSTILE_STRINGS.slice(0, 10)]),
          })),
        };
      }
      if (single) return { value: randomRecord(module, rng, w) };
      return undefined;
    }
    default:
      return undefined;
  }
}

// ---------------------------------------------------------------- the fuzzer

class Fuzzer {
  readonly histogram = new Map<number, number>();
  readonly perOp = new Map<string, { sent: number; ok: number }>();
  readonly failureGroups = new Map<string, { count: number; example: string; ops: Set<string> }>();
  readonly phases = new Map<string, number>();
  readonly notes: string[] = [];
  sent = 0;
  support = 0;
  /** The actors: the admin and a standard user signed in, and an API token of the admin. */
  adminCookie = '';
  stdCookie = '';
  bearer = '';
  bearerId = '';
  private snapshot: any[] = [];

  constructor(
    readonly t: TestServer,
    readonly world: World,
    readonly rng: Rng,
  ) {}

  async init(): Promise<void> {
    this.adminCookie = this.t.admin.cookie ?? '';
    this.stdCookie = await this.freshSession(STD.email, STD.password);
    await this.newBearer();
    this.snapshot = await this.t.server.database.db
      .selectFrom('users')
      .select(['id', 'active', 'profile', 'passwordHash'])
      .where('id', 'in', [this.world.adminId, this.world.stdId])
      .execute();
  }

  private async newBearer() {
    const r = await this.supportCall('POST', '/api-tokens', { name: `fuzz ${this.rng.int(1e6)}` }, this.adminCookie);
    if (r.status !== 201) throw new Error(`cannot create an API token: ${r.status} ${r.text}`);
    const b = JSON.parse(r.text);
    this.bearer = b.token;
    this.bearerId = b.id;
    this.world.tokenIds.push(b.id);
  }

  /** A request the fuzzer needs for itself; it must work, and must not 5xx either. */
  private async supportCall(method: string, p: string, body: unknown, cookie?: string, bearer?: string): Promise<Answer> {
    this.support++;
    const headers: Record<string, string> = {};
    if (cookie) headers.cookie = cookie;
    if (bearer) headers.authorization = `Bearer ${bearer}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(this.t.url + API + p, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    if (res.status >= 500) this.fail(`support call ${method} ${p} answered ${res.status}: ${trunc(text)}`, `5xx support ${method} ${p}`);
    return {
      status: res.status,
      contentType: res.headers.get('content-type') ?? '',
      text,
      setCookie: res.headers.get('set-cookie') ?? undefined,
    };
  }

  /** Signs in (clearing the failed-sign-in throttle our own login fuzzing filled) → cookie. */
  private async freshSession(email: string, password: string): Promise<string> {
    for (let attempt = 0; attempt < 2; attempt++) {
      const r = await this.supportCall('POST', '/auth/login', { email, password });
      if (r.status === 200) {
        const m = /rapport_session=([^;]*)/.exec(r.setCookie ?? '');
        if (m?.[1]) return `rapport_session=${m[1]}`;
      }
      if (r.status === 429) await this.clearThrottle();
      else throw new Error(`login as ${email} failed: ${r.status} ${r.text}`);
    }
    throw new Error(`login as ${email} stays throttled`);
  }

  private async clearThrottle() {
    await this.t.server.database.db.deleteFrom('login_attempts').where('success', '=', 0).execute();
  }

  /**
   * Puts the actors back (active, profile, password) after operations that can change them,
   * and signs in again where a session or the token is gone. Fuzzing PATCH /users/{id} on the
   * admin itself stays in: this is what keeps the run going afterwards.
   */
  private async restoreActors() {
    const db = this.t.server.database.db;
    for (const row of this.snapshot) {
      await db
        .updateTable('users')
        .set({ active: row.active, profile: row.profile, passwordHash: row.passwordHash })
        .where('id', '=', row.id)
        .execute();
    }
    if ((await this.supportCall('GET', '/me', undefined, this.adminCookie)).status !== 200)
      this.adminCookie = await this.freshSession(ADMIN.email, ADMIN.password);
    if ((await this.supportCall('GET', '/me', undefined, this.stdCookie)).status !== 200)
      this.stdCookie = await this.freshSession(STD.email, STD.password);
    if ((await this.supportCall('GET', '/me', undefined, undefined, this.bearer)).status !== 200) await this.newBearer();
  }

  private pathValue(op: Operation, name: string, module: string): { raw: string } | { value: string } {
    const w = this.world;
    const rng = this.rng;
    if (rng.chance(0.06)) return { raw: rng.pick(RAW_PATH_SEGMENTS) };
    if (rng.chance(0.14)) return { value: rng.pick(HOSTILE_STRINGS.filter((s) => s.length < 6000)) };
    if (rng.chance(0.05)) return { value: rng.pick(allIds(w)) };
    if (name === 'module' || name === 'relatedModule')
      return { value: rng.chance(0.9) ? rng.pick(w.modules) : rng.pick(['users', 'nope', 'Leads', 'a'.repeat(64)]) };
    if (name === 'apiName') {
      const fields = (w.fields.get(module) ?? []).map((f) => f.apiName);
      return { value: fields.length && rng.chance(0.85) ? rng.pick(fields) : rng.pick(['nope', 'id', 'fuzzText', 'a'.repeat(64)]) };
    }
    if (name === 'layoutId') {
      const ids = w.layouts.get(module) ?? [];
      return { value: ids.length && rng.chance(0.85) ? rng.pick(ids) : rng.pick([...[...w.layouts.values()].flat(), 'nope']) };
    }
    if (name === 'stageId') return { value: w.stageIds.length && rng.chance(0.9) ? rng.pick(w.stageIds) : rng.pick(allIds(w)) };
    if (name === 'id') {
      const p = op.path;
      const pool = p.startsWith(`${API}/records/`)
        ? (w.records.get(staticModule(op) ?? module) ?? [])
        : p.startsWith(`${API}/pipelines`)
          ? w.pipelineIds
        : p.startsWith(`${API}/automation`)
          ? w.ruleIds
        : p.startsWith(`${API}/users`)
          ? [w.adminId, w.stdId, ...w.otherIds]
          : p.startsWith(`${API}/api-tokens`)
            ? w.tokenIds
            : p.startsWith(`${API}/recycle-bin`)
              ? w.binIds
              : p.startsWith(`${API}/views`)
                ? w.viewIds
                : allIds(w);
      return { value: pool.length && rng.chance(0.9) ? rng.pick(pool) : rng.pick(allIds(w)) };
    }
    return {
      value: rng.chance(0.7)
        ? String(sampleValid(op.params.find((x) => x.name === name)?.schema ?? { type: 'string' }, rng))
        : rng.pick(allIds(w)),
    };
  }

  private authFor(op: Operation): { headers: Record<string, string>; label: string } | 'fresh-admin' | 'fresh-std' {
    const rng = this.rng;
    const logout = op.path === `${API}/auth/logout`;
    const r = rng.next();
    if (r < 0.5) return logout ? 'fresh-admin' : { headers: { cookie: this.adminCookie }, label: 'admin-cookie' };
    if (r < 0.6) return { headers: { authorization: `Bearer ${this.bearer}` }, label: 'admin-bearer' };
    if (r < 0.72) return logout ? 'fresh-std' : { headers: { cookie: this.stdCookie }, label: 'standard-cookie' };
    if (r < 0.86) return { headers: {}, label: 'anonymous' };
    const bogus = rng.pick<[Record<string, string>, string]>([
      [{ cookie: 'rapport_session=' }, 'empty-cookie'],
      [{ cookie: `rapport_session=${rng.pick(HEADER_SAFE_HOSTILE)}` }, 'hostile-cookie'],
      [{ cookie: `rapport_session=${'a'.repeat(5000)}` }, 'long-cookie'],
      [{ cookie: 'rapport_session=a; rapport_session=b' }, 'two-cookies'],
      [{ authorization: 'Bearer ' }, 'empty-bearer'],
      [{ authorization: `Bearer ${rng.pick(HEADER_SAFE_HOSTILE)}` }, 'hostile-bearer'],
      [{ authorization: `Bearer ${'t'.repeat(3000)}` }, 'long-bearer'],
      [{ authorization: 'Basic YWRtaW5AZXhhbXBsZS5jb206eA==' }, 'basic'],
      [{ authorization: `bearer ${this.bearer}` }, 'lowercase-bearer'],
      [{ authorization: `Bearer ${this.bearer} extra` }, 'bearer-with-extra'],
      [{ authorization: 'Bearer x', cookie: this.stdCookie }, 'bad-bearer-good-cookie'],
      [{ authorization: `Bearer ${this.bearer}`, cookie: this.stdCookie }, 'admin-bearer-std-cookie'],
      [{ cookie: this.adminCookie.replace(/.$/, (c) => (c === 'a' ? 'b' : 'a')) }, 'tampered-cookie'],
    ]);
    if (logout) delete bogus[0].cookie; // never end the admin's own session from here
    return { headers: bogus[0], label: bogus[1] };
  }

  private bodyFor(op: Operation, module: string): Body | undefined {
    const rng = this.rng;
    if (!op.body) {
      const r = rng.next();
      if (r < 0.7) return undefined;
      if (r < 0.85) return { kind: 'json', value: sampleJson(rng), contentType: 'application/json', label: 'unexpected-json' };
      return rawBody(rng);
    }
    const contentType = rng.chance(0.9)
      ? 'application/json'
      : rng.pick(['application/json; charset=utf-8', 'APPLICATION/JSON', 'application/json;charset=UTF-8']);
    let valid = sampleValid(op.body, rng);
    if (valid && typeof valid === 'object' && !Array.isArray(valid)) {
      const v = valid as Record<string, unknown>;
      for (const name of Object.keys(op.body.properties ?? {})) {
        if (!(name in v) && !rng.chance(0.4) && !(op.body.required ?? []).includes(name)) continue;
        const h = rng.chance(0.75) ? hint(name, op, module, rng, this.world) : undefined;
        if (h) v[name] = h.value;
      }
      valid = v;
    }
    const r = rng.next();
    if (r < 0.4) return { kind: 'json', value: valid, contentType, label: 'valid' };
    if (r < 0.85) return breakValue(valid, rng, contentType);
    if (r < 0.9) return undefined;
    return rawBody(rng);
  }

  private queryFor(op: Operation, module: string): string {
    const rng = this.rng;
    const parts: string[] = [];
    // A few go out unencoded (when the request line can carry them); none is longer than a
    // request line may be (Node answers 431 before the app sees it).
    const add = (k: string, v: string) => {
      const raw = `${k}=${v}`;
      const enc = `${encode(k)}=${encode(v)}`;
      parts.push((rng.chance(0.05) && /^[\x21-\x7e]*$/.test(raw) ? raw : enc).slice(0, 12_000));
    };
    for (const p of op.params.filter((x) => x.in === 'query')) {
      const r = rng.next();
      if (!p.required && r < 0.45) continue;
      if (p.required && r < 0.08) continue; // missing required
      const h = rng.chance(0.6) ? hint(p.name, op, module, rng, this.world) : undefined;
      let v: unknown = h ? h.value : sampleValid(p.schema, rng);
      if (rng.chance(0.25)) v = brokenQueryValue(rng);
      const s = typeof v === 'string' ? v : JSON.stringify(v);
      add(p.name, s);
      if (rng.chance(0.07)) add(p.name, brokenQueryValue(rng)); // repeated parameter
    }
    if (rng.chance(0.12))
      add(rng.pick(['extra', '__proto__', 'constructor', 'filter[field]', 'a'.repeat(200), '']), rng.pick(HEADER_SAFE_HOSTILE));
    if (rng.chance(0.03)) parts.push(rng.pick(['%', '%ZZ', '&&&', '=', '==x', 'a=%00', '?', '#frag']));
    return parts.length ? `?${parts.join('&')}` : '';
  }

  /** About one request in four is "sane": the admin, real ids, a body the route should accept. */
  async request(op: Operation): Promise<void> {
    if (this.rng.chance(0.25)) return this.saneRequest(op);
    return this.hostileRequest(op);
  }

  private saneBody(op: Operation, module: string): unknown {
    const rng = this.rng;
    const w = this.world;
    const n = rng.int(1e9);
    const p = op.path.slice(API.length);
    const fieldTypes = [
      { type: 'text' },
      { type: 'picklist', options: ['A', 'B'] },
      { type: 'lookup', lookupModule: 'accounts' },
      { type: 'integer', unique: true },
      { type: 'date', defaultValue: '2024-01-01' },
      { type: 'multiselect', options: ['X', 'Y'] },
    ];
    switch (`${op.method} ${p}`) {
      case 'POST /auth/login':
        return { email: STD.email, password: STD.password };
      case 'POST /users':
        return { email: `sane${n}@example.com`, name: `Sane ${n}`, profile: 'Standard', password: 'a long enough password' };
      case 'PATCH /users/{id}':
        return rng.pick([{ name: `Renamed ${n}` }, { timeZone: 'Europe/Paris', locale: 'fr' }, { role: 'Sales' }]);
      case 'POST /api-tokens':
        return { name: `sane ${n}` };
      case 'POST /modules':
        return { label: `Sane ${n}`, singularLabel: `Sane ${n}` };
      case 'PATCH /modules/{module}':
        return { label: `Label ${n}` };
      case 'POST /modules/{module}/fields':
        return { label: `Sane ${n}`, ...rng.pick(fieldTypes) };
      case 'PATCH /modules/{module}/fields/{apiName}':
        return rng.pick([{ label: `Renamed ${n}` }, { required: false }, { tooltip: 'help' }]);
      case 'PATCH /modules/{module}/layouts/{layoutId}':
        return { name: `Layout ${n}`, sections: [{ title: 'All', fields: (w.fields.get(module) ?? []).map((f) => f.apiName) }] };
      case 'POST /records/{module}':
        return { data: Array.from({ length: 1 + rng.int(2) }, () => saneRecord(module, rng, w)) };
      case 'PATCH /records/{module}':
        return { data: (w.records.get(module) ?? []).slice(0, 2).map((id) => ({ id, ...saneRecord(module, rng, w) })) };
      case 'PATCH /records/{module}/{id}':
        return { data: saneRecord(module, rng, w) };
      case 'POST /records/{module}/query':
        return { perPage: 10, sort: '-createdAt', filter: { field: 'createdAt', op: 'lastNDays', value: 30 } };
      case 'POST /views':
        return { module, name: `View ${n}`, filter: { field: 'createdAt', op: 'isNotEmpty' } };
      case 'PATCH /views/{id}':
        return { name: `View ${n}` };
      case 'PATCH /settings/organization':
        return rng.pick([{ name: `Org ${n}` }, { timeZone: 'UTC', locale: 'en', currency: 'USD' }]);
      case 'POST /test-clock/advance':
        return { minutes: 1 };
      case 'POST /pipelines':
        return { name: `Pipeline ${n}`, stages: [{ name: 'One' }, { name: 'Two', probability: 40 }] };
      case 'PATCH /pipelines/{id}':
        return { name: `Pipeline ${n}` };
      case 'POST /pipelines/{id}/stages':
        return rng.pick([{ name: `Stage ${n}` }, { name: `Closed ${n}`, kind: 'lost' }]);
      case 'PATCH /pipelines/{id}/stages/{stageId}':
        return rng.pick([{ name: `Stage ${n}` }, { probability: 35 }, { order: 1 }]);
      case 'POST /records/leads/{id}/convert':
        return rng.pick([{}, { deal: { stage: 'Qualification', closingDate: '2026-01-01', amount: 10 } }]);
      case 'PUT /settings/lead-conversion':
        return { mappings: [] };
      default:
        return op.body ? sampleValid(op.body, rng) : undefined;
    }
  }

  private saneQuery(op: Operation, module: string): Map<string, string> {
    const w = this.world;
    const q = new Map<string, string>();
    for (const prm of op.params.filter((x) => x.in === 'query')) {
      const v: Record<string, string> = {
        perPage: '5',
        page: '1',
        q: 'fuzz',
        module,
        modules: w.modules.slice(0, 3).join(','),
        limit: '5',
        sort: '-createdAt',
        filter: JSON.stringify({ field: 'createdAt', op: 'isNotEmpty' }),
        ids: (w.records.get(module) ?? []).slice(-1).join(','),
        field: (w.fields.get(module) ?? []).find((f) => f.type === 'picklist')?.apiName ?? 'stage',
      };
      if (prm.name in v && (prm.required || this.rng.chance(0.6))) q.set(prm.name, v[prm.name]);
      else if (prm.required) q.set(prm.name, String(sampleValid(prm.schema, this.rng)));
    }
    return q;
  }

  /** The parts of a request the route should accept; the deterministic probes change one part. */
  private saneParts(op: Operation) {
    const rng = this.rng;
    const w = this.world;
    const recordModules = w.modules.filter((m) => (w.records.get(m) ?? []).length > 0);
    let module = rng.pick(recordModules.length ? recordModules : w.modules);
    const p = op.path.slice(API.length);
    const path = new Map<string, string>();
    for (const name of pathNames(op)) {
      let v: string | undefined;
      if (name === 'module') v = p.startsWith('/modules') ? rng.pick(w.modules) : module;
      else if (name === 'relatedModule') v = rng.pick(['contacts', 'leads', 'accounts']);
      else if (name === 'apiName') {
        const fields = w.fields.get(module) ?? [];
        const custom = fields.filter((f) => (f as { custom?: boolean }).custom);
        v = (custom.length ? rng.pick(custom) : rng.pick(fields))?.apiName;
      } else if (name === 'layoutId') v = rng.pick(w.layouts.get(module) ?? ['none']);
      else if (name === 'stageId') v = w.stageIds.length ? rng.pick(w.stageIds) : 'none';
      else {
        const pool = p.startsWith('/records/')
          ? (w.records.get(staticModule(op) ?? module) ?? [])
          : p.startsWith('/pipelines')
            ? w.pipelineIds
          : p.startsWith('/users')
            ? [w.stdId, ...w.otherIds]
            : p.startsWith('/api-tokens')
              ? w.tokenIds.filter((x) => x !== this.bearerId)
              : p.startsWith('/recycle-bin')
                ? w.binIds
                : p.startsWith('/views')
                  ? w.viewIds
                  : allIds(w);
        v = pool.length ? rng.pick(pool) : 'none';
      }
      if (name === 'module' && v) module = v;
      path.set(name, encode(v ?? 'none'));
    }
    return { module, path, query: this.saneQuery(op, module), body: this.saneBody(op, module) };
  }

  private async adminAuth(op: Operation, rng = this.rng): Promise<{ headers: Record<string, string>; label: string }> {
    if (op.path === `${API}/auth/logout`)
      return { headers: { cookie: await this.freshSession(STD.email, STD.password) }, label: 'standard-throwaway-session' };
    if (rng.chance(0.2)) return { headers: { authorization: `Bearer ${this.bearer}` }, label: 'admin-bearer' };
    return { headers: { cookie: this.adminCookie }, label: 'admin-cookie' };
  }

  private async saneRequest(op: Operation): Promise<void> {
    const parts = this.saneParts(op);
    const auth = await this.adminAuth(op);
    const body: Body | undefined =
      parts.body === undefined ? undefined : { kind: 'json', value: parts.body, contentType: 'application/json', label: 'sane' };
    await this.exchange(op, assemble(op, parts.path, parts.query, body, auth), 'sane');
  }

  /**
   * Deterministic probes, one part at a time on an otherwise sane request: each path parameter
   * with the hostile values the acceptance criteria name, each query parameter with numbers
   * JSON and Ajv coercion get wrong, each body property with null / [] / {} / 1e999 / NUL, and
   * the request without authentication.
   */
  async probe(op: Operation): Promise<void> {
    const PATH_PROBES: [string, boolean][] = [
      ['../../etc/passwd', false],
      ['../../etc/passwd', true],
      ['%00', true],
      ['%ZZ', true],
      ['a'.repeat(500), false],
      ["' or 1=1 --", false],
      ['Ünïcødé ✓ 漢字 🚀', false],
      ['\u0000', false],
    ];
    for (const name of pathNames(op)) {
      for (const [value, raw] of PATH_PROBES) {
        const parts = this.saneParts(op);
        parts.path.set(name, raw ? value : encode(value));
        await this.exchange(op, assemble(op, parts.path, parts.query, jsonBody(parts.body), await this.adminAuth(op)), `path ${name}`);
      }
    }
    const QUERY_PROBES = [
      'Infinity',
      '-Infinity',
      '1e999',
      'NaN',
      '-1',
      '0',
      '1e3',
      '0x10',
      '',
      ' ',
      'a'.repeat(5000),
      "' or 1=1 --",
      '\u0000',
      '[]',
      '{"a":1}',
    ];
    for (const prm of op.params.filter((x) => x.in === 'query')) {
      for (const value of QUERY_PROBES) {
        const parts = this.saneParts(op);
        parts.query.set(prm.name, value);
        await this.exchange(op, assemble(op, parts.path, parts.query, jsonBody(parts.body), await this.adminAuth(op)), `query ${prm.name}`);
      }
    }
    if (op.body) {
      const parts = this.saneParts(op);
      const sane = parts.body;
      const props = Object.keys(op.body.properties ?? {});
      for (const prop of props) {
        for (const kind of ['null', 'array', 'object', '1e999', 'nul', 'nested'] as const) {
          const parts2 = this.saneParts(op);
          const base = parts2.body && typeof parts2.body === 'object' && !Array.isArray(parts2.body) ? { ...(parts2.body as object) } : {};
          const marker = '__FUZZ_RAW__';
          (base as Record<string, unknown>)[prop] =
            kind === 'null'
              ? null
              : kind === 'array'
                ? []
                : kind === 'object'
                  ? {}
                  : kind === 'nul'
                    ? 'a\u0000b'
                    : kind === 'nested'
                      ? [{ [prop]: [{}] }]
                      : marker;
          const text = JSON.stringify(base).replace(JSON.stringify(marker), '1e999');
          const body: Body = { kind: 'raw', data: text, contentType: 'application/json', label: `property ${prop}=${kind}` };
          await this.exchange(op, assemble(op, parts2.path, parts2.query, body, await this.adminAuth(op)), `body ${prop}`);
        }
      }
      for (const body of [
        { kind: 'json', value: {}, contentType: 'application/json', label: 'empty-object' },
        { kind: 'raw', data: '{', contentType: 'application/json', label: 'truncated' },
        { kind: 'raw', data: 'null', contentType: 'application/json', label: 'null' },
        { kind: 'json', value: [sane], contentType: 'application/json', label: 'array-for-object' },
        { kind: 'raw', data: `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`, contentType: 'application/json', label: 'deep-10000' },
        { kind: 'json', value: sane, contentType: 'text/plain', label: 'sane-as-text-plain' },
      ] as Body[]) {
        await this.exchange(op, assemble(op, parts.path, parts.query, body, await this.adminAuth(op)), 'body');
      }
    }
    if (!op.public) {
      const parts = this.saneParts(op);
      const answer = await this.exchange(
        op,
        assemble(op, parts.path, parts.query, jsonBody(parts.body), { headers: {}, label: 'anonymous' }),
        'anonymous',
      );
      if (answer.status !== 401)
        this.fail(`${op.key}: anonymous sane request answered ${answer.status}, not 401`, `anonymous-not-401 ${op.key}`);
    }
  }

  private async exchange(op: Operation, sent: Sent, phase = 'random'): Promise<Answer> {
    const t0 = Date.now();
    const answer = await this.send(sent);
    if (process.env.FUZZ_VERBOSE)
      console.log(`${answer.status} ${Date.now() - t0}ms ${sent.method} ${trunc(sent.url, 120)} ${trunc(describeBody(sent.body), 160)}`);
    this.phases.set(phase.split(' ')[0], (this.phases.get(phase.split(' ')[0]) ?? 0) + 1);
    this.record(op, sent, answer);
    if (/\/(users|auth|api-tokens)(\/|$)/.test(op.path)) await this.restoreActors();
    return answer;
  }

  /** Failures grouped by cause: the first example of each, and how often and where it recurred. */
  fail(example: string, signature: string, op?: Operation) {
    const g = this.failureGroups.get(signature) ?? { count: 0, example, ops: new Set<string>() };
    g.count++;
    if (op) g.ops.add(op.key);
    this.failureGroups.set(signature, g);
  }

  get failures(): string[] {
    return [...this.failureGroups.entries()].map(
      ([sig, g]) =>
        `● ${sig} — ${g.count}× on ${g.ops.size || 1} operation(s)${g.ops.size > 1 ? `: ${[...g.ops].join(', ')}` : ''}\n    ${g.example}`,
    );
  }

  /** Refreshes the pools from the server (ids come and go as the fuzzer creates and deletes). */
  async refreshWorld(): Promise<void> {
    const w = this.world;
    const get = async (path: string) => {
      const r = await this.supportCall('GET', path, undefined, this.adminCookie);
      return r.status === 200 ? JSON.parse(r.text) : undefined;
    };
    const modules = (await get('/modules'))?.data?.map((m: any) => m.apiName as string);
    if (modules?.length) w.modules = modules;
    for (const m of [
      'leads',
      'accounts',
      'contacts',
      ...w.modules.filter((x) => !['leads', 'accounts', 'contacts'].includes(x)).slice(0, 3),
    ]) {
      const list = await get(`/records/${m}?perPage=20&sort=-createdAt`);
      if (list?.data) w.records.set(m, [...new Set([...(w.records.get(m) ?? []).slice(0, 3), ...list.data.map((r: any) => r.id)])]);
      const fields = await get(`/modules/${m}/fields`);
      if (fields?.data) w.fields.set(m, fields.data);
      const layouts = await get(`/modules/${m}/layouts`);
      if (layouts?.data)
        w.layouts.set(
          m,
          layouts.data.map((l: any) => l.id),
        );
    }
    const bin = await get('/recycle-bin?perPage=20');
    if (bin?.data) w.binIds = [...new Set([...w.binIds.slice(0, 2), ...bin.data.map((e: any) => e.id)])];
    const tokens = await get('/api-tokens');
    if (tokens?.data) w.tokenIds = [...new Set([...w.tokenIds.slice(0, 2), ...tokens.data.map((x: any) => x.id)])];
    const views = await get('/views');
    if (views?.data) w.viewIds = [...new Set([...w.viewIds.slice(0, 2), ...views.data.map((x: any) => x.id)])];
    const pipelines = await get('/pipelines');
    if (pipelines?.data) {
      w.pipelineIds = [...new Set([...w.pipelineIds.slice(0, 2), ...pipelines.data.map((x: any) => x.id)])];
      w.stageIds = [...new Set([...w.stageIds.slice(0, 2), ...pipelines.data.flatMap((x: any) => x.stages.map((st: any) => st.id))])];
    }
  }

  private async hostileRequest(op: Operation): Promise<void> {
    const rng = this.rng;
    const w = this.world;
    // Path parameters; `module` first since the others (ids, fields, layouts) depend on it.
    const names = pathNames(op);
    let module = rng.pick(w.modules.filter((m) => w.records.has(m)).length ? w.modules.filter((m) => w.records.has(m)) : w.modules);
    const values = new Map<string, string>();
    for (const name of names) {
      const v = this.pathValue(op, name, module);
      const seg = 'raw' in v ? v.raw : encode(v.value);
      if (name === 'module' && 'value' in v) module = v.value;
      values.set(name, seg);
    }
    const url = op.path.replace(/\{([^}]+)\}/g, (_m, n) => values.get(n) ?? '') + this.queryFor(op, module);

    const headers: Record<string, string> = {};
    for (const p of op.params.filter((x) => x.in === 'header')) {
      if (rng.chance(0.4)) continue;
      headers[p.name] =
        p.name === 'if-match'
          ? rng.pick([
              '1',
              '"1"',
              'W/"1"',
              '2',
              '0',
              '-1',
              'abc',
              '1e999',
              '99999999999999999999999',
              '',
              ' ',
              '"',
              'W/',
              '*',
              '1, 2',
              '1.5',
              'NaN',
            ])
          : rng.pick(HEADER_SAFE_HOSTILE);
    }
    if (rng.chance(0.05)) headers['x-request-id'] = rng.pick(HEADER_SAFE_HOSTILE.filter((s) => s.length < 1000));
    if (rng.chance(0.05)) headers.accept = rng.pick(['application/xml', 'text/html', '*/*;q=0', 'application/json;q=0']);

    let auth = this.authFor(op);
    if (auth === 'fresh-admin' || auth === 'fresh-std') {
      const who = auth === 'fresh-admin' ? ADMIN : STD;
      auth = {
        headers: { cookie: await this.freshSession(who.email, who.password) },
        label: `${who === ADMIN ? 'admin' : 'standard'}-throwaway-session`,
      };
    }
    Object.assign(headers, auth.headers);
    const body = this.bodyFor(op, module);
    if (body?.contentType !== undefined) headers['content-type'] = body.contentType;
    if (op.path === `${API}/auth/login` && rng.chance(0.5)) await this.clearThrottle();

    await this.exchange(op, { method: op.method, url, headers, body, auth: auth.label });
  }

  private async send(s: Sent): Promise<Answer> {
    const before = serverErrors.length;
    const answer = await this.fetchAnswer(s);
    answer.serverErrors = serverErrors.slice(before).map((e) => e.err);
    return answer;
  }

  /** node:http rather than fetch: it sends bodies on GET, and paths without normalising them. */
  private fetchAnswer(s: Sent): Promise<Answer> {
    let payload: Buffer | undefined;
    if (s.body?.kind === 'json') {
      try {
        payload = Buffer.from(JSON.stringify(s.body.value) ?? '');
      } catch (err) {
        // A generated value can nest past what JSON.stringify can hold in one string (RangeError);
        // send a body that says so rather than stop the run: the server still has to answer it.
        if (!(err instanceof RangeError)) throw err;
        payload = Buffer.from('{"tooLarge": true}');
      }
    }
    else if (s.body?.kind === 'raw') payload = Buffer.from(s.body.data);
    const base = new URL(this.t.url);
    const headers: Record<string, string> = { ...s.headers };
    if (payload) headers['content-length'] = String(payload.length);
    return new Promise<Answer>((resolve) => {
      const fail = (err: unknown) => resolve({ status: 0, contentType: '', text: '', error: String(err) });
      try {
        const req = http.request(
          { host: base.hostname, port: base.port, method: s.method, path: s.url, headers, timeout: 30_000, agent: false },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('error', fail);
            res.on('end', () =>
              resolve({
                status: res.statusCode ?? 0,
                contentType: String(res.headers['content-type'] ?? ''),
                text: Buffer.concat(chunks).toString('utf8'),
              }),
            );
          },
        );
        req.on('error', fail);
        req.on('timeout', () => req.destroy(new Error('no answer within 30 s')));
        if (payload) req.write(payload);
        req.end();
      } catch (err) {
        fail(err);
      }
    });
  }

  private record(op: Operation, s: Sent, a: Answer) {
    this.sent++;
    this.histogram.set(a.status, (this.histogram.get(a.status) ?? 0) + 1);
    const stats = this.perOp.get(op.key) ?? { sent: 0, ok: 0 };
    stats.sent++;
    if (a.status >= 200 && a.status < 300) stats.ok++;
    this.perOp.set(op.key, stats);
    const headers = Object.entries(s.headers)
      .map(([k, v]) => `${k}: ${trunc(v, 60)}`)
      .join('; ');
    const request = `${s.method} ${trunc(s.url, 300)} [auth ${s.auth}] headers {${headers}} body ${describeBody(s.body)}`;
    const serverError = a.serverErrors?.at(-1) as Error | undefined;
    // The error and the frames in server/src: where the lead should look.
    const frames = [...new Set(String(serverError?.stack ?? '').split('\n'))]
      .filter((l) => l.includes('/server/src/'))
      .slice(0, 8)
      .map((l) => `      ${l.trim()}`)
      .join('\n');
    const cause = serverError ? `\n    server error: ${trunc(String((serverError as Error).message ?? serverError), 300)}\n${frames}` : '';
    if (a.status === 0) {
      this.fail(`${op.key}: no answer (${a.error})\n    request: ${request}${cause}`, `no answer ${op.key} ${a.error}`, op);
      return;
    }
    if (a.status >= 500) {
      const why = serverError
        ? String(serverError.message ?? serverError)
            .split('\n')[0]
            .slice(0, 120)
        : trunc(a.text, 80);
      this.fail(
        `${op.key}: ${a.status}\n    request: ${request}\n    response: ${trunc(a.text, 500)}${cause}`,
        `${a.status} ${op.key}: ${why}`,
        op,
      );
      return;
    }
    if (a.status >= 400) {
      if (!/json/i.test(a.contentType)) {
        if (a.text) this.notes.push(`${op.key}: ${a.status} with a non-JSON body (${a.contentType}): ${trunc(a.text, 200)} ← ${request}`);
        return;
      }
      let body: any;
      try {
        body = JSON.parse(a.text);
      } catch {
        this.fail(
          `${op.key}: ${a.status} says JSON but is not: ${trunc(a.text)}\n    request: ${request}`,
          `${a.status} non-JSON JSON`,
          op,
        );
        return;
      }
      if (op.batch && a.status === 400 && Array.isArray(body?.data)) return;
      const problem = errorShapeProblem(body);
      if (problem) {
        this.fail(
          `${op.key}: ${a.status} ${trunc(a.text)}\n    request: ${request}`,
          `${a.status} error body not {error:{code,message,details}} (${problem}; code ${body?.code ?? body?.error?.code ?? body?.error ?? '?'})`,
          op,
        );
      }
    }
  }
}

const pathNames = (op: Operation) =>
  [...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]).sort((a, b) => (a === 'module' ? -1 : b === 'module' ? 1 : 0));

const jsonBody = (value: unknown): Body | undefined =>
  value === undefined ? undefined : { kind: 'json', value, contentType: 'application/json', label: 'sane' };

function assemble(
  op: Operation,
  path: Map<string, string>,
  query: Map<string, string>,
  body: Body | undefined,
  auth: { headers: Record<string, string>; label: string },
): Sent {
  const qs = [...query.entries()].map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&');
  const url = op.path.replace(/\{([^}]+)\}/g, (_m, n) => path.get(n) ?? '') + (qs ? `?${qs}` : '');
  const headers: Record<string, string> = { ...auth.headers };
  if (body?.contentType !== undefined) headers['content-type'] = body.contentType;
  return { method: op.method, url, headers, body, auth: auth.label };
}

/** Creates what the pools draw from: records of three modules, users, a token, a bin entry… */
async function buildWorld(t: TestServer, doc: any): Promise<World> {
  const a = t.admin;
  const must = async (p: Promise<any>, what: string) => {
    const r = await p;
    if (r.status >= 300) throw new Error(`fuzz setup: ${what} answered ${r.status} ${r.text}`);
    return r.body;
  };
  const me = await must(a.get(`${API}/me`), 'GET /me');
  const std = await must(
    a.post(`${API}/users`, { email: STD.email, name: 'Fuzz Standard', password: STD.password, profile: 'Standard' }),
    'create user',
  );
  const spareUser = await must(
    a.post(`${API}/users`, { email: 'fuzz.spare@example.com', name: 'Fuzz Spare', profile: 'Standard' }),
    'create user',
  );
  const records = new Map<string, string[]>();
  const create = async (module: string, rec: Record<string, unknown>) => {
    const b = await must(a.post(`${API}/records/${module}`, { data: [rec] }), `create ${module}`);
    const id = b.data[0].id as string;
    records.set(module, [...(records.get(module) ?? []), id]);
    return id;
  };
  const account = await create('accounts', { name: 'Fuzz Account' });
  await create('leads', { firstName: 'Fuzz', lastName: 'Lead', email: 'fuzz.lead@example.com' });
  await create('contacts', { firstName: 'Fuzz', lastName: 'Contact', account: { id: account } });
  // A recycle bin entry: a contact created then deleted.
  const doomed = await create('contacts', { lastName: 'Doomed' });
  await must(a.delete(`${API}/records/contacts/${doomed}`), 'delete contact');
  const bin = await must(a.get(`${API}/recycle-bin`), 'list recycle bin');
  const token = await must(a.post(`${API}/api-tokens`, { name: 'fuzz spare' }), 'create token');
  // A custom field and module, so deleting/patching fields has something to act on.
  await must(a.post(`${API}/modules/leads/fields`, { label: 'Fuzz Text', type: 'text' }), 'create field');
  await must(a.post(`${API}/modules`, { label: 'Fuzz Things', singularLabel: 'Fuzz Thing' }), 'create module');
  const viewIds: string[] = [];
  if (doc.paths[`${API}/views`]?.post) {
    const v = await a.post(`${API}/views`, {
      module: 'leads',
      name: 'Fuzz view',
      filter: { field: 'lastName', op: 'startsWith', value: 'F' },
    });
    if (v.status === 201) viewIds.push(v.body.data.id);
  }
  // A spare pipeline (the default one cannot be deleted) and a deal, for the sales routes.
  await must(a.post(`${API}/pipelines`, { name: 'Fuzz Pipeline', stages: [{ name: 'Fuzz Stage' }] }), 'create pipeline');
  await create('deals', { dealName: 'Fuzz Deal', stage: 'Qualification', closingDate: '2026-01-01', amount: 100 });
  const pipelines = (await must(a.get(`${API}/pipelines`), 'list pipelines')).data;
  // One rule of each automation kind, so their routes have something to read, change and delete.
  const ruleIds: string[] = [];
  const rules: [string, unknown][] = [
    ['workflow-rules', { name: 'Fuzz wf', module: 'leads', trigger: { on: 'create' }, conditions: [{ criteria: null, instant: [{ type: 'fieldUpdate', field: 'title', value: 'Fuzzed' }] }] }],
    ['validation-rules', { name: 'Fuzz val', module: 'leads', criteria: { field: 'title', op: 'eq', value: 'Forbidden title' }, message: 'No' }],
    ['assignment-rules', { name: 'Fuzz asg', module: 'leads', entries: [{ criteria: null, assignTo: { userId: me.user.id } }] }],
    ['scoring-rules', { name: 'Fuzz score', module: 'leads', entries: [{ criteria: { field: 'title', op: 'isNotEmpty' }, points: 1 }] }],
  ];
  for (const [path, body] of rules) {
    if (doc.paths[`${API}/automation/${path}`]?.post) ruleIds.push((await must(a.post(`${API}/automation/${path}`, body), `create ${path}`)).data.id);
  }
  const modules: string[] = (await must(a.get(`${API}/modules`), 'list modules')).data.map((m: any) => m.apiName);
  const fields = new Map<string, FieldInfo[]>();
  const layouts = new Map<string, string[]>();
  for (const m of modules) {
    fields.set(m, (await must(a.get(`${API}/modules/${m}/fields`), 'fields')).data);
    layouts.set(
      m,
      (await must(a.get(`${API}/modules/${m}/layouts`), 'layouts')).data.map((l: any) => l.id),
    );
  }
  return {
    adminId: me.user.id,
    stdId: std.data.id,
    modules,
    fields,
    layouts,
    records,
    tokenIds: [token.id],
    binIds: bin.data.map((e: any) => e.id),
    viewIds,
    pipelineIds: pipelines.map((x: any) => x.id),
    stageIds: pipelines.flatMap((x: any) => x.stages.map((st: any) => st.id)),
    ruleIds,
    otherIds: [spareUser.data.id],
  };
}

const dialects = await testDialects();

describe.each(dialects)('API fuzzing on %s', (dialect) => {
  let t: TestServer;
  let doc: any;
  let ops: Operation[];
  let world: World;
  beforeAll(async () => {
    diagnostics.subscribe('fastify.initialization', onInit);
    try {
      t = await startTestServer(dialect);
    } finally {
      diagnostics.unsubscribe('fastify.initialization', onInit);
    }
    const r = await new Client(t.url).get(`${API}/openapi.json`);
    if (r.status !== 200) throw new Error(`GET openapi.json answered ${r.status}`);
    doc = await dereference(structuredClone(r.body));
    ops = operationsOf(doc);
    world = await buildWorld(t, doc);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('drives every documented operation with random and hostile input without a 5xx', { timeout: BUDGET_MS + 120_000 }, async () => {
    expect(ops.length).toBeGreaterThan(0);
    const rng = new Rng(SEED ^ (dialect === 'postgres' ? 0x5eed : 0));
    const fuzzer = new Fuzzer(t, world, rng);
    await fuzzer.init();
    const started = Date.now();
    for (const op of ops) await fuzzer.probe(op);
    await fuzzer.refreshWorld();
    let rounds = 0;
    // Round-robin: each round sends one request to every operation, so a spent budget still
    // leaves every operation covered evenly.
    while (rounds < PER_OPERATION && (rounds === 0 || Date.now() - started < BUDGET_MS)) {
      for (const op of rng.chance(0.5) ? ops : [...ops].reverse()) await fuzzer.request(op);
      rounds++;
      await fuzzer.refreshWorld();
    }
    const health = await fetch(`${t.url}${API}/health`);
    expect(health.status).toBe(200);

    const covered = ops.filter((op) => (fuzzer.perOp.get(op.key)?.sent ?? 0) > 0).length;
    const reached = ops.filter((op) => (fuzzer.perOp.get(op.key)?.ok ?? 0) > 0).length;
    const histogram = [...fuzzer.histogram.entries()]
      .sort(([x], [y]) => x - y)
      .map(([s, n]) => `${s}:${n}`)
      .join(' ');
    console.log(
      `[fuzz ${dialect}] seed=${SEED} operations=${covered}/${ops.length} (2xx on ${reached}) requests=${fuzzer.sent} (${[...fuzzer.phases].map(([k, n]) => `${k} ${n}`).join(', ')}) rounds=${rounds} statuses {${histogram}} failure-kinds=${fuzzer.failures.length} non-JSON-4xx=${fuzzer.notes.length} support=${fuzzer.support} ${((Date.now() - started) / 1000).toFixed(1)}s`,
    );
    if (fuzzer.notes.length)
      console.log(`[fuzz ${dialect}] 4xx without a JSON body:\n  ${[...new Set(fuzzer.notes)].slice(0, 20).join('\n  ')}`);
    const unreached = ops.filter((op) => !(fuzzer.perOp.get(op.key)?.ok ?? 0)).map((op) => op.key);
    if (unreached.length) console.log(`[fuzz ${dialect}] operations that never answered 2xx: ${unreached.join(', ')}`);

    expect(covered).toBe(ops.length);
    expect(fuzzer.failures.join('\n\n')).toBe('');
  });
});
