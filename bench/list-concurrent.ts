import path from 'node:path';
import type { BenchContext } from './lib/context.js';
import { pgPool } from './lib/engines.js';
import { assertClean, runLoad } from './lib/http-load.js';
import { openRawSqlite } from './lib/raw.js';
import { listPath, listQueryOf } from './lib/read-queries.js';
import type { BenchResult } from './lib/report.js';
import { fmtInt, fmtMs, nowMs } from './lib/stats.js';

export const TARGET_RATE = 1_000;
export const TARGET_P99_MS = 50;
const CONNECTIONS = 10;

/** The default list page (50 newest leads) under 10 concurrent connections. */
export async function listConcurrent(ctx: BenchContext): Promise<BenchResult> {
  const ds = await ctx.dataset();
  const ms = ctx.args.seconds * 1000;
  let cpu = 0;
  const r = await ctx.withServer(ds.target, 'list-concurrent', async (server) => {
    const client = await server.client(CONNECTIONS);
    const make = () => ({ method: 'GET', path: listPath() });
    assertClean('list warm-up', await runLoad(client, { concurrency: CONNECTIONS, durationMs: 2000, make }));
    const c0 = server.cpuMs();
    const res = await runLoad(client, { concurrency: CONNECTIONS, durationMs: ms, make });
    cpu = (server.cpuMs() - c0) / res.requests;
    assertClean('list concurrent', res);
    return res;
  });

  // The same statement on the raw engine, for scale: one connection on SQLite, ten on PostgreSQL.
  const { main } = await listQueryOf(ds.target);
  let rawRate: number;
  const rawMs = Math.min(ms, 3000);
  if (ds.target.engine === 'sqlite') {
    const db = openRawSqlite(path.join(ds.target.dataDir, 'rapport.db'));
    const stmt = db.prepare(main.sql);
    let n = 0;
    const t0 = nowMs();
    while (nowMs() - t0 < rawMs) {
      stmt.all(...main.parameters);
      n++;
    }
    rawRate = (n / (nowMs() - t0)) * 1000;
    db.close();
  } else {
    const pool = pgPool(ds.target.databaseUrl, CONNECTIONS);
    let n = 0;
    const t0 = nowMs();
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (nowMs() - t0 < rawMs) {
          await pool.query(main.sql, main.parameters as unknown[]);
          n++;
        }
      }),
    );
    rawRate = (n / (nowMs() - t0)) * 1000;
    await pool.end();
  }
  return {
    name: 'list-concurrent',
    title: `List page of 50 under ${CONNECTIONS} concurrent connections`,
    engine: ctx.engine,
    rows: [
      {
        metric: 'API req/s',
        value: fmtInt(r.perSecond),
        target: `≥ ${fmtInt(TARGET_RATE)}`,
        ratio: `${(r.perSecond / rawRate).toFixed(3)} of raw`,
        pass: r.perSecond >= TARGET_RATE,
      },
      { metric: 'API p99 ms', value: fmtMs(r.latency.p99), target: `≤ ${TARGET_P99_MS}`, pass: r.latency.p99 <= TARGET_P99_MS },
      { metric: '  API p50 / p90 ms', value: `${fmtMs(r.latency.p50)} / ${fmtMs(r.latency.p90)}` },
      { metric: '  server CPU ms per request', value: `${fmtMs(cpu)} (${fmtInt(1000 / cpu)} per CPU-second)` },
      {
        metric: `  raw statement/s (${ds.target.engine === 'sqlite' ? '1 connection' : `${CONNECTIONS} connections`})`,
        value: fmtInt(rawRate),
      },
    ],
    notes: [`GET ${listPath()} (default sort -createdAt) over ${fmtInt(ds.rows)} leads, ${ctx.args.seconds} s after 2 s warm-up`],
  };
}
