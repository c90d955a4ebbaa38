import { newId } from '../server/src/ids.js';
import type { BenchContext } from './lib/context.js';
import { BATCH } from './lib/dataset.js';
import { assertClean, runLoad } from './lib/http-load.js';
import { LEAD_COLUMNS, leadRow, makeLeads } from './lib/leads-data.js';
import { openRawSqlite, rawPgInsert, rawSqliteInsert } from './lib/raw.js';
import type { BenchResult } from './lib/report.js';
import { fmtInt, fmtMs, fmtRatio } from './lib/stats.js';

const SEED = 7;
const CLIENTS = 4;
export const TARGET_RATE = 25_000;
export const TARGET_RATIO = 0.15;

/**
 * Bulk create through the API (POST /records/leads with 100 records, 4 clients) into a fresh
 * database, beside the same rows inserted raw with the same batching.
 */
export async function bulkCreate(ctx: BenchContext): Promise<BenchResult> {
  const total = Math.min(ctx.args.rows, 100_000);
  const batches = Math.ceil(total / BATCH);
  const warmBatches = 10;
  ctx.log(`bulk create: ${fmtInt(total)} leads in ${batches} batches of ${BATCH}, ${CLIENTS} clients`);
  const leadsOf = (b: number) => makeLeads(SEED, b * BATCH, BATCH);
  const bodies = Array.from({ length: batches + warmBatches }, (_, b) => JSON.stringify({ data: leadsOf(b) }));

  // Through the API.
  const apiDb = await ctx.scratch('bulk-api');
  let api: Awaited<ReturnType<typeof runLoad>>;
  let cpu = 0;
  try {
    api = await ctx.withServer(apiDb.target, 'bulk-create', async (server) => {
      const client = await server.client(CLIENTS);
      const post = (i: number) => ({ method: 'POST', path: '/api/v1/records/leads', body: bodies[i] });
      assertClean(
        'bulk warm-up',
        await runLoad(client, { concurrency: CLIENTS, requests: warmBatches, ok: [201], make: (i) => post(batches + i) }),
      );
      const c0 = server.cpuMs();
      const r = await runLoad(client, { concurrency: CLIENTS, requests: batches, ok: [201], make: post });
      cpu = server.cpuMs() - c0;
      assertClean('bulk create', r);
      return r;
    });
  } finally {
    await apiDb.drop();
  }

  // Raw engine: the same rows as table columns, same batches, one statement and transaction per batch.
  const rawDb = await ctx.scratch('bulk-raw');
  let rawMs: number;
  try {
    const now = Date.now();
    const rowsOf = (b: number) => leadsOf(b).map((l) => leadRow(l, { id: newId(now), userId: 'bench-user', now }));
    const warm = Array.from({ length: warmBatches }, (_, k) => rowsOf(batches + k));
    const timed = Array.from({ length: batches }, (_, b) => rowsOf(b));
    if (ctx.engine === 'sqlite') {
      const db = openRawSqlite(rawDb.location);
      rawSqliteInsert(db, 'r_leads', LEAD_COLUMNS, warm);
      rawMs = rawSqliteInsert(db, 'r_leads', LEAD_COLUMNS, timed);
      db.close();
    } else {
      await rawPgInsert(rawDb.location, 'r_leads', LEAD_COLUMNS, warm, CLIENTS);
      rawMs = await rawPgInsert(rawDb.location, 'r_leads', LEAD_COLUMNS, timed, CLIENTS);
    }
  } finally {
    await rawDb.drop();
  }

  const apiRate = (total / api.elapsedMs) * 1000;
  const rawRate = (total / rawMs) * 1000;
  const ratio = apiRate / rawRate;
  return {
    name: 'bulk-create',
    title: 'Bulk create: POST /api/v1/records/leads, 100 per call, 4 clients',
    engine: ctx.engine,
    rows: [
      {
        metric: 'API records/s',
        value: fmtInt(apiRate),
        target: `≥ ${fmtInt(TARGET_RATE)}`,
        ratio: `${fmtRatio(ratio)} of raw`,
        pass: apiRate >= TARGET_RATE,
      },
      { metric: 'API share of raw', value: fmtRatio(ratio), target: `≥ ${TARGET_RATIO}`, pass: ratio >= TARGET_RATIO },
      {
        metric: `raw ${ctx.engine === 'sqlite' ? 'better-sqlite3' : 'pg'} records/s`,
        value: fmtInt(rawRate),
        target: ctx.engine === 'sqlite' ? '(1 connection, a transaction per batch)' : `(${CLIENTS} connections)`,
      },
      { metric: 'API batch latency p50 / p99 ms', value: `${fmtMs(api.latency.p50)} / ${fmtMs(api.latency.p99)}` },
      {
        metric: 'server CPU ms per batch of 100',
        value: `${fmtMs(cpu / batches)} (${fmtInt((total / cpu) * 1000)} records per CPU-second)`,
      },
    ],
    notes: [
      `${fmtInt(total)} leads into a fresh database (after ${warmBatches} warm-up batches); the API also writes history, outbox events and the search index, raw writes the leads table only`,
    ],
  };
}
