import { screen, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { Field } from '../../api/types';
import { mockApi } from '../../test/api-mock';
import { renderInApp } from '../../test/render';
import { FilterBuilder } from './FilterBuilder';
import { emptyGroup, type FilterGroup, fromApiFilter, toApiFilter } from './filter-model';
import { kindOfField, OPS_BY_KIND, operatorsFor } from './operators';

const f = (apiName: string, label: string, type: Field['type'], extra: Partial<Field> = {}): Field => ({
  apiName,
  label,
  type,
  required: false,
  unique: false,
  readOnly: false,
  custom: true,
  system: false,
  ...extra,
});

const FIELDS: Field[] = [
  f('company', 'Company', 'text'),
  f('status', 'Status', 'picklist', {
    options: [
      { value: 'New', label: 'New' },
      { value: 'Working', label: 'Working' },
    ],
  }),
  f('revenue', 'Revenue', 'currency'),
  f('dueOn', 'Due On', 'date'),
  f('startsAt', 'Starts At', 'datetime'),
  f('vip', 'VIP', 'boolean'),
  f('owner', 'Owner', 'user'),
  f('account', 'Account', 'lookup', { lookupModule: 'accounts' }),
  f('tags', 'Tags', 'multiselect', { options: [{ value: 'a', label: 'A' }] }),
  f('address', 'Address', 'address'),
];

let latest: FilterGroup = emptyGroup();
function Harness({ initial }: { initial?: FilterGroup }) {
  const [value, setValue] = useState<FilterGroup>(initial ?? emptyGroup());
  latest = value;
  return (
    <FilterBuilder
      module="things"
      fields={FIELDS}
      value={value}
      onChange={(v) => {
        latest = v;
        setValue(v);
      }}
    />
  );
}

const ACCOUNTS = {
  apiName: 'accounts',
  label: 'Accounts',
  singularLabel: 'Account',
  custom: false,
  hidden: false,
  recordName: { fields: ['accountName'], mode: 'first' },
};

function setup(initial?: FilterGroup) {
  mockApi({
    'GET /users': () => ({ data: [{ id: 'u1', name: 'Rita Reviewer' }] }),
    'GET /modules': () => ({ data: [ACCOUNTS] }),
    'GET /search': ({ url }) => ({
      data:
        url.searchParams.get('modules') === 'accounts' && url.searchParams.get('q')?.startsWith('Glo')
          ? [
              { module: 'accounts', id: 'acc1', name: 'Globex' },
              { module: 'accounts', id: 'acc2', name: 'Global Dynamics' },
            ]
          : [],
    }),
    'GET /records/accounts/acc9': () => ({ data: { id: 'acc9', version: 1, accountName: 'Initech' } }),
  });
  latest = initial ?? emptyGroup();
  return renderInApp(<Harness initial={initial} />);
}

async function pick(user: ReturnType<typeof setup>['user'], scope: HTMLElement, label: string, option: string) {
  await user.click(within(scope).getByRole('combobox', { name: label }));
  await user.click(await screen.findByRole('option', { name: option }));
}

const row = (n: string) => screen.getByRole('group', { name: `Condition ${n}` });

describe('operators per field kind (mirrors server/src/filters/operators.ts)', () => {
  it('maps every field type to the server kind and its operators', () => {
    expect(kindOfField({ type: 'text' })).toBe('text');
    expect(kindOfField({ type: 'email' })).toBe('text');
    expect(kindOfField({ type: 'picklist' })).toBe('picklist');
    expect(kindOfField({ type: 'currency' })).toBe('number');
    expect(kindOfField({ type: 'autonumber' })).toBe('number');
    expect(kindOfField({ type: 'date' })).toBe('date');
    expect(kindOfField({ type: 'datetime' })).toBe('datetime');
    expect(kindOfField({ type: 'boolean' })).toBe('boolean');
    expect(kindOfField({ type: 'user' })).toBe('ref');
    expect(kindOfField({ type: 'lookup' })).toBe('ref');
    expect(kindOfField({ type: 'multiselect' })).toBe('multi');
    expect(kindOfField({ type: 'address' })).toBe('opaque');
    expect(operatorsFor({ type: 'boolean' })).toEqual(['eq', 'neq']);
    expect(operatorsFor({ type: 'picklist' })).not.toContain('lt');
    expect(operatorsFor({ type: 'date' })).toContain('lastNDays');
    expect(operatorsFor({ type: 'integer' })).not.toContain('contains');
    expect(OPS_BY_KIND.multi).toEqual(['includesAny', 'includesAll', 'isEmpty', 'isNotEmpty']);
  });
});

describe('FilterBuilder', () => {
  it.each([
    ['Company', ['is', 'is not', 'is any of', 'is none of', 'less than', 'contains', 'starts with', 'is empty']],
    ['Status', ['is', 'is any of', 'contains', 'is empty', 'is not empty']],
    ['Revenue', ['is', 'less than', 'at least', 'between', 'is empty']],
    ['Due On', ['is', 'between', 'today', 'this quarter', 'in the last N days', 'older than N days']],
    ['VIP', ['is', 'is not']],
    ['Owner', ['is', 'is any of', 'is empty']],
    ['Tags', ['includes any of', 'includes all of', 'is empty', 'is not empty']],
    ['Address', ['is empty', 'is not empty']],
  ])('offers the operators that fit %s', async (label, expected) => {
    const { user } = setup();
    await user.click(screen.getByRole('button', { name: 'Add condition' }));
    await pick(user, row('1'), 'Field', label);
    await user.click(within(row('1')).getByRole('combobox', { name: 'Operator' }));
    const names = (await screen.findAllByRole('option')).map((o) => o.textContent);
    for (const op of expected) expect(names).toContain(op);
    const field = FIELDS.find((x) => x.label === label) as Field;
    expect(names).toHaveLength(operatorsFor(field).length);
  });

  it('shows the value input that fits the field and operator', async () => {
    const { user } = setup();
    await user.click(screen.getByRole('button', { name: 'Add condition' }));
    const r = row('1');
    await pick(user, r, 'Field', 'Due On');
    expect(within(r).getByLabelText('Value')).toHaveAttribute('type', 'date');
    await pick(user, r, 'Operator', 'between');
    expect(within(r).getByLabelText('From')).toHaveAttribute('type', 'date');
    expect(within(r).getByLabelText('To')).toHaveAttribute('type', 'date');
    await pick(user, r, 'Operator', 'in the last N days');
    expect(within(r).getByLabelText('Days')).toBeInTheDocument();
    await pick(user, r, 'Operator', 'today');
    expect(within(r).queryByLabelText('Value')).toBeNull();
    expect(toApiFilter(latest)).toEqual({ field: 'dueOn', op: 'today' });

    await pick(user, r, 'Field', 'Starts At');
    expect(within(r).getByLabelText('Value')).toHaveAttribute('type', 'datetime-local');
    await pick(user, r, 'Field', 'VIP');
    expect(within(r).getByRole('combobox', { name: 'Value' })).toBeInTheDocument();
    await pick(user, r, 'Field', 'Address');
    expect(within(r).queryByLabelText('Value')).toBeNull();
  });

  it('writes a picklist condition as the exact API JSON', async () => {
    const { user } = setup();
    await user.click(screen.getByRole('button', { name: 'Add condition' }));
    await pick(user, row('1'), 'Field', 'Status');
    expect(toApiFilter(latest)).toBeUndefined(); // no value yet: left out
    await pick(user, row('1'), 'Value', 'Working');
    expect(toApiFilter(latest)).toEqual({ field: 'status', op: 'eq', value: 'Working' });
  });

  it('writes numbers, ranges, relative days, booleans and $me', async () => {
    const { user } = setup();
    for (let i = 0; i < 4; i++) await user.click(screen.getByRole('button', { name: 'Add condition' }));
    await pick(user, row('1'), 'Field', 'Revenue');
    await pick(user, row('1'), 'Operator', 'between');
    await user.type(within(row('1')).getByLabelText('From'), '1000');
    await user.type(within(row('1')).getByLabelText('To'), '5000');
    await pick(user, row('2'), 'Field', 'Due On');
    await pick(user, row('2'), 'Operator', 'in the last N days');
    await user.type(within(row('2')).getByLabelText('Days'), '30');
    await pick(user, row('3'), 'Field', 'VIP');
    await pick(user, row('3'), 'Value', 'Yes');
    await pick(user, row('4'), 'Field', 'Owner');
    await pick(user, row('4'), 'Value', 'Me (current user)');
    expect(toApiFilter(latest)).toEqual({
      and: [
        { field: 'revenue', op: 'between', value: [1000, 5000] },
        { field: 'dueOn', op: 'lastNDays', value: 30 },
        { field: 'vip', op: 'eq', value: true },
        { field: 'owner', op: 'eq', value: '$me' },
      ],
    });
  });

  it('joins conditions with AND or OR and nests groups', async () => {
    const { user } = setup();
    await user.click(screen.getByRole('button', { name: 'Add condition' }));
    await pick(user, row('1'), 'Field', 'Company');
    await user.type(within(row('1')).getByLabelText('Value'), 'Acme');
    await user.click(screen.getByRole('button', { name: 'Add group' }));
    const group = screen.getByRole('group', { name: 'Group 2' });
    await user.click(within(group).getByRole('button', { name: 'Add condition' }));
    await user.click(within(group).getByRole('button', { name: 'Add condition' }));
    await pick(user, row('2.1'), 'Field', 'Status');
    await pick(user, row('2.1'), 'Operator', 'is any of');
    await user.click(within(row('2.1')).getByRole('combobox', { name: 'Values' }));
    await user.click(await screen.findByRole('option', { name: 'New' }));
    await user.click(await screen.findByRole('option', { name: 'Working' }));
    await pick(user, row('2.2'), 'Field', 'Tags');
    await pick(user, row('2.2'), 'Operator', 'is empty');
    // The top group joins with AND, the nested one with OR.
    expect(toApiFilter(latest)).toEqual({
      and: [
        { field: 'company', op: 'eq', value: 'Acme' },
        {
          or: [
            { field: 'status', op: 'in', value: ['New', 'Working'] },
            { field: 'tags', op: 'isEmpty' },
          ],
        },
      ],
    });
    const joins = screen.getAllByRole('radio', { name: 'OR' });
    await user.click(joins[0]);
    expect(toApiFilter(latest)).toMatchObject({ or: [{ field: 'company' }, { or: expect.any(Array) }] });

    await user.click(within(row('2.2')).getByRole('button', { name: 'Remove condition' }));
    expect(toApiFilter(latest)).toEqual({
      or: [
        { field: 'company', op: 'eq', value: 'Acme' },
        { field: 'status', op: 'in', value: ['New', 'Working'] },
      ],
    });
    await user.click(within(screen.getByRole('group', { name: 'Group 2' })).getByRole('button', { name: 'Remove group' }));
    expect(toApiFilter(latest)).toEqual({ field: 'company', op: 'eq', value: 'Acme' });
  });

  it('filters a lookup by choosing records by name, and writes their ids', async () => {
    const { user } = setup();
    await user.click(screen.getByRole('button', { name: 'Add condition' }));
    await pick(user, row('1'), 'Field', 'Account');
    await user.type(within(row('1')).getByRole('combobox', { name: 'Value' }), 'Glo');
    await user.click(await screen.findByRole('option', { name: 'Global Dynamics' }));
    expect(toApiFilter(latest)).toEqual({ field: 'account', op: 'eq', value: 'acc2' });

    await pick(user, row('1'), 'Operator', 'is any of');
    await user.type(within(row('1')).getByRole('combobox', { name: 'Record 1' }), 'Glo');
    await user.click(await screen.findByRole('option', { name: 'Globex' }));
    await user.type(within(row('1')).getByRole('combobox', { name: 'Record 2' }), 'Glo');
    await user.click(await screen.findByRole('option', { name: 'Global Dynamics' }));
    expect(toApiFilter(latest)).toEqual({ field: 'account', op: 'in', value: ['acc1', 'acc2'] });
    expect(within(row('1')).getByRole('combobox', { name: 'Record 3' })).toHaveValue('');
  });

  it("shows a saved lookup filter's record by name", async () => {
    setup(fromApiFilter({ field: 'account', op: 'eq', value: 'acc9' }));
    expect(await within(row('1')).findByDisplayValue('Initech')).toBeInTheDocument();
  });

  it('offers $me and users for user fields, and relative dates for date-times', async () => {
    const { user } = setup();
    await user.click(screen.getByRole('button', { name: 'Add condition' }));
    await pick(user, row('1'), 'Field', 'Owner');
    await user.click(within(row('1')).getByRole('combobox', { name: 'Value' }));
    expect((await screen.findAllByRole('option')).map((o) => o.textContent)).toEqual(['Me (current user)', 'Rita Reviewer']);
    await user.click(screen.getByRole('option', { name: 'Rita Reviewer' }));
    expect(toApiFilter(latest)).toEqual({ field: 'owner', op: 'eq', value: 'u1' });
    await pick(user, row('1'), 'Field', 'Starts At');
    await pick(user, row('1'), 'Operator', 'in the next N days');
    await user.type(within(row('1')).getByLabelText('Days'), '7');
    expect(toApiFilter(latest)).toEqual({ field: 'startsAt', op: 'nextNDays', value: 7 });
  });

  it('reads a saved filter back into conditions', async () => {
    const saved = { and: [{ field: 'status', op: 'eq', value: 'Working' }, { or: [{ field: 'vip', op: 'eq', value: true }] }] };
    const model = fromApiFilter(saved);
    setup(model);
    expect(within(row('1')).getByRole('combobox', { name: 'Value' })).toHaveValue('Working');
    expect(toApiFilter(model)).toEqual({
      and: [
        { field: 'status', op: 'eq', value: 'Working' },
        { field: 'vip', op: 'eq', value: true },
      ],
    });
  });
});
