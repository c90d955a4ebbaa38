import { ADMIN, expect, ORG, test } from './support/fixtures';

// A unique surname per run, so searches find exactly the lead this run created.
const SURNAME = `Lovelace${Date.now().toString(36)}`;

test.describe.configure({ mode: 'serial' });

test('signing out and in again brings the user back to the page they asked for', async ({ page, signIn }) => {
  await signIn();
  await page.goto('/m/leads');
  await expect(page.getByRole('heading', { level: 1, name: 'Leads' })).toBeVisible();

  await page.getByRole('button', { name: `Account menu of ${ADMIN.name}` }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login$/);

  await page.goto('/m/contacts');
  await expect(page).toHaveURL(/\/login\?next=%2Fm%2Fcontacts$/);
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('Wrong email or password.');

  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/m\/contacts$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Contacts' })).toBeVisible();
});

test('an expired session sends the user to sign in and then back where they were', async ({ page, signIn }) => {
  await signIn();
  await page.goto('/');
  await expect(page.getByRole('heading', { name: `Welcome to ${ORG.name}` })).toBeVisible();

  await page.context().clearCookies();
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Deals' }).click();

  await expect(page).toHaveURL(/\/login\?.*next=%2Fm%2Fdeals/);
  await expect(page.getByText('Your session has expired.')).toBeVisible();
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/m\/deals$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Deals' })).toBeVisible();
});

test('"+ Add" creates a lead from any screen, with errors shown on their fields', async ({ page, signIn }) => {
  await signIn();
  await page.goto('/m/accounts');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  const kinds = page.getByRole('menuitem');
  await expect(kinds).toHaveText(['Lead', 'Contact', 'Account', 'Deal', 'Task', 'Meeting', 'Call', 'Note']);
  await page.getByRole('menuitem', { name: 'Lead' }).click();

  const dialog = page.getByRole('dialog', { name: 'New lead' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByLabel('Last Name')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByText('This field is required.')).toBeVisible();

  await dialog.getByLabel('First Name').fill('Ada');
  await dialog.getByLabel('Last Name').fill(SURNAME);
  await dialog.getByLabel('Company').fill('Analytical Engines');
  // The server's validation error lands on the field it names.
  await dialog.getByLabel('Email').fill('not-an-email');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');

  await dialog.getByLabel('Email').fill('ada@analytical.example');
  await dialog.getByRole('combobox', { name: 'Rating' }).click();
  await page.getByRole('option', { name: 'Hot' }).click();
  await dialog.getByLabel('Annual Revenue').fill('1250000');
  await dialog.getByRole('button', { name: 'Save' }).click();

  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/\/m\/leads\/[^/]+$/);
  await expect(page.getByRole('heading', { level: 1, name: `Ada ${SURNAME}` })).toBeVisible();
  await expect(page.getByText('Analytical Engines').first()).toBeVisible();
  await expect(page.getByText('€1,250,000.00').first()).toBeVisible();
});

test('Ctrl+K finds the lead across modules; arrow keys and Enter open it; it is then a recent item', async ({ page, signIn }) => {
  await signIn();
  await page.goto('/m/contacts');
  await expect(page.getByRole('heading', { level: 1, name: 'Contacts' })).toBeVisible();

  await page.keyboard.press('Control+K');
  const search = page.getByRole('dialog', { name: 'Search all records' });
  await expect(search).toBeVisible();
  await search.getByRole('textbox', { name: 'Search all records' }).fill(SURNAME.slice(0, -2));
  const hit = search.getByRole('button', { name: new RegExp(`Ada ${SURNAME}`) });
  await expect(hit).toBeVisible();
  await expect(search.getByRole('group', { name: 'Leads' }).getByRole('button', { name: new RegExp(`Ada ${SURNAME}`) })).toBeVisible();

  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/m\/leads\/[^/]+$/);
  await expect(page.getByRole('heading', { level: 1, name: `Ada ${SURNAME}` })).toBeVisible();
  await expect(search).toBeHidden();

  await page.keyboard.press('Control+K');
  await expect(search.getByRole('textbox', { name: 'Search all records' })).toHaveValue('');
  await expect(
    search.getByRole('group', { name: 'Recently opened' }).getByRole('button', { name: new RegExp(`Ada ${SURNAME}`) }),
  ).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(search).toBeHidden();
});

test('switching to Russian translates the navigation and is kept on the user', async ({ page, signIn }) => {
  await signIn();
  await page.goto('/');
  await page.getByRole('button', { name: `Account menu of ${ADMIN.name}` }).click();
  await page.getByRole('menuitemradio', { name: 'Русский' }).click();

  const nav = page.getByRole('navigation', { name: 'Основная навигация' });
  await expect(nav.getByRole('link', { name: 'Лиды' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Сделки' })).toBeVisible();
  await expect(page.getByRole('heading', { name: `Добро пожаловать в ${ORG.name}` })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await expect.poll(async () => (await (await page.request.get('/api/v1/me')).json()).user.locale).toBe('ru');

  // Kept across a reload, from the user's own setting.
  await page.reload();
  await expect(nav.getByRole('link', { name: 'Контакты' })).toBeVisible();
  await page.getByRole('button', { name: `Меню учётной записи: ${ADMIN.name}` }).click();
  await page.getByRole('menuitemradio', { name: 'English' }).click();
  await expect(page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Leads' })).toBeVisible();
});
