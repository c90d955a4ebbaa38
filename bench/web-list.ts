import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium } from 'playwright';
import { CHROMIUM, CHROMIUM_ARGS } from '../e2e/support/environment.js';
import type { BenchContext } from './lib/context.js';
import { REPO_ROOT } from './lib/paths.js';
import { rawRunner } from './lib/raw.js';
import { listQueryOf } from './lib/read-queries.js';
import type { BenchResult } from './lib/report.js';
import { ADMIN } from './lib/server-process.js';
import { fmtInt, fmtMs, fmtRatio, summarize } from './lib/stats.js';

export const TARGET_MS = 1_000;
export const TARGET_INITIAL_JS_KB = 300;
const RUNS = 7;
const ROWS_ON_SCREEN = 50;

/** The JavaScript a first visit loads before any route: the entry script and its modulepreloads (gzip). */
export function initialJsGzipKb(): { kb: number; files: string[] } {
  const dist = path.join(REPO_ROOT, 'web', 'dist');
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1] as string);
  const bytes = files.reduce((sum, f) => sum + zlib.gzipSync(fs.readFileSync(path.join(dist, f)), { level: 9 }).length, 0);
  return { kb: bytes / 1024, files };
}

/**
 * The lead list in Debian's Chromium over the read dataset (1,000,000 leads in a full run): from
 * navigation to /m/leads until 50 rows are in the table, as the page's own clock measures it
 * (performance.now() from the navigation's time origin). The first visit runs with an empty
 * browser cache; the figure is the p50 of the following visits, each a new page (cached static
 * files, as for a returning user). Raw: the list statement on the engine, p50.
 */
export async function webList(ctx: BenchContext): Promise<BenchResult> {
  const ds = await ctx.dataset();
  const js = initialJsGzipKb();
  const { cold, warm, jsLoadedKb } = await ctx.withServer(ds.target, 'web-list', async (server) => {
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    try {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
      const login = await context.request.post(`${server.url}/api/v1/auth/login`, {
        data: { email: ADMIN.email, password: ADMIN.password },
      });
      if (login.status() !== 200) throw new Error(`web-list: sign-in failed (${login.status()})`);
      const visit = async (countJs: boolean) => {
        const page = await context.newPage();
        let jsBytes = 0;
        if (countJs) {
          page.on('response', async (res) => {
            if (res.url().endsWith('.js')) jsBytes += Number((await res.allHeaders())['content-length'] ?? 0) || (await res.body()).length;
          });
        }
        await page.goto(`${server.url}/m/leads`, { waitUntil: 'commit' });
        const ms = await page.waitForFunction(
          (n) => (document.querySelectorAll('main table tbody tr').length >= n ? performance.now() : false),
          ROWS_ON_SCREEN,
          {
            polling: 'raf',
            timeout: 60_000,
          },
        );
        const elapsed = (await ms.jsonValue()) as number;
        await page.close();
        return { elapsed, jsBytes };
      };
      const first = await visit(true);
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) times.push((await visit(false)).elapsed);
      return { cold: first.elapsed, warm: summarize(times), jsLoadedKb: first.jsBytes / 1024 };
    } finally {
      await browser.close();
    }
  });

  const { main } = await listQueryOf(ds.target);
  const raw = await rawRunner(ds.target, main.sql, main.parameters);
  const rawTimes: number[] = [];
  try {
    for (let i = 0; i < 3; i++) await raw.run();
    for (let i = 0; i < 20; i++) rawTimes.push(await raw.run());
  } finally {
    await raw.close();
  }
  const rawP50 = summarize(rawTimes).p50;
  return {
    name: 'web-list',
    title: `Lead list in Chromium: navigation to ${ROWS_ON_SCREEN} rows on screen`,
    engine: ctx.engine,
    rows: [
      {
        metric: 'p50 ms (cached static files)',
        value: fmtMs(warm.p50),
        target: `≤ ${fmtInt(TARGET_MS)}`,
        ratio: `${fmtRatio(warm.p50 / rawP50)}× raw`,
        pass: warm.p50 <= TARGET_MS,
      },
      { metric: '  first visit, empty cache ms', value: fmtMs(cold), target: `≤ ${fmtInt(TARGET_MS)}`, pass: cold <= TARGET_MS },
      { metric: '  p90 / max ms', value: `${fmtMs(warm.p90)} / ${fmtMs(warm.max)}` },
      { metric: '  raw list statement p50 ms', value: fmtMs(rawP50) },
      {
        metric: 'initial JS KB gzip',
        value: js.kb.toFixed(1),
        target: `≤ ${TARGET_INITIAL_JS_KB}`,
        pass: js.kb <= TARGET_INITIAL_JS_KB,
      },
      { metric: '  JS loaded by the lead list KB (as served)', value: jsLoadedKb.toFixed(1) },
    ],
    notes: [
      `${RUNS} visits after one with an empty cache, each a new page; ${fmtInt(ds.rows)} leads; Chromium at ${CHROMIUM}`,
      `initial JS = ${js.files.join(', ')}`,
    ],
  };
}
