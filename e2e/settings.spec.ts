import { ADMIN, expect, seriousA11yViolations, test } from './support/fixtures';

const RUN = Date.now().toString(36);

test('add a custom picklist field in Settings and use it in the create form', async ({ page, signIn }) => {
  await signIn();
  const label = `Tier ${RUN}`;
  await page.goto('/');
  await page.getByRole('button', { name: `Account menu of ${ADMIN.name}` }).click();
  await page.getByRole('menuitem', { name: 'Settings' }).click();
  await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Modules and fields' }).click();
  await page.getByRole('link', { name: 'Leads', exact: true }).last().click();
  await expect(page.getByRole('heading', { level: 2, name: 'Fields of Leads' })).toBeVisible();

  await page.getByRole('button', { name: 'Add field' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add field' });
  await dialog.getByRole('textbox', { name: 'Label' }).fill(label);
  await dialog.getByRole('combobox', { name: 'Type' }).click();
  await page.getByRole('option', { name: 'Picklist', exact: true }).click();
  await dialog.getByRole('button', { name: 'Add option' }).click();
  await dialog.getByRole('textbox', { name: 'Option 1' }).fill('Silver');
  await dialog.getByRole('button', { name: 'Add option' }).click();
  await dialog.getByRole('textbox', { name: 'Option 2' }).fill('Gold');
  // Reorder: Gold first.
  await dialog.getByRole('button', { name: 'Move option 2 up' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Option 1' })).toHaveValue('Gold');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('cell', { name: `${label} Custom` })).toBeVisible();

  const surname = `Picklist${RUN}`;
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Lead' }).click();
  const form = page.getByRole('dialog', { name: 'New lead' });
  await form.getByLabel('Last Name').fill(surname);
  await form.getByRole('combobox', { name: label }).click();
  await expect(page.getByRole('option')).toHaveText(['Gold', 'Silver']);
  await page.getByRole('option', { name: 'Gold' }).click();
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: surname })).toBeVisible();
  await expect(page.getByText('Gold', { exact: true }).first()).toBeVisible();
  const created = await (await page.request.get(page.url().replace('/m/leads/', '/api/v1/records/leads/'))).json();
  expect(Object.values(created.data)).toContain('Gold');
});

test('the settings pages and the full edit form are accessible; leaving unsaved changes asks first', async ({ page, signIn }) => {
  await signIn();
  for (const [path, heading] of [
    ['/settings/modules', 'Modules and fields'],
    ['/settings/modules/deals', 'Fields of Deals'],
    ['/settings/users', 'Users'],
    ['/settings/organization', 'Organisation'],
    ['/settings/api-tokens', 'My API tokens'],
    ['/settings/recycle-bin', 'Recycle bin'],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
    expect(await seriousA11yViolations(page), path).toEqual([]);
  }

  await page.goto('/settings/api-tokens');
  await page.getByRole('textbox', { name: 'Token name' }).fill(`ci ${RUN}`);
  await page.getByRole('button', { name: 'Create token' }).click();
  await expect(page.getByText('Copy it now: it is shown only once.')).toBeVisible();
  await page.getByRole('button', { name: `Revoke ci ${RUN}` }).click();
  await page.getByRole('dialog', { name: `Revoke the token ci ${RUN}?` }).getByRole('button', { name: 'Revoke' }).click();
  await expect(page.getByRole('cell', { name: `ci ${RUN}`, exact: true })).toBeHidden();

  const res = await page.request.post('/api/v1/records/leads', { data: { data: [{ lastName: `Unsaved${RUN}` }] } });
  const id = (await res.json()).data[0].id as string;
  await page.goto(`/m/leads/${id}`);
  await page.getByRole('link', { name: 'Edit', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Edit Unsaved${RUN}` })).toBeVisible();
  expect(await seriousA11yViolations(page), 'edit form').toEqual([]);
  await page.getByRole('textbox', { name: 'Company' }).fill('Changed');
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Leads' }).click();
  const ask = page.getByRole('dialog', { name: 'Leave without saving?' });
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: 'Keep editing' }).click();
  await expect(page.getByRole('textbox', { name: 'Company' })).toHaveValue('Changed');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Unsaved${RUN}` })).toBeVisible();
  await expect(page.getByText('Changed', { exact: true }).first()).toBeVisible();
});
