import path from 'node:path';
import type { BenchContext } from './lib/context.js';
import { pgAdmin } from './lib/engines.js';
import { interleaved, openRawSqlite, rawRunner } from './lib/raw.js';
import { searchQueryOf } from './lib/read-queries.js';
import type { BenchResult, Row } from './lib/report.js';
import type { Target } from './lib/server-process.js';
import { fmtInt, fmtMs, summarize } from './lib/stats.js';
import { timedRequest } from './lib/timed.js';

export const TARGET_P50_MS = 50;
/** A surname prefix that matches a realistic share of leads (Hart, Hartmann, Hartley: ~0.7%). */
export const TERM = 'hart';
/** A broader prefix (Mar…: names, companies and e-mails, ~16% of documents), reported for information. */
export const BROAD_TERM = 'mar';
const REQUESTS = 200;
/** The broad term takes hundreds of ms a query over 1M leads: fewer runs. */
const BROAD_REQUESTS = 30;

async function matchingDocs(target: Target, term: string): Promise<number> {
  if (target.engine === 'sqlite') {
    const db = openRawSqlite(path.join(target.dataDir, 'rapport.db'));
    try {
      return (db.prepare('select count(*) as n from search_fts where search_fts match ?').get(`"${term}"*`) as { n: number }).n;
    } finally {
      db.close();
    }
  }
  return pgAdmin(
    async (c) =>
      Number((await c.query(`select count(*) as n from search_index where tsv @@ to_tsquery('simple', $1)`, [`${term}:*`])).rows[0].n),
    target.databaseUrl,
  );
}

/** GET /api/v1/search?q=… over the read dataset, alternating with the ranked match statement on the engine. */
export async function search(ctx: BenchContext): Promise<BenchResult> {
  const ds = await ctx.dataset();
  const rows: Row[] = [];
  const notes: string[] = [];
  const evidence: string[] = [];
  for (const term of [TERM, BROAD_TERM]) {
    const { main } = await searchQueryOf(ds.target, term);
    const docs = await matchingDocs(ds.target, term);
    const n = term === TERM ? REQUESTS : BROAD_REQUESTS;
    const raw = await rawRunner(ds.target, main.sql, main.parameters);
    let cpu = 0;
    let times: { api: number[]; raw: number[] };
    let plan: string;
    try {
      times = await ctx.withServer(ds.target, `search-${term}`, async (server) => {
        const client = await server.client(1);
        const p = `/api/v1/search?q=${encodeURIComponent(term)}`;
        const first = await client.json<{ data: { name: string }[] }>({ method: 'GET', path: p });
        if (first.data.length === 0) throw new Error(`search for ${term} found nothing`);
        const c0 = server.cpuMs();
        const t = await interleaved(n, 5, timedRequest(client, { method: 'GET', path: p }), raw);
        cpu = (server.cpuMs() - c0) / (n + 5);
        return t;
      });
      plan = await raw.explain();
    } finally {
      await raw.close();
    }
    const a = summarize(times.api);
    const r = summarize(times.raw);
    const primary = term === TERM;
    rows.push(
      {
        metric: `API p50 ms, q=${term}${primary ? '' : ' (broad, info)'}`,
        value: fmtMs(a.p50),
        target: primary ? `≤ ${TARGET_P50_MS}` : '',
        ratio: `${(a.p50 / r.p50).toFixed(1)}× raw`,
        pass: primary ? a.p50 <= TARGET_P50_MS : undefined,
      },
      { metric: `  API p90 / p99 ms, q=${term}`, value: `${fmtMs(a.p90)} / ${fmtMs(a.p99)}` },
      { metric: `  raw ranked SQL p50 ms, q=${term}`, value: fmtMs(r.p50) },
      { metric: `  server CPU ms per request, q=${term}`, value: fmtMs(cpu) },
    );
    notes.push(`q=${term}: ${fmtInt(docs)} of ${fmtInt(ds.rows)} search documents match (${((docs / ds.rows) * 100).toFixed(2)}%)`);
    evidence.push(`q=${term} SQL: ${main.sql}\nparameters: ${JSON.stringify(main.parameters)}\n${plan}`);
  }
  notes.push(
    `${REQUESTS} sequential requests for q=${TERM}, ${BROAD_REQUESTS} for q=${BROAD_TERM}, after 5 warm-up, each followed by the raw statement; raw = the ranked match statement only (the API then reads the 50 names)`,
  );
  return {
    name: 'search',
    title: 'Global search: GET /api/v1/search?q=…',
    engine: ctx.engine,
    rows,
    notes,
    evidence: evidence.join('\n\n'),
  };
}
