import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Field, ModuleSummary } from '../../api/types';
import { mockApi } from '../../test/api-mock';
import { renderInApp } from '../../test/render';
import { Timeline } from './Timeline';

const LEADS = {
  apiName: 'leads',
  label: 'Leads',
  singularLabel: 'Lead',
  custom: false,
  hidden: false,
  recordName: { fields: ['lastName'], mode: 'join' },
} as unknown as ModuleSummary;
const FIELDS = [
  { apiName: 'leadStatus', label: 'Lead Status', type: 'picklist', options: [{ value: 'Contacted', label: 'Contacted' }] },
] as unknown as Field[];

const ITEMS = [
  {
    id: 'email-1',
    kind: 'email',
    at: '2026-05-10T10:00:00.000Z',
    user: null,
    email: { to: ['a@example.com'], subject: 'Our offer', kind: 'notification' },
  },
  {
    id: 'call-1',
    kind: 'call',
    at: '2026-05-09T10:00:00.000Z',
    user: { id: 'u1', name: 'Me' },
    record: { module: 'calls', id: 'c1', name: 'Intro' },
    values: { callType: 'Outbound', durationMinutes: 15 },
  },
  {
    id: 'note-1',
    kind: 'note',
    at: '2026-05-08T10:00:00.000Z',
    user: { id: 'u1', name: 'Me' },
    record: { module: 'notes', id: 'n1', name: 'Pricing' },
    values: { content: 'Asked about pricing' },
  },
  {
    id: 'history-2',
    kind: 'history',
    at: '2026-05-07T10:00:00.000Z',
    user: { id: 'u1', name: 'Me' },
    action: 'updated',
    changes: [{ field: 'leadStatus', old: null, new: 'Contacted' }],
  },
];

describe('record timeline', () => {
  it('shows every kind in order, filters by kind and pages', async () => {
    const api = mockApi({
      'GET /records/leads/l1/timeline': (req) => {
        const kinds = req.url.searchParams.get('kinds');
        if (kinds === 'note') return { data: [ITEMS[2]], info: { perPage: 25, moreRecords: false } };
        if (req.url.searchParams.get('cursor') === 'next') return { data: [ITEMS[3]], info: { perPage: 25, moreRecords: false } };
        return { data: ITEMS.slice(0, 3), info: { perPage: 25, moreRecords: true, nextCursor: 'next' } };
      },
    });
    const { user } = renderInApp(<Timeline module={LEADS} recordId="l1" fields={FIELDS} />);
    const list = await screen.findByRole('list', { name: 'Timeline' });
    const entries = within(list).getAllByRole('listitem');
    expect(entries.map((e) => e.getAttribute('data-kind'))).toEqual(['email', 'call', 'note']);
    expect(entries[0]).toHaveTextContent('Email sent: Our offer');
    expect(entries[0]).toHaveTextContent('To a@example.com');
    expect(entries[1]).toHaveTextContent(/Call: Intro.*Outbound · 15 minutes/);
    expect(entries[2]).toHaveTextContent(/Me added a note.*Asked about pricing/);

    await user.click(screen.getByRole('button', { name: 'Show more' }));
    expect(await within(list).findByText('Lead Status: (empty) → Contacted')).toBeInTheDocument();

    await user.click(screen.getByRole('combobox', { name: 'Show' }));
    await user.click(await screen.findByRole('option', { name: 'Notes' }));
    const filtered = await screen.findByRole('list', { name: 'Timeline' });
    await within(filtered).findByText(/Asked about pricing/);
    expect(within(filtered).getAllByRole('listitem')).toHaveLength(1);
    expect(api.requests.some((r) => r.url.searchParams.get('kinds') === 'note')).toBe(true);
  });
});
