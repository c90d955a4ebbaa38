import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { type Database, SKIP_ALL_VAR, skipVar } from './environment';

/** The organisation and administrator the setup test creates on each fresh database. */
export const ORG = { name: 'Northwind Traders', timeZone: 'Europe/Berlin', currency: 'EUR' };
export const ADMIN = { name: 'Ada Admin', email: 'ada.admin@example.com', password: 'correct horse battery staple' };

function databaseOf(projectName: string): Database {
  return projectName.startsWith('postgres') ? 'postgres' : 'sqlite';
}

export const test = base.extend<{ skipUnavailable: undefined; signIn: () => Promise<void> }>({
  skipUnavailable: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern
    async ({}, use, testInfo) => {
      const reason = process.env[SKIP_ALL_VAR] ?? process.env[skipVar(databaseOf(testInfo.project.name))];
      testInfo.skip(Boolean(reason), reason);
      await use(undefined);
    },
    { auto: true },
  ],
  /** Signs in through the API (the page shares its cookies); the sign-in form has its own test. */
  signIn: async ({ page }, use) => {
    await use(async () => {
      const res = await page.request.post('/api/v1/auth/login', { data: { email: ADMIN.email, password: ADMIN.password } });
      expect(res.status(), await res.text()).toBe(200);
    });
  },
});

export { expect };

/** Serious and critical axe-core findings on the page as it is now (WCAG 2.x A and AA rules and best practices). */
export async function seriousA11yViolations(page: Page, exclude: string[] = []) {
  // Toasts are left out: live notifications from other tests (one admin, one test clock per
  // engine) come and go at any moment, and axe would judge them mid-fade. Their accessibility is
  // tested in web/src/app/theme.test.tsx.
  let builder = new AxeBuilder({ page }).exclude('.mantine-Notifications-root');
  for (const selector of exclude) builder = builder.exclude(selector);
  const result = await builder.analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      rule: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target.join(' '), why: n.failureSummary })),
    }));
}
