/**
 * Screenshots of the main screens for the README: `node --import tsx scripts/screenshots.ts`.
 * Starts a real Rapport on a fresh SQLite database, does the first-run setup, loads the sample
 * data through the API, and photographs the screens in Debian's Chromium into docs/screenshots/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright';
import { CHROMIUM, CHROMIUM_ARGS, freePort } from '../e2e/support/environment';
import { startRapport } from '../e2e/support/rapport-server';
// @ts-expect-error -- a plain ES module shared with postinstall and `rapport serve`
import { buildWebIfStale } from './build-web.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = path.join(ROOT, 'docs', 'screenshots');
const ADMIN = { name: 'Ada Admin', email: 'ada.admin@example.com', password: 'correct horse battery staple' };

async function main() {
  buildWebIfStale();
  fs.mkdirSync(OUT, { recursive: true });
  const server = await startRapport({ name: 'screenshots', port: freePort() });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  try {
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      locale: 'en-US',
      timezoneId: 'Europe/Berlin',
      baseURL: server.url,
    });
    const api = context.request;
    const setup = await api.post('/api/v1/setup', {
      data: { organization: { name: 'Northwind Traders', timeZone: 'Europe/Berlin', currency: 'EUR' }, admin: ADMIN },
    });
    if (!setup.ok()) throw new Error(`setup: ${setup.status()} ${await setup.text()}`);
    const login = await api.post('/api/v1/auth/login', { data: { email: ADMIN.email, password: ADMIN.password } });
    if (!login.ok()) throw new Error(`login: ${login.status()}`);
    const load = await api.post('/api/v1/demo-data', { data: {} });
    if (load.status() !== 202) throw new Error(`demo-data: ${load.status()} ${await load.text()}`);
    for (;;) {
      const state = await (await api.get('/api/v1/demo-data')).json();
      if (state.data.operation.status === 'failed') throw new Error(state.data.operation.error.message);
      if (state.data.operation.status === 'done') break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const deals = await (await api.get('/api/v1/records/deals?perPage=1&sort=-amount')).json();
    const dealId = deals.data[0].id as string;

    const page = await context.newPage();
    const shot = async (name: string, url: string, ready: (p: Page) => Promise<unknown>) => {
      await page.goto(url);
      await ready(page);
      // Still frames: no fade or hover half-way.
      await page.mouse.move(0, 0);
      await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
      await page.screenshot({ path: path.join(OUT, `${name}.png`) });
      console.log(`docs/screenshots/${name}.png`);
    };
    const rows = (p: Page) => p.locator('main table tbody tr').nth(10).waitFor();
    await shot('list-view', '/m/leads', rows);
    await shot('record-page', `/m/deals/${dealId}`, (p) => p.getByRole('heading', { level: 1 }).waitFor());
    await shot('board', '/m/deals/board', (p) => p.locator('main').getByRole('heading').first().waitFor());
    await shot('settings', '/settings/modules/leads/layout', (p) => p.getByRole('button', { name: 'Save layout' }).waitFor());
    await page.emulateMedia({ colorScheme: 'dark' });
    await shot('dark-theme', '/m/deals', rows);
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
