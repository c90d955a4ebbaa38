import http from 'node:http';
import { nowMs, type Summary, summarize } from './stats.js';

export interface HttpRequest {
  method: string;
  path: string;
  body?: string;
}

export interface HttpResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/**
 * A keep-alive HTTP client over node:http (no fetch overhead in the measurements): one socket
 * per in-flight request, reused across requests.
 */
export class HttpClient {
  readonly agent: http.Agent;
  readonly host: string;
  readonly port: number;
  constructor(
    baseUrl: string,
    readonly headers: Record<string, string> = {},
    maxSockets = 64,
  ) {
    const u = new URL(baseUrl);
    this.host = u.hostname;
    this.port = Number(u.port);
    this.agent = new http.Agent({ keepAlive: true, maxSockets });
  }

  request(req: HttpRequest): Promise<HttpResponse> {
    return new Promise((resolve, reject) => {
      const headers: Record<string, string | number> = { ...this.headers };
      if (req.body !== undefined) {
        headers['content-type'] = 'application/json';
        headers['content-length'] = Buffer.byteLength(req.body);
      }
      const r = http.request(
        { host: this.host, port: this.port, method: req.method, path: req.path, headers, agent: this.agent },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
          res.on('error', reject);
        },
      );
      r.on('error', reject);
      if (req.body !== undefined) r.write(req.body);
      r.end();
    });
  }

  async json<T = unknown>(req: HttpRequest, expect = [200, 201]): Promise<T> {
    const res = await this.request(req);
    if (!expect.includes(res.status)) throw new Error(`${req.method} ${req.path} → ${res.status}: ${res.body.toString().slice(0, 500)}`);
    return JSON.parse(res.body.toString()) as T;
  }

  close() {
    this.agent.destroy();
  }
}

export interface LoadOptions {
  concurrency: number;
  /** Stop after this long (ms)… */
  durationMs?: number;
  /** …or after this many requests in all. */
  requests?: number;
  /** The i-th request overall (0-based). */
  make: (i: number) => HttpRequest;
  /** Statuses that count as success (others are errors and stop the run after 10). */
  ok?: number[];
  /** Called before the i-th request is sent (e.g. to move a clock); keep it cheap. */
  before?: (i: number) => void;
}

export interface LoadResult {
  requests: number;
  errors: number;
  elapsedMs: number;
  perSecond: number;
  latency: Summary;
  firstError?: string;
}

/** Closed-loop load: `concurrency` workers each send a request, wait for the answer, repeat. */
export async function runLoad(client: HttpClient, opts: LoadOptions): Promise<LoadResult> {
  const ok = opts.ok ?? [200, 201];
  const latencies: number[] = [];
  let next = 0;
  let errors = 0;
  let firstError: string | undefined;
  const start = nowMs();
  const deadline = opts.durationMs !== undefined ? start + opts.durationMs : Number.POSITIVE_INFINITY;
  const limit = opts.requests ?? Number.POSITIVE_INFINITY;
  const worker = async () => {
    while (next < limit && nowMs() < deadline && errors < 10) {
      const i = next++;
      opts.before?.(i);
      const req = opts.make(i);
      const t0 = nowMs();
      try {
        const res = await client.request(req);
        latencies.push(nowMs() - t0);
        if (!ok.includes(res.status)) {
          errors++;
          firstError ??= `${req.method} ${req.path} → ${res.status}: ${res.body.toString().slice(0, 300)}`;
        }
      } catch (err) {
        errors++;
        firstError ??= String(err);
      }
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, worker));
  const elapsedMs = nowMs() - start;
  return {
    requests: latencies.length,
    errors,
    elapsedMs,
    perSecond: (latencies.length / elapsedMs) * 1000,
    latency: summarize(latencies),
    firstError,
  };
}

/** Throws when a load had errors (a benchmark of failing requests measures nothing). */
export function assertClean(what: string, r: LoadResult) {
  if (r.errors > 0) throw new Error(`${what}: ${r.errors} failed requests; first: ${r.firstError}`);
}
