import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { Field } from '../../api/types';
import { mockApi } from '../../test/api-mock';
import { renderInApp } from '../../test/render';
import { FieldValue } from '../field-value/FieldValue';
import { kindOfField, operatorsFor } from '../filter-builder/operators';
import { FieldInput } from './FieldInput';
import { emptyValue, isFormField, toPayload } from './form-model';

/** The tags field: typed in the record form, shown as badges, filtered as a multi value. */
const tags: Field = {
  apiName: 'tags',
  label: 'Tags',
  type: 'tags',
  required: false,
  unique: false,
  readOnly: false,
  custom: false,
  system: false,
};

function api() {
  mockApi({
    'GET /me': () => ({
      user: {
        id: 'u1',
        email: 'me@example.com',
        name: 'Me',
        role: null,
        profile: 'Standard',
        active: true,
        timeZone: 'UTC',
        locale: 'en',
        createdAt: '2026-01-01T00:00:00Z',
      },
    }),
    'GET /settings/organization': () => ({ data: { name: 'Org', timeZone: 'UTC', currency: 'EUR', locale: 'en' } }),
  });
}

function Harness({ initial, onValue }: { initial: unknown; onValue: (v: unknown) => void }) {
  const [value, setValue] = useState<unknown>(initial);
  return (
    <FieldInput
      module="leads"
      field={tags}
      value={value}
      onChange={(v) => {
        onValue(v);
        setValue(v);
      }}
    />
  );
}

describe('tags field', () => {
  it('is a form field, empty as an empty list, left out of the payload when empty', () => {
    expect(isFormField(tags)).toBe(true);
    expect(emptyValue(tags)).toEqual([]);
    expect(toPayload([tags], { tags: [] })).toEqual({});
  });

  it('adds tags with Enter and a comma, and removes the last with Backspace', async () => {
    api();
    let current: unknown = ['Existing'];
    renderInApp(<Harness initial={current} onValue={(v) => (current = v)} />);
    const user = userEvent.setup();
    const input = await screen.findByRole('combobox', { name: 'Tags' });
    await user.type(input, 'VIP{Enter}');
    await user.type(input, 'Partner,');
    expect(toPayload([tags], { tags: current }).tags).toEqual(['Existing', 'VIP', 'Partner']);
    await user.type(input, '{Backspace}');
    expect(current).toEqual(['Existing', 'VIP']);
  });

  it('shows the tags as badges, and an empty list as a dash', async () => {
    api();
    const { unmount } = renderInApp(<FieldValue field={tags} value={['VIP', 'Берлин']} />);
    expect(await screen.findByText('VIP')).toBeInTheDocument();
    expect(screen.getByText('Берлин')).toBeInTheDocument();
    expect(screen.getByLabelText('VIP, Берлин')).toBeInTheDocument();
    unmount();
    renderInApp(<FieldValue field={tags} value={[]} />);
    expect(await screen.findByText('—')).toBeInTheDocument();
  });

  it('filters with the multi-value operators', () => {
    expect(kindOfField(tags)).toBe('multi');
    expect(operatorsFor(tags)).toEqual(['includesAny', 'includesAll', 'isEmpty', 'isNotEmpty']);
  });
});
