import type { Page } from '@playwright/test';
import { ADMIN, expect, test } from './support/fixtures';

const RUN = Date.now().toString(36);
const MIN = 60_000;

async function serverNow(page: Page): Promise<number> {
  const res = await page.request.post('/api/v1/test-clock/advance', { data: { minutes: 0 } });
  expect(res.status(), await res.text()).toBe(200);
  return Date.parse((await res.json()).now);
}

async function createRecord(page: Page, module: string, values: Record<string, unknown>): Promise<string> {
  const res = await page.request.post(`/api/v1/records/${module}`, { data: { data: [values] } });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()).data[0].id as string;
}

test('set a task to repeat weekly with a reminder, then complete it: the next one is there', async ({ page, signIn }) => {
  await signIn();
  const subject = `Weekly report ${RUN}`;
  const now = await serverNow(page);
  const id = await createRecord(page, 'tasks', { subject, dueAt: new Date(now + 3 * 24 * 60 * MIN).toISOString() });
  await page.goto(`/m/tasks/${id}`);
  await expect(page.getByRole('heading', { level: 1, name: subject })).toBeVisible({ timeout: 30_000 });

  const schedule = page.getByRole('region', { name: 'Schedule' });
  await schedule.getByRole('combobox', { name: 'Repeat' }).click();
  await page.getByRole('option', { name: 'Weekly', exact: true }).click();
  await schedule.getByRole('combobox', { name: 'Ends' }).click();
  await page.getByRole('option', { name: 'After a number of occurrences' }).click();
  await schedule.getByRole('textbox', { name: 'Number of occurrences' }).fill('3');
  await schedule.getByRole('combobox', { name: 'Reminder' }).click();
  await page.getByRole('option', { name: '1 hour before' }).click();
  await schedule.getByRole('button', { name: 'Save schedule' }).click();
  await expect(page.getByText('Schedule saved')).toBeVisible();
  const saved = (await (await page.request.get(`/api/v1/records/tasks/${id}`)).json()).data;
  expect(saved).toMatchObject({ repeat: 'Weekly', repeatCount: 3 });
  expect(Date.parse(saved.dueAt) - Date.parse(saved.reminderAt)).toBe(60 * MIN);

  await page.getByRole('button', { name: `Complete: ${subject}` }).click();
  await expect(page.getByText(`“${subject}” completed`)).toBeVisible();
  await expect(page.getByRole('button', { name: `Complete: ${subject}` })).toBeHidden();
  const done = (await (await page.request.get(`/api/v1/records/tasks/${id}`)).json()).data;
  expect(done.status).toBe('Completed');
  expect(done.completedAt).toBeTruthy();
  const q = encodeURIComponent(JSON.stringify({ field: 'subject', op: 'eq', value: subject }));
  const series = (await (await page.request.get(`/api/v1/records/tasks?filter=${q}`)).json()).data as {
    id: string;
    dueAt: string;
    repeatCount: number;
  }[];
  expect(series).toHaveLength(2);
  const next = series.find((t) => t.id !== id);
  expect(Date.parse(next?.dueAt ?? '') - Date.parse(saved.dueAt)).toBe(7 * 24 * 60 * MIN);
  expect(next?.repeatCount).toBe(2);
});

test('a reminder arrives live: toast and unread count without reloading, then opens the task', async ({ page, signIn }) => {
  await signIn();
  await page.request.post('/api/v1/notifications/read-all');
  const subject = `Call Grace back ${RUN}`;
  const now = await serverNow(page);
  const due = new Date(now + 90 * MIN).toISOString();
  const id = await createRecord(page, 'tasks', { subject, dueAt: due, reminderAt: new Date(now + 60 * MIN).toISOString() });
  await page.goto('/');
  const bell = page.getByRole('button', { name: 'Notifications', exact: true });
  await expect(bell).toBeVisible({ timeout: 30_000 });
  // Let the live stream connect before time moves.
  await page.waitForTimeout(1500);

  const advanced = await page.request.post('/api/v1/test-clock/advance', { data: { minutes: 61 } });
  expect(advanced.status()).toBe(200);
  await expect(page.getByRole('alert').filter({ hasText: subject })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('button', { name: 'Notifications, 1 unread' })).toBeVisible();

  await page.getByRole('button', { name: 'Notifications, 1 unread' }).click();
  const centre = page.getByRole('region', { name: 'Notifications' });
  await centre.getByRole('button', { name: `Reminder: ${subject} (unread)` }).click();
  await expect(page).toHaveURL(new RegExp(`/m/tasks/${id}$`));
  await expect(page.getByRole('heading', { level: 1, name: subject })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('button', { name: 'Notifications', exact: true })).toBeVisible();
});

test('log a call from a contact page', async ({ page, signIn }) => {
  await signIn();
  const surname = `Caller${RUN}`;
  const contactId = await createRecord(page, 'contacts', { firstName: 'Linus', lastName: surname });
  await page.goto(`/m/contacts/${contactId}`);
  await expect(page.getByRole('heading', { level: 1, name: `Linus ${surname}` })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Log a call' }).click();
  const dialog = page.getByRole('dialog', { name: 'Call' });
  await dialog.getByRole('textbox', { name: 'Subject' }).fill(`Intro call ${RUN}`);
  await dialog.getByRole('combobox', { name: 'Direction' }).click();
  await page.getByRole('option', { name: 'Inbound' }).click();
  await dialog.getByRole('textbox', { name: 'Duration (minutes)' }).fill('12');
  await dialog.getByRole('textbox', { name: 'Result' }).fill('Interested');
  await dialog.getByRole('textbox', { name: 'Notes' }).fill('Wants a demo next week');
  await dialog.getByRole('button', { name: 'Log call' }).click();
  await expect(page.getByText(`Call “Intro call ${RUN}” logged`)).toBeVisible();
  const q = encodeURIComponent(JSON.stringify({ field: 'subject', op: 'eq', value: `Intro call ${RUN}` }));
  const calls = (await (await page.request.get(`/api/v1/records/calls?filter=${q}`)).json()).data;
  expect(calls).toHaveLength(1);
  expect(calls[0]).toMatchObject({
    callType: 'Inbound',
    durationMinutes: 12,
    result: 'Interested',
    relatedTo: { module: 'contacts', id: contactId },
  });

  // Schedule one with a reminder.
  await page.getByRole('button', { name: 'Log a call' }).click();
  // The segmented control's radios are visually hidden; a person clicks the segment's label.
  await dialog.getByText('Schedule a call', { exact: true }).click();
  await expect(dialog.getByRole('radio', { name: 'Schedule a call' })).toBeChecked();
  await dialog.getByRole('textbox', { name: 'Subject' }).fill(`Follow-up call ${RUN}`);
  await dialog.getByRole('combobox', { name: 'Reminder' }).click();
  await page.getByRole('option', { name: '30 minutes before' }).click();
  await dialog.getByRole('button', { name: 'Schedule call' }).click();
  await expect(page.getByText(`Call “Follow-up call ${RUN}” scheduled`)).toBeVisible();
  const q2 = encodeURIComponent(JSON.stringify({ field: 'subject', op: 'eq', value: `Follow-up call ${RUN}` }));
  const scheduled = (await (await page.request.get(`/api/v1/records/calls?filter=${q2}`)).json()).data[0];
  expect(Date.parse(scheduled.callStartAt) - Date.parse(scheduled.reminderAt)).toBe(30 * MIN);
});

test('Settings › Notifications: a kind by email, and a custom notification', async ({ page, signIn }) => {
  await signIn();
  await page.goto('/');
  await page.getByRole('button', { name: `Account menu of ${ADMIN.name}` }).click();
  await page.getByRole('menuitem', { name: 'Settings' }).click();
  await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Notifications' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Notifications' })).toBeVisible();
  await page.getByRole('combobox', { name: 'You were mentioned' }).click();
  await page.getByRole('option', { name: 'In the app and by email' }).click();
  await expect(page.getByText('Notification settings saved')).toBeVisible();
  expect((await (await page.request.get('/api/v1/notifications/settings')).json()).data.mention).toBe('email');
  await page.getByRole('combobox', { name: 'You were mentioned' }).click();
  await page.getByRole('option', { name: 'In the app', exact: true }).click();
  await expect.poll(async () => (await (await page.request.get('/api/v1/notifications/settings')).json()).data.mention).toBe('inApp');

  const form = page.getByRole('form', { name: 'New custom notification' });
  await form.getByRole('textbox', { name: 'Name' }).fill(`Deal moved ${RUN}`);
  await form.getByRole('combobox', { name: 'When' }).click();
  await page.getByRole('option', { name: 'The stage changes' }).click();
  await form.getByRole('button', { name: 'Add custom notification' }).click();
  await expect(page.getByText(`Custom notification “Deal moved ${RUN}” added`)).toBeVisible();
  await expect(page.getByRole('cell', { name: `Deal moved ${RUN}`, exact: true })).toBeVisible();
  const subs = (await (await page.request.get('/api/v1/notifications/subscriptions')).json()).data;
  const sub = subs.find((s: { name: string }) => s.name === `Deal moved ${RUN}`);
  expect(sub).toMatchObject({ module: 'deals', trigger: 'stageChanged', active: true });
  await page.getByRole('button', { name: `Delete Deal moved ${RUN}` }).click();
  await expect(page.getByRole('cell', { name: `Deal moved ${RUN}`, exact: true })).toBeHidden();
});
