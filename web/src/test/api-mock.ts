import { vi } from 'vitest';

export interface MockRequest {
  method: string;
  url: URL;
  body: unknown;
}

export type MockHandler = (req: MockRequest) => { status?: number; body?: unknown } | unknown;

/**
 * Replaces fetch with handlers keyed by "METHOD /path" (path under /api/v1, no query string).
 * A handler returns a body (status 200) or {status, body}. Unknown routes answer 404 and are
 * listed in `unhandled`. Every request is recorded in `requests`.
 */
export function mockApi(routes: Record<string, MockHandler>) {
  const requests: MockRequest[] = [];
  const unhandled: string[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    const method = (init?.method ?? 'GET').toUpperCase();
    const body = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    const req = { method, url, body };
    requests.push(req);
    const key = `${method} ${url.pathname.replace(/^\/api\/v1/, '')}`;
    const handler = routes[key];
    if (!handler) {
      unhandled.push(key);
      return json(404, { error: { code: 'NOT_FOUND', message: `No mock for ${key}`, details: {} } });
    }
    const out = handler(req) as { status?: number; body?: unknown } | undefined;
    if (out && typeof out === 'object' && 'status' in out && typeof out.status === 'number') return json(out.status, out.body);
    return json(200, out);
  });
  vi.stubGlobal('fetch', fetchMock);
  return { requests, unhandled, fetchMock };
}

function json(status: number, body: unknown): Response {
  return new Response(body === undefined || status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}
