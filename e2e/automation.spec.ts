import { ADMIN, expect, seriousA11yViolations, test } from './support/fixtures';

const RUN = Date.now().toString(36);

test('a workflow rule made in Settings › Automation with the filter builder, tested dry, then run for a new lead', async ({
  page,
  signIn,
}) => {
  await signIn();
  // A lead to test the rule against (it is not touched by the dry run).
  const existing = `Dry${RUN}`;
  const made = await page.request.post('/api/v1/records/leads', { data: { data: [{ lastName: existing, rating: 'Hot' }] } });
  expect(made.status()).toBe(201);
  const existingId = (await made.json()).data[0].id as string;

  await page.goto('/');
  await page.getByRole('button', { name: `Account menu of ${ADMIN.name}` }).click();
  await page.getByRole('menuitem', { name: 'Settings' }).click();
  await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Automation' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Automation' })).toBeVisible();
  await page.getByRole('link', { name: 'New workflow rule' }).click();

  const ruleName = `Hot lead ${RUN}`;
  await page.getByRole('textbox', { name: 'Rule name' }).fill(ruleName);
  // Criteria: Rating is Hot, with the list views' filter builder.
  const condition = page.getByRole('group', { name: 'Rule condition 1' });
  await condition.getByRole('button', { name: 'Add condition' }).click();
  const row = condition.getByRole('group', { name: 'Condition 1' });
  await row.getByRole('combobox', { name: 'Field' }).click();
  await page.getByRole('option', { name: 'Rating', exact: true }).click();
  await row.getByRole('combobox', { name: 'Value' }).click();
  await page.getByRole('option', { name: 'Hot', exact: true }).click();
  // Action 1: Lead Status → Contacted.
  const action1 = condition.getByRole('group', { name: 'Action 1' });
  await action1.getByRole('combobox', { name: 'Field' }).click();
  await page.getByRole('option', { name: 'Lead Status', exact: true }).click();
  await action1.getByRole('combobox', { name: 'New value' }).click();
  await page.getByRole('option', { name: 'Contacted', exact: true }).click();
  // Action 2: a task for the owner, due in 2 days.
  await condition.getByRole('button', { name: 'Add action' }).click();
  const action2 = condition.getByRole('group', { name: 'Action 2' });
  await expect(action2.getByRole('combobox', { name: 'Action' })).toHaveValue('Create a task');
  await action2.getByRole('textbox', { name: 'Task subject' }).fill('Call {{lastName}}');
  await action2.getByRole('textbox', { name: 'Due in days' }).fill('2');

  // Test it dry against the existing lead: it shows what would happen, and nothing happens.
  const tester = page.getByRole('region', { name: 'Test this rule' });
  await tester.getByLabel('Record to test against').fill(existing);
  await page.getByRole('option', { name: existing }).click();
  await tester.getByRole('button', { name: 'Test this rule' }).click();
  await expect(tester.getByText(`Condition 1 matches “${existing}”.`)).toBeVisible();
  await expect(tester.getByText('leadStatus: New → Contacted')).toBeVisible();
  await expect(tester.getByText(new RegExp(`Task “Call ${existing}” for ${ADMIN.name}`))).toBeVisible();
  await expect(tester.getByText('This was a dry run: nothing was done.')).toBeVisible();
  // The header belongs to the shell (its notifications bell has its own finding): scan the page.
  expect(await seriousA11yViolations(page, ['header']), 'workflow editor').toEqual([]);

  await page.getByRole('button', { name: 'Save rule' }).click();
  await expect(page.getByRole('heading', { level: 2, name: `Workflow rule: ${ruleName}` })).toBeVisible();
  const untouched = await (await page.request.get(`/api/v1/records/leads/${existingId}`)).json();
  expect(untouched.data.leadStatus).toBe('New');
  expect(untouched.data.version).toBe(1);

  // A matching lead made in the create form gets the rule's field update and task.
  const surname = `Hot${RUN}`;
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Lead' }).click();
  const form = page.getByRole('dialog', { name: 'New lead' });
  await form.getByLabel('Last Name').fill(surname);
  await form.getByRole('combobox', { name: 'Rating' }).click();
  await page.getByRole('option', { name: 'Hot', exact: true }).click();
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: surname })).toBeVisible();
  const leadUrl = page.url();
  const leadApi = leadUrl.replace('/m/leads/', '/api/v1/records/leads/');
  // The rule runs in the background: wait for it, then see the result on the page.
  await expect.poll(async () => (await (await page.request.get(leadApi)).json()).data.leadStatus, { timeout: 30_000 }).toBe('Contacted');
  await page.reload();
  await expect(page.getByText('Contacted', { exact: true }).first()).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText(`Call ${surname}`).first()).toBeVisible({ timeout: 20_000 });

  // The run is in the rule's execution log with each action done.
  await page.goto('/settings/automation?tab=workflow');
  await page.getByRole('link', { name: ruleName }).click();
  const log = page.getByRole('table', { name: 'Execution log' });
  await expect(log.getByRole('row')).toHaveCount(2);
  await expect(log.getByText('Update a field:')).toBeVisible();
  await expect(log.getByText('Done')).toHaveCount(2);
  await log.getByRole('link', { name: 'Open record' }).click();
  await expect(page).toHaveURL(leadUrl);

  // Switched off from the list, the rule stays but no longer runs.
  await page.goto('/settings/automation?tab=workflow');
  const toggle = page.getByRole('switch', { name: `${ruleName} is active` });
  await toggle.click({ force: true });
  await expect(toggle).not.toBeChecked();
  await expect
    .poll(
      async () =>
        (await (await page.request.get('/api/v1/automation/workflow-rules')).json()).data.find((r: { name: string }) => r.name === ruleName)
          .active,
    )
    .toBe(false);
});

test('automatic tasks for a deal entering a stage, and the jobs page', async ({ page, signIn }) => {
  await signIn();
  await page.goto('/settings/automation?tab=automatic-tasks');
  await page.getByRole('link', { name: 'New automatic tasks' }).click();
  const name = `Won tasks ${RUN}`;
  await page.getByRole('textbox', { name: 'Rule name' }).fill(name);
  await page.getByRole('combobox', { name: 'Event' }).click();
  await page.getByRole('option', { name: 'The deal enters a stage' }).click();
  await page.getByRole('combobox', { name: 'Stage' }).click();
  await page.getByRole('option', { name: 'Won', exact: true }).click();
  await page.getByRole('group', { name: 'Task 1' }).getByRole('textbox', { name: 'Task subject' }).fill('Send the invoice');
  await page.getByRole('group', { name: 'Task 1' }).getByRole('textbox', { name: 'Due in days' }).fill('3');
  await page.getByRole('button', { name: 'Save rule' }).click();
  await expect(page.getByRole('link', { name })).toBeVisible();
  // Automatic tasks are workflow rules, listed apart.
  await page.getByRole('tab', { name: 'Workflow rules' }).click();
  await expect(page.getByRole('link', { name })).toHaveCount(0);

  const deal = await page.request.post('/api/v1/records/deals', {
    data: { data: [{ dealName: `Deal ${RUN}`, stage: 'Qualification', closingDate: '2030-01-01' }] },
  });
  const dealId = (await deal.json()).data[0].id as string;
  expect((await page.request.patch(`/api/v1/records/deals/${dealId}`, { data: { data: { stage: 'Won' } } })).status()).toBe(200);
  await expect
    .poll(
      async () =>
        (await (await page.request.get(`/api/v1/records/deals/${dealId}/related/tasks`)).json()).data.map(
          (t: { subject: string }) => t.subject,
        ),
      { timeout: 20_000 },
    )
    .toEqual(['Send the invoice']);

  await page.goto('/settings/jobs');
  await expect(page.getByRole('heading', { level: 2, name: 'Background jobs' })).toBeVisible();
  await page.getByText('Pending', { exact: true }).click();
  await expect(page.getByRole('radio', { name: 'Pending' })).toBeChecked();
  await expect(page.getByRole('table', { name: 'Background jobs' }).or(page.getByText('No jobs here.'))).toBeVisible();
  expect(await seriousA11yViolations(page, ['header']), 'jobs page').toEqual([]);
});
