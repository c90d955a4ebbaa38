import type { Page } from '@playwright/test';
import { ADMIN, expect, seriousA11yViolations as scan, test } from './support/fixtures';

// axe-core on the main pages: no serious or critical violation, in light and dark themes.

/**
 * axe judges colours as they are at that instant. Mantine fades menus, dialogs and hover states
 * in with CSS transitions, and a scan mid-fade saw half-blended colours (the dark-theme flake):
 * so a scan waits until the page is in the expected colour scheme and no animation or transition
 * is running — a condition, not a delay.
 */
async function seriousA11yViolations(page: Page) {
  await page.waitForFunction(() => {
    const scheme = document.documentElement.getAttribute('data-mantine-color-scheme');
    const wanted = window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
    return (
      scheme === wanted && document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity)
    );
  });
  return scan(page);
}

test('the sign-in page has no serious accessibility violations', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
  expect(await seriousA11yViolations(page)).toEqual([]);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the signed-in pages have no serious accessibility violations (${scheme})`, async ({ page, signIn }) => {
    // Many pages and an axe scan on each: give a loaded 2-core CI machine room.
    test.setTimeout(150_000);
    await page.emulateMedia({ colorScheme: scheme });
    await signIn();
    // Unique per attempt, so a retry's search finds only its own lead.
    const surname = `Hopper${scheme}${Date.now().toString(36)}`;
    const created = await page.request.post('/api/v1/records/leads', {
      data: {
        data: [{ firstName: 'Grace', lastName: surname, company: 'Navy', email: 'grace@example.com', leadStatus: 'Working' }],
      },
    });
    expect(created.status()).toBe(201);
    const leadId = (await created.json()).data[0].id as string;

    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await seriousA11yViolations(page), 'home').toEqual([]);

    await page.goto('/m/leads');
    await expect(page.getByRole('table', { name: 'Leads' })).toBeVisible();
    expect(await seriousA11yViolations(page), 'list').toEqual([]);

    await page.goto(`/m/leads/${leadId}`);
    await expect(page.getByRole('heading', { level: 1, name: `Grace ${surname}` })).toBeVisible();
    expect(await seriousA11yViolations(page), 'record').toEqual([]);

    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(page.getByRole('menuitem', { name: 'Deal' })).toBeVisible();
    expect(await seriousA11yViolations(page), 'add menu').toEqual([]);
    await page.keyboard.press('Escape');
    // Create forms of every kind of input: lookups, picklists, numbers, dates, an address, a related record.
    for (const [kind, title, field] of [
      ['Lead', 'New lead', 'Street'],
      ['Deal', 'New deal', 'Deal Name'],
      ['Note', 'New note', 'Record'],
    ] as const) {
      await page.getByRole('button', { name: 'Add', exact: true }).click();
      await page.getByRole('menuitem', { name: kind }).click();
      const dialog = page.getByRole('dialog', { name: title });
      await expect(dialog.getByRole('textbox', { name: field }).or(dialog.getByRole('combobox', { name: field }))).toBeVisible();
      await dialog.getByRole('button', { name: 'Save' }).click();
      await expect(dialog.getByText('This field is required.').first()).toBeVisible();
      expect(await seriousA11yViolations(page), `${kind} form`).toEqual([]);
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
    }

    await page.keyboard.press('Control+K');
    await page.getByRole('textbox', { name: 'Search all records' }).fill(surname);
    await expect(page.getByRole('button', { name: new RegExp(`Grace ${surname}`) })).toBeVisible();
    expect(await seriousA11yViolations(page), 'search').toEqual([]);
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: `Account menu of ${ADMIN.name}` }).click();
    await expect(page.getByRole('menuitem', { name: 'Sign out' })).toBeVisible();
    expect(await seriousA11yViolations(page), 'user menu').toEqual([]);
  });
}
