import { ADMIN, expect, ORG, seriousA11yViolations, test } from './support/fixtures';

test('first-run setup creates the organisation and its administrator, then signs in', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole('heading', { name: 'Set up Rapport' })).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);

  // A missing required value is reported on its field before anything is sent.
  await page.getByRole('button', { name: 'Create organisation' }).click();
  await expect(page.getByLabel('Organisation name')).toHaveAttribute('aria-invalid', 'true');

  await page.getByLabel('Organisation name').fill(ORG.name);
  await page.getByRole('combobox', { name: 'Time zone' }).fill('Europe/Berl');
  await page.getByRole('option', { name: ORG.timeZone }).click();
  await page.getByRole('combobox', { name: 'Currency' }).fill(ORG.currency);
  await page.getByRole('option', { name: /^EUR/ }).click();
  await page.getByLabel('Your name').fill(ADMIN.name);
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(ADMIN.password);
  await page.getByLabel('Repeat the password').fill('something else entirely');
  await page.getByRole('button', { name: 'Create organisation' }).click();
  await expect(page.getByText('The passwords do not match.')).toBeVisible();

  await page.getByLabel('Repeat the password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Create organisation' }).click();

  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { name: `Welcome to ${ORG.name}` })).toBeVisible();
  const org = await (await page.request.get('/api/v1/settings/organization')).json();
  expect(org.data).toMatchObject({ name: ORG.name, timeZone: ORG.timeZone, currency: ORG.currency });

  // Setup is done once: the page now sends people on (to sign in, or home when signed in).
  await page.goto('/setup');
  await expect(page).toHaveURL(/\/$/);
  await page.context().clearCookies();
  await page.goto('/setup');
  await expect(page).toHaveURL(/\/login$/);
});
