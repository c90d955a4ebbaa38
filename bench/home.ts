import { homeFeed } from '../server/src/home/index.js';
import { captureQueries } from './lib/capture.js';
import type { BenchContext } from './lib/context.js';
import { interleaved, rawRunner } from './lib/raw.js';
import type { BenchResult } from './lib/report.js';
import { fmtInt, fmtMs, summarize } from './lib/stats.js';
import { timedRequest } from './lib/timed.js';

export const TARGET_P50_MS = 50;
const REQUESTS = 200;
const PER_PAGE = 20;

/**
 * The home page over the read dataset: the activity feed's first page (the newest history of
 * every record that still exists), alternating with the same statement (captured from the feed
 * service) run directly on the engine; the dashboard summary and a lead's timeline for information.
 */
export async function homeBench(ctx: BenchContext): Promise<BenchResult> {
  const ds = await ctx.dataset();
  let plan = '';
  let sql = '';
  let params: readonly unknown[] = [];
  let cpu = 0;
  const r = await ctx.withServer(ds.target, 'home', async (server) => {
    const client = await server.client(1);
    const feedPath = `/api/v1/home/feed?perPage=${PER_PAGE}`;
    const first = await client.json<{ data: { type: string; record: { module: string; id: string } }[] }>({ method: 'GET', path: feedPath });
    if (first.data.length !== Math.min(PER_PAGE, ds.rows)) throw new Error(`the feed answered ${first.data.length} items`);
    // The server has migrated the dataset by now: capture the statement the feed runs.
    const captured = await captureQueries(ds.target, (c) => homeFeed(c, { perPage: PER_PAGE }));
    const main = captured.find((q) => /record_history/.test(q.sql));
    if (!main) throw new Error(`no feed statement among:\n${captured.map((q) => q.sql).join('\n')}`);
    ({ sql, parameters: params } = main);
    const raw = await rawRunner(ds.target, main.sql, main.parameters);
    try {
      const c0 = server.cpuMs();
      const feed = await interleaved(REQUESTS, 20, timedRequest(client, { method: 'GET', path: feedPath }), raw);
      cpu = (server.cpuMs() - c0) / (REQUESTS + 20);
      const summary: number[] = [];
      const timeline: number[] = [];
      const lead = first.data.find((i) => i.record.module === 'leads')?.record.id;
      for (let i = 0; i < 50; i++) {
        summary.push(await timedRequest(client, { method: 'GET', path: '/api/v1/home' })());
        if (lead) timeline.push(await timedRequest(client, { method: 'GET', path: `/api/v1/records/leads/${lead}/timeline` })());
      }
      plan = await raw.explain();
      return { feed, summary, timeline };
    } finally {
      await raw.close();
    }
  });
  const apiS = summarize(r.feed.api);
  const rawS = summarize(r.feed.raw);
  return {
    name: 'home',
    title: `Home: activity feed page of ${PER_PAGE}, dashboard summary, a lead's timeline`,
    engine: ctx.engine,
    rows: [
      {
        metric: 'feed API p50 ms',
        value: fmtMs(apiS.p50),
        target: `≤ ${TARGET_P50_MS}`,
        ratio: `${(apiS.p50 / rawS.p50).toFixed(1)}× raw`,
        pass: apiS.p50 <= TARGET_P50_MS,
      },
      { metric: 'feed API p90 / p99 ms', value: `${fmtMs(apiS.p90)} / ${fmtMs(apiS.p99)}` },
      { metric: 'feed raw SQL p50 / p99 ms', value: `${fmtMs(rawS.p50)} / ${fmtMs(rawS.p99)}` },
      { metric: 'feed server CPU ms per request', value: fmtMs(cpu) },
      { metric: 'GET /home p50 ms', value: fmtMs(summarize(r.summary).p50) },
      { metric: 'lead timeline p50 ms', value: r.timeline.length ? fmtMs(summarize(r.timeline).p50) : '–' },
    ],
    notes: [
      `${fmtInt(ds.rows)} leads (one "created" history row each); ${REQUESTS} sequential feed requests after 20 warm-up, each followed by the raw statement; 50 of each of the others`,
    ],
    evidence: `SQL: ${sql}\nparameters: ${JSON.stringify(params)}\n\n${ds.target.engine === 'sqlite' ? 'EXPLAIN QUERY PLAN' : 'EXPLAIN (ANALYZE, BUFFERS)'}:\n${plan}`,
  };
}
