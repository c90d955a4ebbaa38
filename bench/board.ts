import type { BenchContext } from './lib/context.js';
import { pgAdmin, pgClient } from './lib/engines.js';
import { assertClean, runLoad } from './lib/http-load.js';
import { explainPg, explainSqlite, openRawSqlite } from './lib/raw.js';
import type { BenchResult } from './lib/report.js';
import type { Target } from './lib/server-process.js';
import { fmtInt, fmtMs, nowMs, summarize } from './lib/stats.js';
import { timedRequest } from './lib/timed.js';

export const TARGET_P50_MS = 100;
const DEALS = 100_000;
const BATCH = 100;
const CLIENTS = 4;
const REQUESTS = 200;
const WARM = 20;
const PER_COLUMN = 20;
/** The default pipeline's stages, weighted like a real funnel (more deals early, many closed). */
const STAGES: [string, number][] = [
  ['Qualification', 25],
  ['Needs Analysis', 18],
  ['Proposal', 14],
  ['Negotiation', 8],
  ['Won', 15],
  ['Lost', 15],
  ['Unqualified', 5],
];
const LOSS = ['Price', 'Competitor', 'No Budget', 'Timing'];

/** A small deterministic generator: the same deals on both engines and every run. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function dealsBatch(b: number): Record<string, unknown>[] {
  const r = rng(9000 + b);
  const weightTotal = STAGES.reduce((n, [, w]) => n + w, 0);
  return Array.from({ length: BATCH }, (_, k) => {
    const x = r() * weightTotal;
    let acc = 0;
    const stage =
      STAGES.find(([, w]) => {
        acc += w;
        return x < acc;
      })?.[0] ?? 'Qualification';
    const month = 1 + Math.floor(r() * 12);
    return {
      dealName: `Deal ${b * BATCH + k + 1}`,
      stage,
      amount: Math.round(r() * 10_000_000) / 100,
      closingDate: `2026-${String(month).padStart(2, '0')}-15`,
      ...(stage === 'Lost' || stage === 'Unqualified' ? { lossReason: LOSS[Math.floor(r() * LOSS.length)] } : {}),
    };
  });
}

interface BoardAnswer {
  data: { columns: { value: string; count: number; sum: number; weightedSum: number; records: { stage: string }[] }[] };
}

/**
 * The same work as raw SQL on the engine: the per-column count, sum and weighted sum in one
 * GROUP BY, then the first 20 cards of each column in the board's order (newest first).
 */
async function rawBoard(target: Target): Promise<{ run(): Promise<number>; close(): Promise<void>; explain: string }> {
  const group = `select stage as v, count(*) as n, sum(amount) as s, sum("expectedRevenue") as w from r_deals where pipeline = $1 group by stage`;
  const cards = `select * from r_deals where pipeline = $1 and stage = $2 order by "createdAt" desc, id desc limit ${PER_COLUMN + 1}`;
  if (target.engine === 'sqlite') {
    const db = openRawSqlite(`${target.dataDir}/rapport.db`);
    const g = db.prepare(group.replace('$1', '?'));
    const c = db.prepare(cards.replace('$1', '?').replace('$2', '?'));
    const explain = `${explainSqlite(db, group.replace('$1', '?'), ['Sales'])}\n${explainSqlite(db, cards.replace('$1', '?').replace('$2', '?'), ['Sales', 'Won'])}`;
    return {
      explain,
      run: async () => {
        const t0 = nowMs();
        const rows = g.all('Sales') as { v: string }[];
        for (const r of rows) c.all('Sales', r.v);
        return nowMs() - t0;
      },
      close: async () => {
        db.close();
      },
    };
  }
  const client = pgClient(target.databaseUrl);
  await client.connect();
  const explain = `${await explainPg(target.databaseUrl, group, ['Sales'])}\n${await explainPg(target.databaseUrl, cards, ['Sales', 'Won'])}`;
  return {
    explain,
    run: async () => {
      const t0 = nowMs();
      const rows = (await client.query({ text: group, values: ['Sales'], name: 'board_group' })).rows as { v: string }[];
      for (const r of rows) await client.query({ text: cards, values: ['Sales', r.v], name: 'board_cards' });
      return nowMs() - t0;
    },
    close: () => client.end(),
  };
}

/**
 * The board of a pipeline with 100,000 deals (GET /records/deals/board: per-column count, sum and
 * weighted sum plus the first 20 cards of each column), beside the same aggregate as raw SQL.
 * The deals go in through the API's bulk path, as an import would.
 */
export async function boardBench(ctx: BenchContext): Promise<BenchResult> {
  const scratch = await ctx.scratch('board');
  try {
    const seedS = await ctx.withServer(scratch.target, 'board-seed', async (server) => {
      const client = await server.client(CLIENTS);
      const t0 = nowMs();
      const r = await runLoad(client, {
        concurrency: CLIENTS,
        requests: DEALS / BATCH,
        ok: [201],
        make: (i) => ({ method: 'POST', path: '/api/v1/records/deals', body: JSON.stringify({ data: dealsBatch(i) }) }),
      });
      assertClean('board seed', r);
      client.close();
      return (nowMs() - t0) / 1000;
    });
    ctx.log(`board: seeded ${fmtInt(DEALS)} deals through the API in ${seedS.toFixed(0)} s`);
    if (scratch.target.engine === 'postgres') await pgAdmin((c) => c.query('vacuum analyze'), scratch.target.databaseUrl);

    const raw = await rawBoard(scratch.target);
    ctx.log(`board: raw plans\n${raw.explain}`);
    let cpu = 0;
    let times: { api: number[]; raw: number[] };
    try {
      times = await ctx.withServer(scratch.target, 'board', async (server) => {
        const client = await server.client(1);
        const req = { method: 'GET', path: '/api/v1/records/deals/board?pipeline=Sales' };
        const first = await client.json<BoardAnswer>(req);
        const total = first.data.columns.reduce((n, c) => n + c.count, 0);
        if (total !== DEALS) throw new Error(`the board counts ${total} deals, not ${DEALS}`);
        for (const c of first.data.columns) {
          if (c.records.length !== Math.min(PER_COLUMN, c.count)) throw new Error(`column ${c.value} answered ${c.records.length} cards`);
          if (c.records.some((d) => d.stage !== c.value)) throw new Error(`column ${c.value} holds a card of another stage`);
        }
        const api = timedRequest(client, req);
        const a: number[] = [];
        const w: number[] = [];
        for (let i = 0; i < WARM; i++) {
          await api();
          await raw.run();
        }
        const c0 = server.cpuMs();
        for (let i = 0; i < REQUESTS; i++) {
          a.push(await api());
          w.push(await raw.run());
        }
        cpu = (server.cpuMs() - c0) / REQUESTS;
        return { api: a, raw: w };
      });
    } finally {
      await raw.close();
    }
    const apiS = summarize(times.api);
    const rawS = summarize(times.raw);
    return {
      name: 'board',
      title: `Kanban board: pipeline of ${fmtInt(DEALS)} deals, 7 columns (count, sum, weighted sum, first ${PER_COLUMN} cards)`,
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
        { metric: 'server CPU ms per board', value: fmtMs(cpu) },
      ],
      notes: [
        `${fmtInt(DEALS)} deals seeded through POST /records/deals (${BATCH} per call, ${CLIENTS} clients) in ${seedS.toFixed(0)} s; ${REQUESTS} sequential boards after ${WARM} warm-up, each followed by the raw statements (1 GROUP BY + 7 card pages)`,
      ],
      evidence: `raw plans:\n${raw.explain}`,
    };
  } finally {
    await scratch.drop();
  }
}
