import type { Page } from '@playwright/test';
import { fromZonedInput } from '../web/src/features/meetings/zoned-time';
import { expect, seriousA11yViolations, test } from './support/fixtures';

const RUN = Date.now().toString(36);

async function create(page: Page, module: string, values: Record<string, unknown>): Promise<string> {
  const res = await page.request.post(`/api/v1/records/${module}`, { data: { data: [values] } });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()).data[0].id as string;
}

/** Today's date as a clock in the user's time zone shows it (YYYY-MM-DD). */
function todayIn(timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

test('create a meeting with a contact from a deal page, see it in the week view and drag it to another slot', async ({ page, signIn }) => {
  await signIn();
  const me = (await (await page.request.get('/api/v1/me')).json()).user as { timeZone: string };
  const zone = me.timeZone;
  const contactName = `Mira Meeting${RUN}`;
  const contactId = await create(page, 'contacts', { firstName: 'Mira', lastName: `Meeting${RUN}`, email: `mira.${RUN}@client.example` });
  const dealId = await create(page, 'deals', { dealName: `Calendar deal ${RUN}`, stage: 'Qualification', closingDate: '2030-12-31' });

  // From the deal page: New meeting, today 10:00–11:00 (in the user's time zone), with the contact.
  await page.goto(`/m/deals/${dealId}`);
  // First loads can be slow on a busy machine: wait longer for the page than for each step.
  await expect(page.getByRole('heading', { level: 1, name: `Calendar deal ${RUN}` })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'New meeting' }).click();
  const dialog = page.getByRole('dialog', { name: 'New meeting' });
  await expect(dialog).toBeVisible();
  const title = `Demo ${RUN}`;
  await dialog.getByRole('textbox', { name: 'Title' }).fill(title);
  const day = todayIn(zone);
  await dialog.getByLabel('Start').fill(`${day}T10:00`);
  await dialog.getByLabel('End').fill(`${day}T11:00`);
  await dialog.getByRole('textbox', { name: 'Location' }).fill('Video call');
  // Related to is the deal already.
  await expect(dialog.getByRole('combobox', { name: 'Record' })).toHaveValue(`Calendar deal ${RUN}`);
  await dialog.getByRole('combobox', { name: 'Contact to invite' }).fill(`Meeting${RUN}`);
  await page.getByRole('option', { name: contactName }).click();
  await expect(dialog.getByRole('list', { name: 'Chosen participants' })).toContainText(contactName);
  await dialog.getByRole('button', { name: 'Save and send invitations' }).click();
  await expect(dialog).toBeHidden();

  // The meeting exists, about the deal, with the contact invited.
  const list = await (
    await page.request.get(
      `/api/v1/records/events?filter=${encodeURIComponent(JSON.stringify({ field: 'title', op: 'eq', value: title }))}`,
    )
  ).json();
  expect(list.data).toHaveLength(1);
  const event = list.data[0];
  expect(event.relatedTo).toMatchObject({ module: 'deals', id: dealId });
  expect(event.participants).toEqual([expect.objectContaining({ type: 'contact', id: contactId, status: 'needsAction' })]);
  const start = Date.parse(event.startAt);
  expect(Date.parse(event.endAt) - start).toBe(3_600_000);

  // Its page shows the participant and their answer.
  await page.goto(`/m/events/${event.id}`);
  const statuses = page.getByRole('region', { name: 'Participants and answers' });
  await expect(statuses.getByRole('row', { name: new RegExp(contactName) })).toContainText('No answer yet');

  // The calendar, from the navigation: the week view shows it.
  await page.getByRole('navigation').getByRole('link', { name: 'Calendar' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Calendar' })).toBeVisible();
  const item = page.getByRole('button', { name: new RegExp(`^10:00 – 11:00 ${title}$`) });
  await expect(item).toBeVisible({ timeout: 30_000 });
  await page.mouse.move(0, 0);
  // The shell's header is checked by a11y.spec.ts; this page's own content is checked here.
  expect(await seriousA11yViolations(page, ['header'])).toEqual([]);

  // Drag it three hours later (to 13:00), within the same day's column.
  const slot10 = page.locator('[data-time="10:00:00"]').first();
  const slot13 = page.locator('[data-time="13:00:00"]').first();
  await page.locator('[data-time="15:00:00"]').first().scrollIntoViewIfNeeded();
  const box = await item.boundingBox();
  const y10 = (await slot10.boundingBox())?.y ?? 0;
  const y13 = (await slot13.boundingBox())?.y ?? 0;
  expect(box && y13 > y10).toBeTruthy();
  if (!box) return;
  const x = box.x + box.width / 2;
  const y = box.y + 5;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x, y + 10, { steps: 5 });
  await page.mouse.move(x, y + (y13 - y10), { steps: 15 });
  await page.mouse.up();
  await expect(page.getByText(`“${title}” was moved.`)).toBeVisible();

  const moved = (await (await page.request.get(`/api/v1/records/events/${event.id}`)).json()).data;
  expect(Date.parse(moved.startAt) - start).toBe(3 * 3_600_000);
  expect(Date.parse(moved.endAt) - Date.parse(moved.startAt)).toBe(3_600_000);
  await expect(page.getByRole('button', { name: new RegExp(`^1:00 – 2:00 ${title}$`) })).toBeVisible();
});

test('a move the server refuses puts the meeting back and says why', async ({ page, signIn }) => {
  await signIn();
  const zone = ((await (await page.request.get('/api/v1/me')).json()).user as { timeZone: string }).timeZone;
  const day = todayIn(zone);
  const title = `Stale ${RUN}`;
  const startAt = fromZonedInput(`${day}T15:00`, zone) as string;
  const endAt = fromZonedInput(`${day}T16:00`, zone) as string;
  const id = await create(page, 'events', { title, startAt, endAt });
  await page.goto('/calendar');
  const item = page.getByRole('button', { name: new RegExp(`^3:00 – 4:00 ${title}$`) });
  await expect(item).toBeVisible({ timeout: 30_000 });
  // Someone else changes the meeting meanwhile: the calendar's copy is now stale.
  const changed = await page.request.patch(`/api/v1/records/events/${id}`, { data: { data: { location: 'Elsewhere' } } });
  expect(changed.status()).toBe(200);

  await page.locator('[data-time="18:00:00"]').first().scrollIntoViewIfNeeded();
  const box = await item.boundingBox();
  const y15 = (await page.locator('[data-time="15:00:00"]').first().boundingBox())?.y ?? 0;
  const y17 = (await page.locator('[data-time="17:00:00"]').first().boundingBox())?.y ?? 0;
  if (!box) throw new Error('the meeting is not on the calendar');
  const x = box.x + box.width / 2;
  const y = box.y + 5;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x, y + 10, { steps: 5 });
  await page.mouse.move(x, y + (y17 - y15), { steps: 15 });
  await page.mouse.up();

  await expect(page.getByText('It could not be moved')).toBeVisible();
  await expect(page.getByText('Someone else changed this record. Reload it and try again.')).toBeVisible();
  // Back where it was, on the page and on the server.
  await expect(page.getByRole('button', { name: new RegExp(`^3:00 – 4:00 ${title}$`) })).toBeVisible();
  const stored = (await (await page.request.get(`/api/v1/records/events/${id}`)).json()).data;
  expect(Date.parse(stored.startAt)).toBe(Date.parse(startAt));
  expect(stored.location).toBe('Elsewhere');
});

test('the private iCalendar feed is made, served and revoked from the calendar page', async ({ page, signIn }) => {
  await signIn();
  await page.goto('/calendar');
  const feed = page.getByRole('region', { name: 'Subscribe from another calendar' });
  // Start from no feed.
  await page.request.delete('/api/v1/calendar/feed');
  await page.reload();
  await feed.getByRole('button', { name: 'Create a feed address' }).click();
  const address = feed.getByLabel('Feed address', { exact: true });
  await expect(address).toBeVisible();
  const url = (await address.textContent())?.trim() ?? '';
  const path = new URL(url).pathname;
  expect(path).toMatch(/^\/api\/v1\/calendar\/feed\/[A-Za-z0-9_-]+\.ics$/);
  const served = await page.request.get(path);
  expect(served.status()).toBe(200);
  expect(served.headers()['content-type']).toContain('text/calendar');
  expect(await served.text()).toContain('BEGIN:VCALENDAR');

  await feed.getByRole('button', { name: 'Revoke' }).click();
  const confirm = page.getByRole('dialog', { name: 'Revoke the feed address?' });
  await confirm.getByRole('button', { name: 'Revoke' }).click();
  await expect(feed.getByRole('button', { name: 'Create a feed address' })).toBeVisible();
  expect((await page.request.get(path)).status()).toBe(404);
});
