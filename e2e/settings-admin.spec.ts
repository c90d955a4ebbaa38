import { expect, seriousA11yViolations, test } from './support/fixtures';

const RUN = Date.now().toString(36);
/** The header is the shell's, checked by a11y.spec.ts; these checks judge the settings pages. */
const SHELL = ['header'];

/** A custom module with two extra fields and one record, made through the API (the setup is not under test here). */
async function customModule(page: import('@playwright/test').Page, label: string, singular: string) {
  const m = await page.request.post('/api/v1/modules', { data: { label, singularLabel: singular } });
  expect(m.status(), await m.text()).toBe(201);
  const apiName = (await m.json()).data.apiName as string;
  for (const field of [
    { label: 'Colour', type: 'text' },
    { label: 'Weight', type: 'integer' },
  ]) {
    const f = await page.request.post(`/api/v1/modules/${apiName}/fields`, { data: field });
    expect(f.status(), await f.text()).toBe(201);
  }
  const r = await page.request.post(`/api/v1/records/${apiName}`, {
    data: { data: [{ name: `First ${singular}`, colour: 'Teal', weight: 7 }] },
  });
  expect(r.status(), await r.text()).toBe(201);
  return { apiName, recordId: (await r.json()).data[0].id as string };
}

test('the layout editor: keyboard moves, drag and drop, sections; the record page follows the saved layout', async ({ page, signIn }) => {
  await signIn();
  const { apiName, recordId } = await customModule(page, `Gizmos ${RUN}`, `Gizmo ${RUN}`);
  await page.goto(`/settings/modules/${apiName}`);
  await page.getByRole('link', { name: 'Edit layout' }).click();
  await expect(page.getByRole('heading', { level: 2, name: `Layout of Gizmos ${RUN}` })).toBeVisible();
  const first = page.getByRole('region', { name: `Section Gizmo ${RUN} Information` });
  await expect(first.getByTestId('layout-field')).toHaveText([`Gizmo ${RUN} Name`, 'Colour', 'Weight']);

  // A new section, renamed; Weight moves into it from the keyboard (down across the border).
  await page.getByRole('button', { name: 'Add section' }).click();
  const title2 = page.getByRole('textbox', { name: 'Section 2 title' });
  await title2.fill('Physical');
  const weightDown = page.getByRole('button', { name: 'Move Weight down' });
  await weightDown.focus();
  await page.keyboard.press('Enter');
  const second = page.getByRole('region', { name: 'Section Physical' });
  await expect(second.getByTestId('layout-field')).toHaveText([/Weight/]);

  // Colour is dragged onto Weight: it lands before it, in the second section.
  await first
    .getByTestId('layout-field')
    .filter({ hasText: 'Colour' })
    .dragTo(second.getByTestId('layout-field').filter({ hasText: 'Weight' }));
  await expect(second.getByTestId('layout-field')).toHaveText([/Colour/, /Weight/]);
  await expect(first.getByTestId('layout-field')).toHaveText([`Gizmo ${RUN} Name`]);

  // The second section goes first with its button; then back by dragging its handle.
  await page.getByRole('button', { name: 'Move section Physical up' }).click();
  await expect(page.getByRole('textbox', { name: 'Section 1 title' })).toHaveValue('Physical');
  await page.getByTestId('section-handle').nth(1).dragTo(page.getByTestId('layout-section').first());
  await expect(page.getByRole('textbox', { name: 'Section 1 title' })).toHaveValue(`Gizmo ${RUN} Information`);

  // An empty title is refused on the client.
  await title2.fill('');
  await page.getByRole('button', { name: 'Save layout' }).click();
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('Every section needs a title.');
  await title2.fill('Physical');
  expect(await seriousA11yViolations(page, SHELL)).toEqual([]);
  await page.getByRole('button', { name: 'Save layout' }).click();
  await expect(page.getByText('The layout was saved.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save layout' })).toBeDisabled();

  const saved = await (await page.request.get(`/api/v1/modules/${apiName}/layouts`)).json();
  expect(saved.data[0].sections).toEqual([
    { title: `Gizmo ${RUN} Information`, fields: ['name'] },
    { title: 'Physical', fields: ['colour', 'weight'] },
  ]);

  await page.goto(`/m/${apiName}/${recordId}`);
  await expect(page.getByRole('heading', { level: 2 })).toContainText([`Gizmo ${RUN} Information`, 'Physical']);
  const physical = page.getByRole('region', { name: 'Physical' });
  await expect(physical.getByText('Teal')).toBeVisible();
  await expect(physical.getByText('7', { exact: true })).toBeVisible();
});

test('rename a custom module, then delete it with confirmation', async ({ page, signIn }) => {
  await signIn();
  const { apiName } = await customModule(page, `Crates ${RUN}`, `Crate ${RUN}`);
  await page.goto('/settings/modules');
  await page
    .getByRole('main')
    .getByRole('link', { name: `Crates ${RUN}` })
    .click();
  const panel = page.getByRole('form', { name: 'Module settings' });
  await panel.getByRole('textbox', { name: 'Name (plural)' }).fill(`Boxes ${RUN}`);
  await panel.getByRole('textbox', { name: 'Name (singular)' }).fill(`Box ${RUN}`);
  await panel.getByRole('button', { name: 'Rename module' }).click();
  await expect(page.getByRole('heading', { level: 2, name: `Fields of Boxes ${RUN}` })).toBeVisible();
  // The navigation follows the new name.
  await expect(
    page
      .getByRole('navigation')
      .getByRole('link', { name: `Boxes ${RUN}` })
      .first(),
  ).toBeVisible();

  await panel.getByRole('textbox', { name: 'Name (plural)' }).fill('');
  await panel.getByRole('button', { name: 'Rename module' }).click();
  await expect(panel.getByText('This field is required')).toBeVisible();

  await panel.getByRole('button', { name: 'Delete module' }).click();
  const dialog = page.getByRole('dialog', { name: `Delete the module “Boxes ${RUN}”?` });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect((await page.request.get(`/api/v1/modules/${apiName}`)).status()).toBe(200);

  await panel.getByRole('button', { name: 'Delete module' }).click();
  await dialog.getByRole('button', { name: 'Delete module and records' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Modules and fields' })).toBeVisible();
  await expect(page.getByRole('link', { name: `Boxes ${RUN}` })).toHaveCount(0);
  await expect(page.getByRole('link', { name: `Crates ${RUN}` })).toHaveCount(0);
  expect((await page.request.get(`/api/v1/modules/${apiName}`)).status()).toBe(404);
});

test('load sample data with progress, see it in the lists, and remove it again', async ({ page, signIn }) => {
  test.setTimeout(180_000);
  await signIn();
  await page.goto('/settings');
  await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Sample data' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Sample data' })).toBeVisible();
  await expect(page.getByText('No sample data is loaded.')).toBeVisible();
  // The pointer still rests on the link just clicked; axe judges the page as it is at rest.
  await page.mouse.move(0, 0);
  expect(await seriousA11yViolations(page, SHELL)).toEqual([]);

  await page.getByRole('button', { name: 'Load sample data' }).click();
  // The bar starts at zero width (not "visible" to Playwright): it is there with its label.
  await expect(page.getByRole('progressbar', { name: /Loading sample data: \d+ of 1300 records/ })).toBeAttached();
  await expect(page.getByText(/Loading sample data: \d+ of 1300 records/)).toBeVisible();
  await expect(page.getByText('Sample data is loaded.')).toBeVisible({ timeout: 120_000 });
  await expect(page.getByRole('progressbar')).toHaveCount(0, { timeout: 120_000 });
  await expect(page.getByRole('row', { name: 'Leads 300' })).toBeVisible();

  const accounts = await (await page.request.get('/api/v1/records/accounts/count')).json();
  expect(accounts.count).toBeGreaterThanOrEqual(100);

  await page.getByRole('button', { name: 'Remove sample data' }).click();
  await page.getByRole('dialog', { name: 'Remove the sample data?' }).getByRole('button', { name: 'Remove sample data' }).click();
  await expect(page.getByText('No sample data is loaded.')).toBeVisible({ timeout: 120_000 });
  const after = await (await page.request.get('/api/v1/demo-data')).json();
  expect(after.data).toMatchObject({ loaded: false, operation: { action: 'remove', status: 'done' } });
});
