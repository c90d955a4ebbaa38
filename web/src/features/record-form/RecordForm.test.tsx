import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { mockApi } from '../../test/api-mock';
import { renderInApp } from '../../test/render';
import { RecordForm } from './RecordForm';
import { THING_FIELDS, THING_LAYOUTS, THINGS } from './test-module';

const ME = {
  id: 'u1',
  email: 'me@example.com',
  name: 'Me',
  role: null,
  profile: 'Administrator',
  active: true,
  timeZone: 'UTC',
  locale: 'en',
  createdAt: '2026-01-01T00:00:00Z',
};

function api(extra: Record<string, Parameters<typeof mockApi>[0][string]> = {}) {
  return mockApi({
    'GET /me': () => ({ user: ME }),
    'GET /settings/organization': () => ({ data: { name: 'Org', timeZone: 'UTC', currency: 'EUR', locale: 'en' } }),
    'GET /modules': () => ({
      data: [
        THINGS,
        { ...THINGS, apiName: 'accounts', label: 'Accounts', singularLabel: 'Account', custom: false },
        { ...THINGS, apiName: 'deals', label: 'Deals', singularLabel: 'Deal', custom: false },
      ],
    }),
    'GET /modules/things/fields': () => ({ data: THING_FIELDS }),
    'GET /modules/things/layouts': () => ({ data: THING_LAYOUTS }),
    'GET /users': () => ({
      data: [ME, { ...ME, id: 'u2', name: 'Rita Reviewer', email: 'rita@example.com' }, { ...ME, id: 'u3', name: 'Gone', active: false }],
    }),
    ...extra,
  });
}

async function renderForm(onCreated = vi.fn()) {
  const r = renderInApp(<RecordForm module={THINGS} onCreated={onCreated} />);
  await screen.findByRole('textbox', { name: 'Name' });
  return { ...r, onCreated };
}

describe('the generated create form', () => {
  it('has a visible label bound to an input for every editable field, by type', async () => {
    api();
    await renderForm();
    for (const name of ['Name', 'Email', 'Phone', 'Website', 'Notes', 'Quantity', 'Budget', 'Share', 'Due On', 'Starts At']) {
      expect(screen.getByLabelText(name, { exact: false, selector: 'input, textarea' })).toBeInTheDocument();
    }
    expect(screen.getByRole('textbox', { name: 'Email' })).toHaveAttribute('type', 'email');
    expect(screen.getByRole('textbox', { name: 'Phone' })).toHaveAttribute('type', 'tel');
    expect(screen.getByLabelText('Due On', { exact: false })).toHaveAttribute('type', 'date');
    expect(screen.getByLabelText('Starts At', { exact: false })).toHaveAttribute('type', 'datetime-local');
    expect(screen.getByRole('checkbox', { name: 'Active' })).not.toBeChecked();
    for (const name of ['Status', 'Account', 'Reviewer', 'Module', 'Record'])
      expect(screen.getByRole('combobox', { name })).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Place' })).toBeInTheDocument();
    expect(within(screen.getByRole('group', { name: 'Place' })).getByRole('textbox', { name: 'City' })).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'About' })).toBeInTheDocument();
    // Read-only, formula and system fields are not offered.
    expect(screen.queryByLabelText('Score')).toBeNull();
    expect(screen.queryByLabelText('Total')).toBeNull();
    expect(screen.queryByLabelText('Owner')).toBeNull();
    // The currency input shows the organisation's currency.
    expect(await screen.findByText('€')).toBeInTheDocument();
  });

  it('marks required fields and reports an empty one on its field without sending anything', async () => {
    const mock = api();
    const { user } = await renderForm();
    const name = screen.getByRole('textbox', { name: 'Name' });
    expect(name).toBeRequired();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(name).toHaveAccessibleDescription('This field is required.');
    expect(mock.requests.some((r) => r.method === 'POST')).toBe(false);
  });

  it('shows a server validation error on the field named by details.field', async () => {
    api({
      'POST /records/things': () => ({
        status: 400,
        body: {
          data: [{ status: 'error', code: 'INVALID_DATA', message: "'email' must be an email address", details: { field: 'email' } }],
        },
      }),
    });
    const { user, onCreated } = await renderForm();
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Widget');
    await user.type(screen.getByRole('textbox', { name: 'Email' }), 'nope');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const email = screen.getByRole('textbox', { name: 'Email' });
    await waitFor(() => expect(email).toHaveAttribute('aria-invalid', 'true'));
    expect(email).toHaveAccessibleDescription("'email' must be an email address");
    expect(onCreated).not.toHaveBeenCalled();
  });

  it('finds a lookup record by typing, picks a user and a picklist option, and sends the record', async () => {
    const mock = api({
      'GET /search': ({ url }) => ({
        data:
          url.searchParams.get('modules') === 'accounts' && url.searchParams.get('q')?.startsWith('Acm')
            ? [{ module: 'accounts', id: 'a1', name: 'Acme Corp' }]
            : [],
      }),
      'POST /records/things': ({ body }) => ({
        status: 201,
        body: { data: [{ status: 'success', id: 't1', record: { id: 't1', version: 1, ...(body as { data: object[] }).data[0] } }] },
      }),
    });
    const { user, onCreated } = await renderForm();
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Widget');
    await user.type(screen.getByRole('combobox', { name: 'Account' }), 'Acm');
    await user.click(await screen.findByRole('option', { name: 'Acme Corp' }));
    await user.click(screen.getByRole('combobox', { name: 'Reviewer' }));
    expect(screen.queryByRole('option', { name: 'Gone' })).toBeNull();
    await user.click(await screen.findByRole('option', { name: 'Rita Reviewer' }));
    await user.click(screen.getByRole('combobox', { name: 'Status' }));
    expect(screen.queryByRole('option', { name: 'Old' })).toBeNull();
    await user.click(await screen.findByRole('option', { name: 'Closed' }));
    await user.type(screen.getByRole('textbox', { name: 'Budget' }), '99.5');
    await user.click(screen.getByRole('checkbox', { name: 'Active' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(onCreated).toHaveBeenCalled());
    const post = mock.requests.find((r) => r.method === 'POST')!;
    expect(post.url.pathname).toBe('/api/v1/records/things');
    expect(post.body).toEqual({ data: [{ name: 'Widget', status: 'Closed', account: 'a1', reviewer: 'u2', budget: 99.5, active: true }] });
    expect(mock.unhandled).toEqual([]);
  });
});
