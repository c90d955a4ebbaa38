import type { BenchContext } from './lib/context.js';
import { interleaved, rawRunner } from './lib/raw.js';
import { countOf, LIST_FILTER, LIST_SORT, listPath, listQueryOf, PER_PAGE } from './lib/read-queries.js';
import type { BenchResult } from './lib/report.js';
import { fmtInt, fmtMs, summarize } from './lib/stats.js';
import { timedRequest } from './lib/timed.js';

export const TARGET_P50_MS = 50;
const REQUESTS = 300;

/**
 * A filtered, sorted page of 50 over the read dataset: API latency, alternating with the same
 * SQL (captured from the list service) run directly on the engine.
 */
export async function listFilter(ctx: BenchContext): Promise<BenchResult> {
  const ds = await ctx.dataset();
  const { main } = await listQueryOf(ds.target, LIST_FILTER, LIST_SORT);
  const matching = await countOf(ds.target, LIST_FILTER);
  const raw = await rawRunner(ds.target, main.sql, main.parameters);
  let plan: string;
  let cpu = 0;
  let times: { api: number[]; raw: number[] };
  try {
    times = await ctx.withServer(ds.target, 'list-filter', async (server) => {
      const client = await server.client(1);
      const p = listPath(LIST_FILTER, LIST_SORT);
      const first = await client.json<{ data: { leadStatus: string; annualRevenue: number }[] }>({ method: 'GET', path: p });
      if (first.data.length !== Math.min(PER_PAGE, matching)) throw new Error(`list answered ${first.data.length} records`);
      for (const r of first.data) {
        if (r.leadStatus !== 'Working' || !(r.annualRevenue >= 500000))
          throw new Error(`list answered a record outside the filter: ${JSON.stringify(r)}`);
      }
      const c0 = server.cpuMs();
      const t = await interleaved(REQUESTS, 20, timedRequest(client, { method: 'GET', path: p }), raw);
      cpu = (server.cpuMs() - c0) / (REQUESTS + 20);
      return t;
    });
    plan = await raw.explain();
  } finally {
    await raw.close();
  }
  const apiS = summarize(times.api);
  const rawS = summarize(times.raw);
  return {
    name: 'list-filter',
    title: `List: 2-condition filter, sort ${LIST_SORT}, page of ${PER_PAGE}`,
    engine: ctx.engine,
    rows: [
      {
        metric: 'API p50 ms',
        value: fmtMs(apiS.p50),
        target: `≤ ${TARGET_P50_MS}`,
        ratio: `${(apiS.p50 / rawS.p50).toFixed(1)}× raw`,
        pass: apiS.p50 <= TARGET_P50_MS,
      },
      { metric: 'API p90 / p99 ms', value: `${fmtMs(apiS.p90)} / ${fmtMs(apiS.p99)}` },
      { metric: 'raw SQL p50 / p99 ms', value: `${fmtMs(rawS.p50)} / ${fmtMs(rawS.p99)}` },
      { metric: 'server CPU ms per request', value: fmtMs(cpu) },
    ],
    notes: [
      `${fmtInt(ds.rows)} leads, ${fmtInt(matching)} match the filter (${((matching / ds.rows) * 100).toFixed(1)}%); ${REQUESTS} sequential requests after 20 warm-up, each followed by the raw statement`,
      `filter ${JSON.stringify(LIST_FILTER)}`,
    ],
    evidence: `SQL: ${main.sql}\nparameters: ${JSON.stringify(main.parameters)}\n\n${ds.target.engine === 'sqlite' ? 'EXPLAIN QUERY PLAN' : 'EXPLAIN (ANALYZE, BUFFERS)'}:\n${plan}`,
  };
}
