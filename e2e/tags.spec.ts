import { expect, test } from './support/fixtures';

const RUN = Date.now().toString(36);

test('tags: an addTag rule made in Settings › Automation, tested dry, then tagging a lead typed in the form', async ({ page, signIn }) => {
  await signIn();
  const surname = `Tagged${RUN}`;
  const tag = `VIP${RUN}`;
  // A lead to test the rule against, already holding the tag in another case.
  const made = await page.request.post('/api/v1/records/leads', { data: { data: [{ lastName: surname, tags: [tag.toLowerCase()] }] } });
  expect(made.status()).toBe(201);

  await page.goto('/settings/automation?tab=workflow');
  await page.getByRole('link', { name: 'New workflow rule' }).click();
  const ruleName = `Tag ${RUN}`;
  await page.getByRole('textbox', { name: 'Rule name' }).fill(ruleName);
  const condition = page.getByRole('group', { name: 'Rule condition 1' });
  await condition.getByRole('button', { name: 'Add condition' }).click();
  const row = condition.getByRole('group', { name: 'Condition 1' });
  await row.getByRole('combobox', { name: 'Field' }).click();
  await page.getByRole('option', { name: 'Last Name', exact: true }).click();
  await row.getByRole('textbox', { name: 'Value' }).fill(surname);
  const action = condition.getByRole('group', { name: 'Action 1' });
  await action.getByRole('combobox', { name: 'Action' }).click();
  await page.getByRole('option', { name: 'Add a tag' }).click();
  await action.getByRole('textbox', { name: 'Tag to add' }).fill(tag);

  const tester = page.getByRole('region', { name: 'Test this rule' });
  await tester.getByLabel('Record to test against').fill(surname);
  await page.getByRole('option', { name: surname }).click();
  await tester.getByRole('button', { name: 'Test this rule' }).click();
  await expect(tester.getByText(`Tag “${tag}” is already present: nothing would change`)).toBeVisible();
  await page.getByRole('button', { name: 'Save rule' }).click();
  await expect(page.getByRole('heading', { level: 2, name: `Workflow rule: ${ruleName}` })).toBeVisible();

  // A new lead typed in the form with a tag of its own gets the rule's tag too.
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Lead' }).click();
  const form = page.getByRole('dialog', { name: 'New lead' });
  await form.getByLabel('Last Name').fill(surname);
  const tags = form.getByRole('combobox', { name: 'Tags' });
  await tags.fill('Partner');
  await tags.press('Enter');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: surname })).toBeVisible();
  const leadApi = page.url().replace('/m/leads/', '/api/v1/records/leads/');
  await expect.poll(async () => (await (await page.request.get(leadApi)).json()).data.tags, { timeout: 30_000 }).toEqual(['Partner', tag]);
  await page.reload();
  await expect(page.getByText(tag, { exact: true }).first()).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText('Partner', { exact: true }).first()).toBeVisible();

  // The rule no longer runs once switched off (other specs make leads too).
  const rules = (await (await page.request.get('/api/v1/automation/workflow-rules')).json()).data as { id: string; name: string }[];
  const id = rules.find((r) => r.name === ruleName)?.id;
  expect((await page.request.patch(`/api/v1/automation/workflow-rules/${id}`, { data: { active: false } })).status()).toBe(200);
});
