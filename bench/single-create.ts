import { newId } from '../server/src/ids.js';
import type { BenchContext } from './lib/context.js';
import { pgPool } from './lib/engines.js';
import { assertClean, runLoad } from './lib/http-load.js';
import { LEAD_COLUMNS, leadRow, makeLead } from './lib/leads-data.js';
import { multiRowInsert, openRawSqlite } from './lib/raw.js';
import type { BenchResult } from './lib/report.js';
import { fmtInt, fmtMs, nowMs } from './lib/stats.js';

export const TARGET_RATE = 2_000;
const SEED = 11;

/** Raw single-row inserts, one transaction each, for `ms`: rows/s (sequential on SQLite, `clients` connections on PostgreSQL). */
async function rawSingleRate(ctx: BenchContext, location: string, clients: number, ms: number): Promise<number> {
  const now = Date.now();
  let i = 0;
  const row = () => leadRow(makeLead(SEED + 1, i++), { id: newId(now), userId: 'bench-user', now });
  if (ctx.engine === 'sqlite') {
    const db = openRawSqlite(location);
    const stmt = db.prepare(multiRowInsert('sqlite', 'r_leads', LEAD_COLUMNS, 1));
    const t0 = nowMs();
    let n = 0;
    while (nowMs() - t0 < ms) {
      stmt.run(row());
      n++;
    }
    const rate = (n / (nowMs() - t0)) * 1000;
    db.close();
    return rate;
  }
  const pool = pgPool(location, clients);
  const text = multiRowInsert('postgres', 'r_leads', LEAD_COLUMNS, 1);
  let n = 0;
  const t0 = nowMs();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (nowMs() - t0 < ms) {
        await pool.query(text, row());
        n++;
      }
    }),
  );
  const rate = (n / (nowMs() - t0)) * 1000;
  await pool.end();
  return rate;
}

/** One record per request: sequentially, then with 10 requests in flight, into a fresh database. */
export async function singleCreate(ctx: BenchContext): Promise<BenchResult> {
  const ms = ctx.args.seconds * 1000;
  const scratch = await ctx.scratch('single-api');
  let seq: Awaited<ReturnType<typeof runLoad>>;
  let par: Awaited<ReturnType<typeof runLoad>>;
  const cpu: number[] = [];
  try {
    [seq, par] = await ctx.withServer(scratch.target, 'single-create', async (server) => {
      const client = await server.client(10);
      let n = 0;
      const make = () => ({ method: 'POST', path: '/api/v1/records/leads', body: JSON.stringify({ data: [makeLead(SEED, n++)] }) });
      assertClean('single warm-up', await runLoad(client, { concurrency: 10, requests: 500, ok: [201], make }));
      let c0 = server.cpuMs();
      const s = await runLoad(client, { concurrency: 1, durationMs: ms, ok: [201], make });
      cpu.push((server.cpuMs() - c0) / s.requests);
      assertClean('single sequential', s);
      c0 = server.cpuMs();
      const p = await runLoad(client, { concurrency: 10, durationMs: ms, ok: [201], make });
      cpu.push((server.cpuMs() - c0) / p.requests);
      assertClean('single 10 in flight', p);
      return [s, p];
    });
  } finally {
    await scratch.drop();
  }
  const rawDb = await ctx.scratch('single-raw');
  let rawSeq: number;
  let rawPar: number;
  try {
    rawSeq = await rawSingleRate(ctx, rawDb.location, 1, Math.min(ms, 3000));
    rawPar = ctx.engine === 'sqlite' ? rawSeq : await rawSingleRate(ctx, rawDb.location, 10, Math.min(ms, 3000));
  } finally {
    await rawDb.drop();
  }
  const row = (label: string, r: typeof seq, raw: number, cpuPer: number) => [
    {
      metric: `API creates/s, ${label}`,
      value: fmtInt(r.perSecond),
      target: `≥ ${fmtInt(TARGET_RATE)}`,
      ratio: `${(r.perSecond / raw).toFixed(3)} of raw`,
      pass: r.perSecond >= TARGET_RATE,
    },
    { metric: `  latency p50 / p99 ms, ${label}`, value: `${fmtMs(r.latency.p50)} / ${fmtMs(r.latency.p99)}` },
    { metric: `  server CPU ms per create, ${label}`, value: `${fmtMs(cpuPer)} (${fmtInt(1000 / cpuPer)} per CPU-second)` },
    { metric: `  raw single-row inserts/s, ${label}`, value: fmtInt(raw) },
  ];
  return {
    name: 'single-create',
    title: 'One record per request: POST /api/v1/records/leads',
    engine: ctx.engine,
    rows: [...row('sequential', seq, rawSeq, cpu[0]), ...row('10 in flight', par, rawPar, cpu[1])],
    notes: [
      `${ctx.args.seconds} s each into a fresh database after 500 warm-up creates; raw = one-row insert in its own transaction${ctx.engine === 'sqlite' ? ' (one connection; SQLite has one writer)' : ''}`,
    ],
  };
}
