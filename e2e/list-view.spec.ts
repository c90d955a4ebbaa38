import { expect, seriousA11yViolations, test } from './support/fixtures';

// The list view: filter the leads by status with the filter builder, save that as a view, pick it again.
const TAG = `Listview${Date.now().toString(36)}`;

test('filter the list by status and save the view', async ({ page, signIn }) => {
  await signIn();
  const res = await page.request.post('/api/v1/records/leads', {
    data: {
      data: [
        { firstName: 'Alma', lastName: `Alpha${TAG}`, company: TAG, leadStatus: 'Working' },
        { firstName: 'Bea', lastName: `Beta${TAG}`, company: TAG, leadStatus: 'New' },
        { firstName: 'Gus', lastName: `Gamma${TAG}`, company: TAG, leadStatus: 'Working' },
      ],
    },
  });
  expect(res.status(), await res.text()).toBe(201);

  await page.goto('/m/leads');
  const table = page.getByRole('table', { name: 'Leads' });
  const rows = table.getByRole('row');
  await page.getByLabel('Search in this list').fill(TAG);
  await expect(rows).toHaveCount(4); // the header and three leads

  await page.getByRole('button', { name: 'Filters' }).click();
  await page.getByRole('button', { name: 'Add condition' }).click();
  const condition = page.getByRole('group', { name: 'Condition 1' });
  await condition.getByRole('combobox', { name: 'Field' }).click();
  await page.getByRole('option', { name: 'Lead Status', exact: true }).click();
  await expect(condition.getByRole('combobox', { name: 'Operator' })).toHaveValue('is');
  await condition.getByRole('combobox', { name: 'Value' }).click();
  await page.getByRole('option', { name: 'Working', exact: true }).click();

  await expect(rows).toHaveCount(3);
  await expect(table.getByRole('link', { name: `Alma Alpha${TAG}` })).toBeVisible();
  await expect(table.getByRole('link', { name: `Gus Gamma${TAG}` })).toBeVisible();
  await expect(table.getByRole('link', { name: `Bea Beta${TAG}` })).toBeHidden();

  // The filter builder and the bulk actions bar are accessible too.
  await table.getByRole('checkbox', { name: `Select Alma Alpha${TAG}` }).check();
  await expect(page.getByRole('region', { name: '1 selected' })).toBeVisible();
  expect(await seriousA11yViolations(page), 'list with filters and a selection').toEqual([]);
  await page.getByRole('button', { name: 'Clear selection' }).click();

  await page.getByRole('button', { name: 'Save as view' }).click();
  const dialog = page.getByRole('dialog', { name: 'Save the current list as a view' });
  await dialog.getByLabel('View name').fill(`Working ${TAG}`);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/\?view=/);

  // Reload the list without the view, then pick it.
  await page.goto('/m/leads');
  await page.reload();
  await page.getByLabel('Search in this list').fill(TAG);
  await expect(rows).toHaveCount(4);
  await page.getByRole('combobox', { name: 'View' }).click();
  await page.getByRole('option', { name: `Working ${TAG}` }).click();
  await expect(page).toHaveURL(/\?view=/);
  await expect(rows).toHaveCount(3);
  await expect(table.getByRole('link', { name: `Bea Beta${TAG}` })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Filters (1)' })).toBeVisible();

  // A reload keeps the view (it is in the address).
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'View' })).toHaveValue(`Working ${TAG}`);
  await expect(page.getByRole('button', { name: 'Filters (1)' })).toBeVisible();
});
