import { ADMIN, expect, test } from './support/fixtures';

const RUN = Date.now().toString(36);

async function createLead(page: import('@playwright/test').Page, values: Record<string, unknown>): Promise<string> {
  const res = await page.request.post('/api/v1/records/leads', { data: { data: [values] } });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()).data[0].id as string;
}

test('edit a field inline on a lead', async ({ page, signIn }) => {
  await signIn();
  const surname = `Inline${RUN}`;
  const id = await createLead(page, { firstName: 'Grace', lastName: surname, company: 'Harvard Mark I' });
  await page.goto(`/m/leads/${id}`);
  await expect(page.getByRole('heading', { level: 1, name: `Grace ${surname}` })).toBeVisible();

  await page.getByRole('button', { name: 'Edit Company' }).click();
  const input = page.getByRole('textbox', { name: 'Company' });
  await expect(input).toHaveValue('Harvard Mark I');
  await input.fill('UNIVAC');
  await input.press('Enter');
  await expect(input).toBeHidden();
  await expect(page.getByText('UNIVAC', { exact: true }).first()).toBeVisible();

  // The timeline shows who changed what, old → new.
  const timeline = page.getByRole('region', { name: 'Timeline' });
  await expect(timeline.getByText('Company: Harvard Mark I → UNIVAC')).toBeVisible();
  await expect(timeline.getByText(`${ADMIN.name} changed`)).toBeVisible();

  // Escape cancels an inline edit without saving; a server error lands on the field.
  await page.getByRole('button', { name: 'Edit Email' }).click();
  await page.getByRole('textbox', { name: 'Email' }).fill('not-an-email');
  await page.getByRole('textbox', { name: 'Email' }).press('Enter');
  await expect(page.getByRole('textbox', { name: 'Email' })).toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('textbox', { name: 'Email' }).press('Escape');
  await expect(page.getByRole('textbox', { name: 'Email' })).toBeHidden();
  const stored = await (await page.request.get(`/api/v1/records/leads/${id}`)).json();
  expect(stored.data.company).toBe('UNIVAC');
  expect(stored.data.email).toBeNull();
});

test('delete a record and restore it from the recycle bin', async ({ page, signIn }) => {
  await signIn();
  const surname = `Binned${RUN}`;
  const id = await createLead(page, { firstName: 'Alan', lastName: surname });
  await page.goto(`/m/leads/${id}`);
  await expect(page.getByRole('heading', { level: 1, name: `Alan ${surname}` })).toBeVisible();

  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  const confirm = page.getByRole('dialog', { name: `Delete Alan ${surname}?` });
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(page).toHaveURL(/\/m\/leads$/);
  expect((await page.request.get(`/api/v1/records/leads/${id}`)).status()).toBe(404);

  await page.getByRole('button', { name: `Account menu of ${ADMIN.name}` }).click();
  await page.getByRole('menuitem', { name: 'Settings' }).click();
  await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Recycle bin' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Recycle bin' })).toBeVisible();
  await page.getByRole('button', { name: `Restore Alan ${surname}` }).click();

  await expect(page).toHaveURL(new RegExp(`/m/leads/${id}$`));
  await expect(page.getByRole('heading', { level: 1, name: `Alan ${surname}` })).toBeVisible();
});
