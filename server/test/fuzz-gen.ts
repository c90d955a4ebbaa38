import fc from 'fast-check';

/**
 * Input generation for the API fuzzer (fuzz.test.ts): values that fit an OpenAPI schema (via
 * fast-check), deliberately broken variants of them, raw bodies that are not JSON at all, and
 * hostile strings. Everything is driven by one seeded PRNG so a run is reproducible by its seed.
 */

/** mulberry32: small, fast, seedable. */
export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  next(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)];
  }
  seed32(): number {
    return this.int(0x7fffffff);
  }
}

/** Strings that have broken servers before: traversal, NUL, injection, odd unicode, search syntax. */
export const HOSTILE_STRINGS: readonly string[] = [
  '../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '%00',
  '\u0000',
  'a\u0000b',
  'a'.repeat(500),
  "' or 1=1 --",
  '"; drop table users; --',
  "'; select pg_sleep(5); --",
  'Ünïcødé ✓ 漢字 العربية 🚀👩‍👩‍👧',
  '\uD800',
  '\uDFFF\uD800',
  '\u202Egnp.exe',
  '\uFEFF',
  '<script>alert(1)</script>',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, on purpose
  '${7*7}{{7*7}}',
  '__proto__',
  'constructor',
  'prototype',
  'null',
  'undefined',
  'NaN',
  'Infinity',
  '-1',
  '0',
  '1e999',
  '9'.repeat(40),
  ' ',
  '',
  '\t\r\n',
  '%',
  '%%',
  '_',
  '\\',
  '\\\\',
  '*',
  '"',
  'a"b',
  "a'b",
  'NEAR(a b)',
  'a OR b',
  'a AND NOT b',
  '((',
  ')',
  ':*',
  '&|!',
  '!',
  '-',
  '^',
  '"unterminated',
  'SELECT * FROM users',
  'x'.repeat(5000),
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢'.repeat(50),
  'ﷺ'.repeat(100),
  '2024-02-30',
  '0000-00-00',
  '9999-12-31T23:59:59.999Z',
  '+275760-09-13T00:00:00.000Z',
  '-271821-04-20',
  'ME',
  'me',
];

/** Hostile strings that survive an HTTP header (fetch rejects non-Latin-1 and control characters). */
export const HEADER_SAFE_HOSTILE = HOSTILE_STRINGS.filter((s) => /^[\x20-\x7e]*$/.test(s) && s.length < 6000);

/** Raw path segments, sent as they are (node:http does not normalise dot segments). */
export const RAW_PATH_SEGMENTS: readonly string[] = [
  '../../etc/passwd',
  '..%2F..%2Fetc%2Fpasswd',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  'a/b',
  '%00',
  '%ZZ',
  '%',
  '%2e%2e',
  '%2F',
  '..',
  '.',
  '',
  '%E0%A4%A',
  '%C0%AF',
  '%uFFFF',
  ';',
  '*',
  '~',
  '%20',
  '+',
];

export const WRONG_TYPE_VALUES: readonly unknown[] = [
  0,
  -1,
  1.5,
  2 ** 53 + 2,
  -(2 ** 63),
  true,
  false,
  'str',
  '',
  null,
  [],
  {},
  [1, 'two', null],
  { a: { b: [] } },
  [[[[]]]],
];

/** encodeURIComponent that does not throw on lone surrogates (they become U+FFFD, as on the wire). */
export function encode(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return [...Buffer.from(s, 'utf8')]
      .map((b) =>
        /[A-Za-z0-9\-_.!~*'()]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`,
      )
      .join('');
  }
}

export type Body =
  | { kind: 'json'; value: unknown; contentType?: string; label: string }
  | { kind: 'raw'; data: string | Uint8Array; contentType?: string; label: string };

const MAX_SAMPLE_STRING = 80;

/** A fast-check arbitrary for values that satisfy an (OpenAPI 3.0, dereferenced) schema. */
export function arbitraryFor(schema: any, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || typeof schema !== 'object' || depth > 6) return fc.jsonValue({ maxDepth: 2 });
  let arb = baseArbitrary(schema, depth);
  if (schema.nullable) arb = fc.oneof({ weight: 4, arbitrary: arb }, { weight: 1, arbitrary: fc.constant(null) });
  return arb;
}

function baseArbitrary(schema: any, depth: number): fc.Arbitrary<unknown> {
  if (Array.isArray(schema.enum) && schema.enum.length) return fc.constantFrom(...schema.enum);
  if ('const' in schema) return fc.constant(schema.const);
  const union = schema.anyOf ?? schema.oneOf;
  if (Array.isArray(union) && union.length) return fc.oneof(...union.map((s: any) => arbitraryFor(s, depth + 1)));
  if (Array.isArray(schema.allOf) && schema.allOf.length) return arbitraryFor(Object.assign({}, ...schema.allOf), depth + 1);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string':
      return stringArbitrary(schema);
    case 'integer': {
      const min = schema.minimum ?? -1_000_000;
      const max = schema.maximum ?? 1_000_000;
      return fc.integer({ min: Math.max(min, -(2 ** 31)), max: Math.min(max, 2 ** 31 - 1) });
    }
    case 'number':
      return fc.double({ noNaN: true, noDefaultInfinity: true, min: schema.minimum ?? -1e12, max: schema.maximum ?? 1e12 });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const maxLength = Math.min(schema.maxItems ?? 4, 4);
      return fc.array(arbitraryFor(schema.items ?? {}, depth + 1), { minLength: Math.min(schema.minItems ?? 0, maxLength), maxLength });
    }
    case 'object':
    case undefined: {
      if (type === undefined && !schema.properties && !schema.additionalProperties) return fc.jsonValue({ maxDepth: 3 });
      const props: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, s] of Object.entries<any>(schema.properties ?? {})) props[k] = arbitraryFor(s, depth + 1);
      const required = (schema.required ?? []).filter((k: string) => k in props);
      let arb: fc.Arbitrary<Record<string, unknown>> = fc.record(props, { requiredKeys: required });
      const extra = schema.additionalProperties;
      if (extra && depth < 4) {
        const valueArb = extra === true ? fc.jsonValue({ maxDepth: 2 }) : arbitraryFor(extra, depth + 1);
        arb = fc
          .tuple(arb, fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), valueArb, { maxKeys: 3 }))
          .map(([known, more]) => ({ ...more, ...known }));
      }
      return arb.map((o) => ({ ...o }));
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function stringArbitrary(schema: any): fc.Arbitrary<string> {
  const maxLength = Math.min(schema.maxLength ?? MAX_SAMPLE_STRING, MAX_SAMPLE_STRING);
  const minLength = Math.min(schema.minLength ?? 0, maxLength);
  if (schema.format === 'date-time') return fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
  if (schema.format === 'date') return fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  if (schema.format === 'email') return fc.emailAddress();
  if (schema.pattern) {
    return fc
      .stringMatching(new RegExp(schema.pattern))
      .map((s) => s.slice(0, maxLength))
      .filter((s) => s.length >= minLength && new RegExp(schema.pattern).test(s));
  }
  return fc.oneof(
    { weight: 3, arbitrary: fc.string({ minLength, maxLength }) },
    { weight: 2, arbitrary: fc.string({ minLength, maxLength, unit: 'grapheme' }) },
    { weight: 1, arbitrary: fc.string({ minLength, maxLength, unit: 'binary' }) },
  );
}

/** One value for a schema, reproducible from the PRNG. */
export function sampleValid(schema: any, rng: Rng): unknown {
  return fc.sample(arbitraryFor(schema), { numRuns: 1, seed: rng.seed32() })[0];
}

/** Any JSON value, from fast-check, for places that accept anything. */
export function sampleJson(rng: Rng, maxDepth = 3): unknown {
  return fc.sample(fc.jsonValue({ maxDepth }), { numRuns: 1, seed: rng.seed32() })[0];
}

// ---------------------------------------------------------------- breaking a valid value

type Slot = { parent: any; key: string | number };

/** Every (container, key) inside a JSON value, the root excluded. */
function slots(value: unknown, out: Slot[] = [], depth = 0): Slot[] {
  if (depth > 8 || value === null || typeof value !== 'object') return out;
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      out.push({ parent: value, key: i });
      slots(v, out, depth + 1);
    });
  } else {
    for (const k of Object.keys(value)) {
      out.push({ parent: value, key: k });
      slots((value as any)[k], out, depth + 1);
    }
  }
  return out;
}

function objectsIn(value: unknown): Record<string, unknown>[] {
  const objs: Record<string, unknown>[] = [];
  const visit = (v: unknown, d: number) => {
    if (d > 8 || v === null || typeof v !== 'object') return;
    if (!Array.isArray(v)) objs.push(v as Record<string, unknown>);
    for (const c of Object.values(v as object)) visit(c, d + 1);
  };
  visit(value, 0);
  return objs;
}

function nullEverywhere(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return null;
  if (Array.isArray(value)) return value.map(nullEverywhere);
  return Object.fromEntries(Object.keys(value).map((k) => [k, nullEverywhere((value as any)[k])]));
}

const RAW_NUMBERS = [
  '1e999',
  '-1e999',
  '1e-999',
  '123456789012345678901234567890',
  '-0',
  '0.1e400',
  '9007199254740993',
  '1E308',
  '-0.0000000000000000000001',
];

/** Puts raw JSON text (numbers JSON.stringify cannot write, deep nesting) at some slots. */
function withRawText(value: unknown, rng: Rng, make: () => string, label: string, contentType?: string): Body {
  const clone = structuredClone(value);
  const s = slots(clone);
  const marker = `__RAW_${rng.seed32()}__`;
  const raws: string[] = [];
  const count = 1 + rng.int(3);
  let root = clone;
  if (s.length === 0) {
    raws.push(make());
    root = `${marker}0`;
  } else {
    for (let i = 0; i < count; i++) {
      const slot = rng.pick(s);
      slot.parent[slot.key] = `${marker}${raws.length}`;
      raws.push(make());
    }
  }
  let text = JSON.stringify(root);
  raws.forEach((raw, i) => {
    text = text.split(JSON.stringify(`${marker}${i}`)).join(raw);
  });
  return { kind: 'raw', data: text, contentType: contentType ?? 'application/json', label };
}

function deepNesting(depth: number, rng: Rng): string {
  const kind = rng.int(3);
  if (kind === 0) return `${'['.repeat(depth)}${']'.repeat(depth)}`;
  if (kind === 1) return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
  return `${'{"and":['.repeat(depth)}{"field":"id","op":"eq","value":"x"}${']}'.repeat(depth)}`;
}

/** A deliberately broken variant of a valid value: every strategy the acceptance criteria name. */
export function breakValue(valid: unknown, rng: Rng, contentType = 'application/json'): Body {
  const v = structuredClone(valid);
  const s = slots(v);
  const strategy = rng.int(12);
  switch (strategy) {
    case 0: {
      // wrong type somewhere (or at the root)
      if (s.length === 0 || rng.chance(0.2))
        return { kind: 'json', value: rng.pick(WRONG_TYPE_VALUES), contentType, label: 'wrong-type-root' };
      const slot = rng.pick(s);
      let replacement = rng.pick(WRONG_TYPE_VALUES);
      if (typeof replacement === typeof slot.parent[slot.key]) replacement = rng.pick(HOSTILE_STRINGS);
      slot.parent[slot.key] = replacement;
      return { kind: 'json', value: v, contentType, label: 'wrong-type' };
    }
    case 1: {
      // missing properties (required ones among them)
      const objs = objectsIn(v).filter((o) => Object.keys(o).length > 0);
      if (objs.length === 0) return { kind: 'json', value: {}, contentType, label: 'missing-all' };
      const o = rng.pick(objs);
      const keys = Object.keys(o);
      for (let i = 0, n = 1 + rng.int(keys.length); i < n; i++) delete o[rng.pick(keys)];
      return { kind: 'json', value: v, contentType, label: 'missing-props' };
    }
    case 2: {
      // extra properties, some of them prototype-polluting
      const objs = objectsIn(v);
      const o = objs.length ? rng.pick(objs) : undefined;
      const extraKey = rng.pick([
        'extra',
        '__proto__',
        'constructor',
        'prototype',
        'id',
        'version',
        'a'.repeat(300),
        '',
        '\u0000',
        '$where',
        'toString',
      ]);
      const extraValue = rng.pick<unknown>([1, 'x', null, { isAdmin: true }, [], { polluted: true }]);
      if (!o) return { kind: 'json', value: { value: v, [extraKey]: extraValue }, contentType, label: 'extra-props-root' };
      Object.defineProperty(o, extraKey, { value: extraValue, enumerable: true, writable: true, configurable: true });
      return { kind: 'json', value: v, contentType, label: 'extra-props' };
    }
    case 3: {
      // huge strings
      const size = rng.pick([1_000, 20_000, 70_000, 300_000, 2_000_000]);
      const huge = rng.chance(0.5) ? 'x'.repeat(size) : '漢🚀'.repeat(Math.ceil(size / 3));
      const strSlots = s.filter((x) => typeof x.parent[x.key] === 'string');
      const slot = strSlots.length ? rng.pick(strSlots) : s.length ? rng.pick(s) : undefined;
      if (!slot) return { kind: 'json', value: huge, contentType, label: 'huge-string-root' };
      slot.parent[slot.key] = huge;
      return { kind: 'json', value: v, contentType, label: `huge-string-${size}` };
    }
    case 4: {
      // deeply nested objects / arrays
      const depth = rng.pick([12, 64, 1000, 10_000, 100_000]);
      return withRawText(v, rng, () => deepNesting(depth, rng), `deep-nesting-${depth}`, contentType);
    }
    case 5:
      // numbers that overflow to Infinity or lose precision
      return withRawText(v, rng, () => rng.pick(RAW_NUMBERS), 'raw-numbers', contentType);
    case 6:
      return { kind: 'json', value: nullEverywhere(v), contentType, label: 'null-everywhere' };
    case 7: {
      // arrays where objects are expected (and the other way round)
      const objSlots = s.filter((x) => x.parent[x.key] !== null && typeof x.parent[x.key] === 'object');
      if (objSlots.length === 0 || rng.chance(0.25))
        return { kind: 'json', value: rng.chance(0.5) ? [v] : [], contentType, label: 'array-for-object-root' };
      const slot = rng.pick(objSlots);
      const cur = slot.parent[slot.key];
      slot.parent[slot.key] = Array.isArray(cur) ? Object.fromEntries(cur.map((x: unknown, i: number) => [String(i), x])) : [cur];
      return { kind: 'json', value: v, contentType, label: 'array-object-swap' };
    }
    case 8: {
      // hostile strings in every string slot
      for (const slot of s) if (typeof slot.parent[slot.key] === 'string') slot.parent[slot.key] = rng.pick(HOSTILE_STRINGS);
      if (s.length && rng.chance(0.5)) {
        const slot = rng.pick(s);
        slot.parent[slot.key] = rng.pick(HOSTILE_STRINGS);
      }
      return { kind: 'json', value: s.length ? v : rng.pick(HOSTILE_STRINGS), contentType, label: 'hostile-strings' };
    }
    case 9: {
      // many items: arrays far past any documented maximum
      const n = rng.pick([101, 1000, 20_000]);
      const arrSlots = s.filter((x) => Array.isArray(x.parent[x.key]));
      const item = arrSlots.length && arrSlots[0].parent[arrSlots[0].key].length ? arrSlots[0].parent[arrSlots[0].key][0] : { a: 1 };
      if (!arrSlots.length)
        return { kind: 'json', value: Array.from({ length: n }, () => item), contentType, label: `many-items-root-${n}` };
      const slot = rng.pick(arrSlots);
      slot.parent[slot.key] = Array.from({ length: n }, () => structuredClone(item));
      return { kind: 'json', value: v, contentType, label: `many-items-${n}` };
    }
    case 10: {
      // duplicate keys (the last one wins in JSON.parse) with a conflicting type
      const text = JSON.stringify(v ?? null);
      if (!text.startsWith('{') || text === '{}')
        return { kind: 'raw', data: '{"a":1,"a":[1],"a":{"b":null}}', contentType, label: 'duplicate-keys' };
      const first = Object.keys(v as object)[0];
      return {
        kind: 'raw',
        data: `{${JSON.stringify(first)}:${JSON.stringify(rng.pick(WRONG_TYPE_VALUES))},${text.slice(1)}`,
        contentType,
        label: 'duplicate-keys',
      };
    }
    default: {
      // a random JSON value in place of a random part
      if (s.length === 0) return { kind: 'json', value: sampleJson(rng), contentType, label: 'random-json-root' };
      const slot = rng.pick(s);
      slot.parent[slot.key] = sampleJson(rng);
      return { kind: 'json', value: v, contentType, label: 'random-json' };
    }
  }
}

/** Bodies that are not JSON, or JSON that is not what any route wants. */
export function rawBody(rng: Rng): Body {
  const choices: [string | Uint8Array, string | undefined, string][] = [
    ['not json at all', 'application/json', 'garbage'],
    ['{', 'application/json', 'truncated'],
    ['{"a":', 'application/json', 'truncated'],
    ['{"a":1,}', 'application/json', 'trailing-comma'],
    ["{'a':1}", 'application/json', 'single-quotes'],
    ['{a:1}', 'application/json', 'unquoted-keys'],
    ['NaN', 'application/json', 'NaN'],
    ['Infinity', 'application/json', 'Infinity'],
    ['null', 'application/json', 'null'],
    ['true', 'application/json', 'true'],
    ['0', 'application/json', 'zero'],
    ['"a string"', 'application/json', 'string'],
    ['[]', 'application/json', 'empty-array'],
    ['[{}]', 'application/json', 'array-of-object'],
    ['', 'application/json', 'empty-json'],
    ['   \n\t ', 'application/json', 'whitespace'],
    ['\u0000', 'application/json', 'nul'],
    ['\uFEFF{}', 'application/json', 'bom'],
    [new Uint8Array([0xff, 0xfe, 0x7b, 0x7d, 0xc0, 0xaf]), 'application/json', 'invalid-utf8'],
    [new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x7d]), 'application/json', 'utf8-surrogate'],
    ['{"a":"\\ud800"}', 'application/json', 'escaped-lone-surrogate'],
    ['{"a":"\\u0000"}', 'application/json', 'escaped-nul'],
    ['{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"x":1}}}', 'application/json', 'proto-pollution'],
    ['a=1&b=2', 'application/x-www-form-urlencoded', 'form'],
    ['hello', 'text/plain', 'text-plain'],
    ['<a>xml</a>', 'application/xml', 'xml'],
    ['--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--', 'multipart/form-data; boundary=x', 'multipart'],
    ['{}', 'application/json; charset=utf-16', 'charset-utf16'],
    ['{}', 'application/json; charset=klingon', 'charset-unknown'],
    ['{}', 'application/vnd.api+json', 'vnd-json'],
    ['{}', 'text/json', 'text-json'],
    ['{}', 'application/json, text/plain', 'two-content-types'],
    ['{}', 'application/jsonx', 'jsonx'],
    ['{}', '', 'empty-content-type'],
    ['{}', undefined, 'no-content-type'],
    [`${'{"a":'.repeat(200_000)}1${'}'.repeat(200_000)}`, 'application/json', 'very-deep-json'],
    [`[${'1,'.repeat(300_000)}1]`, 'application/json', 'long-array'],
  ];
  const [data, contentType, label] = rng.pick(choices);
  return { kind: 'raw', data, contentType, label: `raw-${label}` };
}

/** A value for a query parameter that is wrong for its schema. */
export function brokenQueryValue(rng: Rng): string {
  return rng.pick([
    'abc',
    '1.5',
    '-1',
    '0',
    '1e999',
    '99999999999999999999',
    '',
    'true',
    'null',
    '[]',
    '{}',
    ' 1',
    '0x10',
    '٣',
    ...HOSTILE_STRINGS.filter((x) => x.length < 3000),
    'q'.repeat(12_000),
  ]);
}
