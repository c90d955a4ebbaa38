import type { Locator, Page } from '@playwright/test';
import { ADMIN, expect, test } from './support/fixtures';

const RUN = Date.now().toString(36);

async function create(page: Page, module: string, values: Record<string, unknown>): Promise<string> {
  const res = await page.request.post(`/api/v1/records/${module}`, { data: { data: [values] } });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()).data[0].id as string;
}

/** Red, whatever the exact shade: the red channel well above green and blue. */
async function expectRed(locator: Locator) {
  const color = await locator.evaluate((el) => getComputedStyle(el).color);
  const [r, g, b] = (color.match(/\d+/g) ?? []).map(Number);
  expect(r - Math.max(g, b), color).toBeGreaterThan(80);
}

test('an overdue task shows in red, with the word "Overdue", on Home and in "My tasks"', async ({ page, signIn }) => {
  await signIn();
  const subject = `Chase invoice ${RUN}`;
  const later = `Later call ${RUN}`;
  await create(page, 'tasks', { subject, dueAt: new Date(Date.now() - 86_400_000).toISOString() });
  await create(page, 'tasks', { subject: later, dueAt: new Date(Date.now() + 3 * 86_400_000).toISOString() });

  await page.goto('/');
  const tasks = page.getByRole('region', { name: 'My open tasks' });
  const overdue = tasks.getByRole('listitem').filter({ hasText: subject });
  await expect(overdue).toBeVisible();
  await expect(overdue.getByText('Overdue', { exact: true })).toBeVisible();
  await expectRed(overdue.getByRole('link', { name: subject }));
  await expectRed(overdue.getByText('Overdue', { exact: true }));
  const upcoming = tasks.getByRole('listitem').filter({ hasText: later });
  await expect(upcoming).toBeVisible();
  await expect(upcoming.getByText('Overdue', { exact: true })).toHaveCount(0);

  // The dashboard's other parts are there too.
  await expect(page.getByRole('region', { name: 'Pipeline' }).getByRole('table')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Closed in the last 30 days' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Activity' }).getByRole('link', { name: subject }).first()).toBeVisible();

  // "My tasks" → Overdue on the tasks list: the overdue task, in red, and not the later one.
  await tasks.getByRole('link', { name: 'All my tasks' }).click();
  await expect(page).toHaveURL(/\/m\/tasks\?myTasks=open/);
  await page.getByRole('combobox', { name: 'My tasks' }).click();
  await page.getByRole('option', { name: 'Overdue', exact: true }).click();
  await expect(page).toHaveURL(/myTasks=overdue/);
  const table = page.getByRole('table', { name: 'Tasks' });
  const row = table.getByRole('row').filter({ hasText: subject });
  await expect(row).toBeVisible();
  await expect(table.getByRole('row').filter({ hasText: later })).toHaveCount(0);
  await expect(row.getByText('Overdue', { exact: true })).toBeVisible();
  await expectRed(row.getByText('Overdue', { exact: true }));
  await page.getByRole('combobox', { name: 'My tasks' }).click();
  await page.getByRole('option', { name: 'Next 7 days' }).click();
  await expect(table.getByRole('row').filter({ hasText: later })).toBeVisible();
  await expect(table.getByRole('row').filter({ hasText: subject })).toHaveCount(0);
});

test("a lead's timeline shows a note and a field change in order, and filters by kind", async ({ page, signIn }) => {
  await signIn();
  const surname = `Timeline${RUN}`;
  const id = await create(page, 'leads', { firstName: 'Ada', lastName: surname, company: 'Analytical Engines' });
  await page.goto(`/m/leads/${id}`);
  await expect(page.getByRole('heading', { level: 1, name: `Ada ${surname}` })).toBeVisible();

  // A field change, inline.
  await page.getByRole('button', { name: 'Edit Company' }).click();
  const input = page.getByRole('textbox', { name: 'Company' });
  await input.fill('Difference Engines');
  await input.press('Enter');
  await expect(input).toBeHidden();

  // Then a note.
  await page.getByRole('textbox', { name: 'New note' }).fill('Interested in the difference engine');
  await page.getByRole('button', { name: 'Add note' }).click();

  const timeline = page.getByRole('region', { name: 'Timeline' });
  // The timeline's own entries (a field change lists its changes in a nested list).
  const entries = timeline.getByRole('list', { name: 'Timeline' }).locator(':scope > li');
  await expect(entries.first()).toContainText(`${ADMIN.name} added a note`);
  await expect(entries.first()).toContainText('Interested in the difference engine');
  await expect(entries.nth(1)).toContainText('Company: Analytical Engines → Difference Engines');
  await expect(entries.nth(2)).toContainText(`${ADMIN.name} created the record`);
  await expect(entries).toHaveCount(3);

  // Only notes; then only field changes.
  await timeline.getByRole('combobox', { name: 'Show' }).click();
  await page.getByRole('option', { name: 'Notes' }).click();
  await expect(entries).toHaveCount(1);
  await expect(entries.first()).toContainText('Interested in the difference engine');
  await timeline.getByRole('combobox', { name: 'Show' }).click();
  await page.getByRole('option', { name: 'Field changes' }).click();
  await expect(entries).toHaveCount(2);
  await expect(entries.first()).toContainText('Company: Analytical Engines → Difference Engines');
});
