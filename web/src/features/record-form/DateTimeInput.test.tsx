import { fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { Field } from '../../api/types';
import { mockApi } from '../../test/api-mock';
import { renderInApp } from '../../test/render';
import { FieldInput } from './FieldInput';
import { toPayload } from './form-model';

const startsAt: Field = {
  apiName: 'startsAt',
  label: 'Starts At',
  type: 'datetime',
  required: false,
  unique: false,
  readOnly: false,
  custom: true,
  system: false,
};

function withUserZone(timeZone: string) {
  mockApi({
    'GET /me': () => ({
      user: {
        id: 'u1',
        email: 'me@example.com',
        name: 'Me',
        role: null,
        profile: 'Standard',
        active: true,
        timeZone,
        locale: 'en',
        createdAt: '2026-01-01T00:00:00Z',
      },
    }),
    'GET /settings/organization': () => ({ data: { name: 'Org', timeZone: 'UTC', currency: 'EUR', locale: 'en' } }),
  });
}

/** The form field as a form holds it: the value is what toPayload sends. */
function Harness({ initial, seen }: { initial: string; seen: string[] }) {
  const [value, setValue] = useState<unknown>(initial);
  return (
    <FieldInput
      module="things"
      field={startsAt}
      value={value}
      onChange={(v) => {
        seen.push(toPayload([startsAt], { startsAt: v }).startsAt as string);
        setValue(v);
      }}
    />
  );
}

describe('the date-time input', () => {
  it("shows and reads times on the user's clock, not the browser's", async () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).not.toBe('Asia/Tokyo');
    withUserZone('Asia/Tokyo');
    const seen: string[] = [];
    renderInApp(<Harness initial="2026-03-10T14:30:00.000Z" seen={seen} />);
    const input = await screen.findByLabelText('Starts At');
    expect(input).toHaveAttribute('type', 'datetime-local');
    // Tokyo is UTC+9 all year: 14:30Z is 23:30 there.
    await screen.findByDisplayValue('2026-03-10T23:30');
    fireEvent.change(input, { target: { value: '2026-07-01T09:15' } });
    expect(seen).toEqual(['2026-07-01T00:15:00.000Z']);
    expect(input).toHaveValue('2026-07-01T09:15');
  });

  it('follows daylight saving time of the user zone and empties to nothing', async () => {
    withUserZone('Europe/Berlin');
    const seen: string[] = [];
    renderInApp(<Harness initial="2026-01-15T08:00:00.000Z" seen={seen} />);
    const input = await screen.findByLabelText('Starts At');
    await screen.findByDisplayValue('2026-01-15T09:00');
    fireEvent.change(input, { target: { value: '2026-07-15T09:00' } });
    fireEvent.change(input, { target: { value: '' } });
    expect(seen).toEqual(['2026-07-15T07:00:00.000Z', undefined]);
    expect(input).toHaveValue('');
  });
});
