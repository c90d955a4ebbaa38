import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { Field } from '../../api/types';
import { mockApi } from '../../test/api-mock';
import { renderInApp } from '../../test/render';
import { FieldInput } from './FieldInput';
import { emptyValue, toPayload } from './form-model';

/**
 * Each field input on its own, as a person uses it, checked by what the form would send
 * (toPayload). RecordForm.test.tsx covers the labels of every type, lookups and the whole form.
 */
const field = (apiName: string, label: string, type: Field['type'], extra: Partial<Field> = {}): Field => ({
  apiName,
  label,
  type,
  required: false,
  unique: false,
  readOnly: false,
  custom: false,
  system: false,
  ...extra,
});

const ME = {
  id: 'u1',
  email: 'me@example.com',
  name: 'Mia Manager',
  role: null,
  profile: 'Standard',
  active: true,
  timeZone: 'UTC',
  locale: 'en',
  createdAt: '2026-01-01T00:00:00Z',
};

function api() {
  return mockApi({
    'GET /me': () => ({ user: ME }),
    'GET /settings/organization': () => ({ data: { name: 'Org', timeZone: 'UTC', currency: 'EUR', locale: 'en' } }),
    'GET /users': () => ({ data: [ME, { ...ME, id: 'u2', name: 'Rita Reviewer' }, { ...ME, id: 'u3', name: 'Gone Away', active: false }] }),
    'GET /search': ({ url }) => ({
      data:
        url.searchParams.get('modules') === 'contacts' && url.searchParams.get('q')?.startsWith('Ali')
          ? [{ module: 'contacts', id: 'c1', name: 'Alice Archer' }]
          : url.searchParams.get('modules') === 'leads' && url.searchParams.get('q')?.startsWith('Bo')
            ? [{ module: 'leads', id: 'l1', name: 'Bob Builder' }]
            : [],
    }),
  });
}

function Harness({ f, initial, onValue }: { f: Field; initial: unknown; onValue: (v: unknown) => void }) {
  const [value, setValue] = useState<unknown>(initial);
  return (
    <FieldInput
      module="events"
      field={f}
      value={value}
      onChange={(v) => {
        onValue(v);
        setValue(v);
      }}
    />
  );
}

/** Renders one input with a form's state and returns what the form would send. */
function renderInput(f: Field, initial: unknown = emptyValue(f)) {
  api();
  let current: unknown = initial;
  renderInApp(
    <Harness
      f={f}
      initial={initial}
      onValue={(v) => {
        current = v;
      }}
    />,
  );
  return { user: userEvent.setup(), sent: () => toPayload([f], { [f.apiName]: current })[f.apiName] };
}

describe('field inputs', () => {
  const participants = field('participants', 'Participants', 'participants');

  it('participants: contacts and leads chosen by name', async () => {
    const { user, sent } = renderInput(participants);
    const group = await screen.findByRole('group', { name: 'Participants' });
    await user.type(within(group).getByRole('combobox', { name: 'Contact to invite' }), 'Ali');
    await user.click(await screen.findByRole('option', { name: 'Alice Archer' }));
    await user.click(within(group).getByRole('combobox', { name: 'Participant type' }));
    await user.click(await screen.findByRole('option', { name: 'Lead' }));
    await user.type(within(group).getByRole('combobox', { name: 'Lead to invite' }), 'Bo');
    await user.click(await screen.findByRole('option', { name: 'Bob Builder' }));
    expect(sent()).toEqual([
      { type: 'contact', id: 'c1' },
      { type: 'lead', id: 'l1' },
    ]);
    await user.click(within(group).getByRole('button', { name: 'Remove Alice Archer' }));
    expect(sent()).toEqual([{ type: 'lead', id: 'l1' }]);
  });

  it('participants: active users and plain addresses, a bad address refused', async () => {
    const { user, sent } = renderInput(participants, [{ type: 'contact', id: 'c1', label: 'Alice Archer' }]);
    const group = await screen.findByRole('group', { name: 'Participants' });
    await user.click(within(group).getByRole('combobox', { name: 'Participant type' }));
    await user.click(await screen.findByRole('option', { name: 'User' }));
    await user.click(within(group).getByRole('combobox', { name: 'User to invite' }));
    expect((await screen.findAllByRole('option')).map((o) => o.textContent)).toEqual(['Mia Manager', 'Rita Reviewer']);
    await user.click(screen.getByRole('option', { name: 'Rita Reviewer' }));
    await user.click(within(group).getByRole('combobox', { name: 'Participant type' }));
    await user.click(await screen.findByRole('option', { name: 'Email address' }));
    const address = within(group).getByRole('textbox', { name: 'Email address to invite' });
    await user.type(address, 'nope{Enter}');
    expect(await within(group).findByText('Enter an email address')).toBeInTheDocument();
    await user.clear(address);
    await user.type(address, 'guest@example.org{Enter}');
    expect(sent()).toEqual([{ type: 'contact', id: 'c1' }, { type: 'user', id: 'u2' }, { email: 'guest@example.org' }]);
  });

  it('multiselect: several options, sent as an array', async () => {
    const f = field('tags', 'Tags', 'multiselect', { options: ['Hot', 'Cold', 'Warm'].map((v) => ({ value: v, label: v })) });
    const { user, sent } = renderInput(f);
    await user.click(await screen.findByRole('combobox', { name: 'Tags' }));
    await user.click(await screen.findByRole('option', { name: 'Warm' }));
    await user.click(await screen.findByRole('option', { name: 'Hot' }));
    expect(sent()).toEqual(['Warm', 'Hot']);
  });

  it('numbers: integer, decimal, currency with its symbol, percent', async () => {
    const cases: [Field, string, number][] = [
      [field('employees', 'Employees', 'integer'), '1200', 1200],
      [field('ratio', 'Ratio', 'decimal', { decimals: 3 }), '2.125', 2.125],
      [field('amount', 'Amount', 'currency'), '99.5', 99.5],
      [field('probability', 'Probability', 'percent'), '40', 40],
    ];
    for (const [f, typed, expected] of cases) {
      const { user, sent } = renderInput(f);
      const input = await screen.findByRole('textbox', { name: f.label });
      await user.type(input, typed);
      expect(sent(), f.type).toBe(expected);
      if (f.type === 'currency') expect(screen.getByText('€')).toBeInTheDocument();
      if (f.type === 'percent') expect(screen.getByText('%')).toBeInTheDocument();
      document.body.innerHTML = '';
    }
  });

  it('text kinds: email, phone and url use their input types; a checkbox sends true or false', async () => {
    for (const [type, inputType] of [
      ['email', 'email'],
      ['phone', 'tel'],
      ['url', 'url'],
    ] as const) {
      renderInput(field(type, `My ${type}`, type));
      expect(await screen.findByRole('textbox', { name: `My ${type}` })).toHaveAttribute('type', inputType);
      document.body.innerHTML = '';
    }
    const { user, sent } = renderInput(field('vip', 'VIP', 'boolean'));
    expect(sent()).toBe(false);
    await user.click(await screen.findByRole('checkbox', { name: 'VIP' }));
    expect(sent()).toBe(true);
  });

  it('user: active users only; date: an ISO day', async () => {
    const { user, sent } = renderInput(field('reviewer', 'Reviewer', 'user'));
    await user.click(await screen.findByRole('combobox', { name: 'Reviewer' }));
    expect((await screen.findAllByRole('option')).map((o) => o.textContent)).toEqual(['Mia Manager', 'Rita Reviewer']);
    await user.click(screen.getByRole('option', { name: 'Mia Manager' }));
    expect(sent()).toBe('u1');
    document.body.innerHTML = '';
    const day = renderInput(field('dueOn', 'Due On', 'date'));
    const input = await screen.findByLabelText('Due On');
    expect(input).toHaveAttribute('type', 'date');
    await day.user.type(input, '2026-05-04');
    expect(day.sent()).toBe('2026-05-04');
  });
});
