import diagnostics from 'node:diagnostics_channel';
import { compileErrors, validate } from '@readme/openapi-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';
import { testDialects } from './pg.js';

// Every route Fastify registers, with its schema, collected by an onRoute hook that Fastify's
// 'fastify.initialization' diagnostics channel lets us add before buildApp registers anything.
interface SeenRoute {
  method: string;
  url: string;
  hidden: boolean;
}
const seen: SeenRoute[] = [];
const onInit = (message: unknown) => {
  const { fastify } = message as { fastify: { addHook(name: 'onRoute', fn: (route: any) => void): void } };
  fastify.addHook('onRoute', (route) => {
    const methods: string[] = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) seen.push({ method: method.toUpperCase(), url: route.url, hidden: !!route.schema?.hide });
  });
};

const API = '/api/v1';
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
/** Fastify's `:param` (and `*`) in OpenAPI's `{param}` form. */
const toOpenApiPath = (url: string) => url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

/** Routes (method + url) read from `app.printRoutes({ commonPrefix: false })`'s tree. */
function parsePrintedRoutes(tree: string): { method: string; url: string }[] {
  const out: { method: string; url: string }[] = [];
  const stack: string[] = [];
  for (const line of tree.split('\n')) {
    const m = /^([\s│├└─]*)(\S.*?)(?: \(([A-Z, ]+)\))?\s*$/.exec(line);
    if (!m) continue;
    const depth = Math.round(m[1].length / 4);
    stack.length = depth;
    stack[depth] = m[2];
    const url = stack.join('');
    for (const method of m[3]?.split(',').map((s) => s.trim()) ?? []) out.push({ method, url });
  }
  return out;
}

const dialects = await testDialects();

describe.each(dialects)('OpenAPI document on %s', (dialect) => {
  let t: TestServer;
  let doc: any;
  beforeAll(async () => {
    seen.length = 0;
    diagnostics.subscribe('fastify.initialization', onInit);
    try {
      t = await startTestServer(dialect);
    } finally {
      diagnostics.unsubscribe('fastify.initialization', onInit);
    }
    const r = await t.client().get(`${API}/openapi.json`);
    expect(r.status).toBe(200);
    doc = r.body;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('is served without signing in and passes the OpenAPI 3 validator with zero errors', async () => {
    expect(doc.openapi).toMatch(/^3\./);
    const result = await validate(structuredClone(doc));
    // compileErrors lists each error with its location in the document.
    expect(result.valid ? '' : compileErrors(result)).toBe('');
    expect(result.valid).toBe(true);
    expect(result.specification).toBe('OpenAPI');
  });

  it('documents every /api/v1 route Fastify registered (except schema.hide)', () => {
    const documented = new Set<string>();
    for (const [p, item] of Object.entries<any>(doc.paths ?? {})) {
      for (const method of Object.keys(item)) if (HTTP_METHODS.includes(method)) documented.add(`${method.toUpperCase()} ${p}`);
    }
    expect(documented.size).toBeGreaterThan(0);

    // The hook saw every route with its schema; printRoutes is a second, independent listing.
    const printed = parsePrintedRoutes(t.server.app.printRoutes({ commonPrefix: false }));
    const hooked = seen.filter((r) => r.url.startsWith(`${API}/`) || r.url === API);
    expect(hooked.length).toBeGreaterThan(0);
    const hiddenKeys = new Set(hooked.filter((r) => r.hidden).map((r) => `${r.method} ${r.url}`));
    const all = new Map<string, { method: string; url: string }>();
    for (const r of [...hooked, ...printed.filter((r) => r.url.startsWith(`${API}/`) || r.url === API)]) {
      all.set(`${r.method} ${r.url}`, { method: r.method, url: r.url });
    }
    // printRoutes must not show an /api/v1 route the hook missed (else the hook saw too little).
    const hookKeys = new Set(hooked.map((r) => `${r.method} ${r.url}`));
    expect([...all.keys()].filter((k) => !hookKeys.has(k))).toEqual([]);

    const undocumented: string[] = [];
    for (const [key, r] of all) {
      if (hiddenKeys.has(key)) continue;
      // Fastify adds a HEAD route to each GET; @fastify/swagger leaves those out by design.
      if (r.method === 'HEAD' && all.has(`GET ${r.url}`)) continue;
      if (!documented.has(`${r.method} ${toOpenApiPath(r.url)}`)) undocumented.push(key);
    }
    expect(undocumented).toEqual([]);

    // And the other way: nothing documented that the server does not route.
    const routed = new Set([...all.values()].map((r) => `${r.method} ${toOpenApiPath(r.url)}`));
    expect([...documented].filter((k) => !routed.has(k))).toEqual([]);
  });

  it('declares every templated path parameter and documents an answer for each operation', () => {
    const problems: string[] = [];
    for (const [p, item] of Object.entries<any>(doc.paths ?? {})) {
      const names = [...p.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      for (const method of Object.keys(item).filter((m) => HTTP_METHODS.includes(m))) {
        const op = item[method];
        const declared = new Set(
          [...(item.parameters ?? []), ...(op.parameters ?? [])].filter((x: any) => x.in === 'path').map((x: any) => x.name),
        );
        for (const n of names) if (!declared.has(n)) problems.push(`${method.toUpperCase()} ${p}: path parameter {${n}} not declared`);
        if (!op.responses || Object.keys(op.responses).length === 0) problems.push(`${method.toUpperCase()} ${p}: no responses`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('serves Swagger UI at /api/docs as HTML', async () => {
    const res = await fetch(`${t.url}/api/docs`, { redirect: 'manual' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type') ?? '').toMatch(/^text\/html/);
    expect(await res.text()).toMatch(/swagger/i);
  });
});
