import type { HttpClient, HttpRequest } from './http-load.js';
import { nowMs } from './stats.js';

/** A request whose latency is measured; a non-200 answer fails the benchmark. */
export const timedRequest = (client: HttpClient, req: HttpRequest) => async () => {
  const t0 = nowMs();
  const res = await client.request(req);
  const ms = nowMs() - t0;
  if (res.status !== 200) throw new Error(`${req.method} ${req.path} → ${res.status}: ${res.body.toString().slice(0, 300)}`);
  return ms;
};
