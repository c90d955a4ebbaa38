import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestServer, startTestServer } from './harness.js';

// Serving the web app does not touch the database, so one engine is enough here.
describe('the web app at /', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer('sqlite');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers client-side routes with index.html that browsers must ask for again', async () => {
    const res = await fetch(`${t.url}/m/leads?view=x`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(await res.text()).toMatch(/<html/i);
  });

  it('answers a missing asset with 404, never with index.html posing as JavaScript', async () => {
    const res = await fetch(`${t.url}/assets/Gone-deadbeef.js`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).not.toMatch(/html/);
  });

  it('answers an unknown API path with the JSON error body', async () => {
    const res = await fetch(`${t.url}/api/v1/no-such-thing`);
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('NOT_FOUND');
  });
});
