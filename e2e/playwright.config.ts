import { fileURLToPath } from 'node:url';
import { defineConfig, type Project } from '@playwright/test';
import { baseUrl, CHROMIUM, CHROMIUM_ARGS, DATABASES, freePort, portVar } from './support/environment';

// Ports are chosen once, here in the runner; the workers inherit them through the environment.
for (const db of DATABASES) process.env[portVar(db)] ??= String(freePort());

// Each engine's tests run one at a time against its server (they share its data and its test
// clock), while the SQLite and PostgreSQL projects run side by side.
const projects: Project[] = DATABASES.flatMap((db): Project[] => [
  // The first-run setup runs first on each fresh database; every other test needs it done.
  { name: `${db}-setup`, testMatch: 'setup.spec.ts', workers: 1, use: { baseURL: baseUrl(db) } },
  { name: db, testIgnore: 'setup.spec.ts', dependencies: [`${db}-setup`], workers: 1, use: { baseURL: baseUrl(db) } },
]);

/**
 * End-to-end tests in Debian's Chromium against real Rapport servers (SQLite and PostgreSQL).
 * `npm test` runs them; alone: `npx playwright test -c e2e`.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: fileURLToPath(new URL('../.tmp/e2e-results', import.meta.url)),
  globalSetup: './global-setup.ts',
  fullyParallel: false,
  workers: DATABASES.length,
  // On CI a test that fails once is run again; `npm test` lists every such flaky test by name.
  retries: process.env.CI === 'true' ? 1 : 0,
  forbidOnly: process.env.CI === 'true',
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    headless: true,
    locale: 'en-US',
    timezoneId: 'Europe/Berlin',
    viewport: { width: 1280, height: 800 },
    launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects,
});
