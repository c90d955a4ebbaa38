import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { HomeSummary } from '../../hooks/api/home';
import { mockApi } from '../../test/api-mock';
import { renderInApp } from '../../test/render';
import { ClosedDeals } from './ClosedDeals';
import HomePage from './HomePage';
import { MyTasks } from './MyTasks';
import { PipelineSummary } from './PipelineSummary';

const ME = {
  id: 'u1',
  email: 'me@example.com',
  name: 'Me',
  role: null,
  profile: 'Administrator',
  active: true,
  timeZone: 'UTC',
  locale: 'en',
};
const ORG = { name: 'Org', timeZone: 'UTC', currency: 'EUR', locale: 'en' };
const mod = (apiName: string, label: string, singularLabel: string) => ({
  apiName,
  label,
  singularLabel,
  custom: false,
  hidden: false,
  recordName: { fields: ['name'], mode: 'join' },
});

const SUMMARY: HomeSummary = {
  today: '2026-05-10',
  timeZone: 'UTC',
  pipeline: {
    id: 'p1',
    name: 'Sales',
    stages: [
      { stageId: 's1', name: 'Qualification', kind: 'open', count: 2, amount: 1500.5 },
      { stageId: 's2', name: 'Won', kind: 'won', count: 1, amount: 900 },
    ],
    open: { count: 2, amount: 1500.5 },
  },
  closed: {
    from: '2026-04-11T00:00:00.000Z',
    to: '2026-05-11T00:00:00.000Z',
    won: { count: 3, amount: 12000 },
    lost: { count: 1, amount: 500 },
    unqualified: { count: 0, amount: 0 },
  },
  tasks: {
    open: 2,
    overdue: 1,
    items: [
      { id: 't1', version: 1, subject: 'Call Ada back', dueAt: '2026-05-09T09:00:00.000Z', status: 'Not Started', overdue: true },
      { id: 't2', version: 1, subject: 'Send offer', dueAt: '2026-05-12T09:00:00.000Z', status: 'Not Started', overdue: false },
    ],
  },
  meetings: {
    items: [
      { id: 'e1', version: 1, title: 'Standup', startAt: '2026-05-10T15:00:00.000Z', endAt: '2026-05-10T15:15:00.000Z', today: true },
      { id: 'e2', version: 1, title: 'Demo', startAt: '2026-05-12T10:00:00.000Z', endAt: '2026-05-12T11:00:00.000Z', today: false },
    ],
  },
};

describe('home dashboard pieces', () => {
  it('marks overdue tasks in red with the word "Overdue", not by colour alone', () => {
    renderInApp(<MyTasks tasks={SUMMARY.tasks} />);
    const items = screen.getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(within(items[0]).getByRole('link', { name: 'Call Ada back' })).toHaveAttribute('href', '/m/tasks/t1');
    expect(within(items[0]).getByText('Overdue')).toBeInTheDocument();
    expect(items[0]).toHaveAttribute('data-overdue', 'true');
    expect(within(items[1]).queryByText('Overdue')).toBeNull();
    expect(screen.getByText('2 open, 1 overdue')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'All my tasks' })).toHaveAttribute('href', '/m/tasks?myTasks=open');
  });

  it('shows deals won, lost and unqualified with count and amount', () => {
    renderInApp(<ClosedDeals closed={SUMMARY.closed} />);
    expect(screen.getByTestId('closed-won')).toHaveTextContent(/12,000\.00.*3 deals/);
    expect(screen.getByTestId('closed-lost')).toHaveTextContent(/500\.00.*1 deal$/);
    expect(screen.getByTestId('closed-unqualified')).toHaveTextContent(/0\.00.*0 deals/);
  });

  it("tabulates the pipeline's stages and offers the other pipelines", async () => {
    const chosen: string[] = [];
    const { user } = renderInApp(
      <PipelineSummary
        summary={SUMMARY.pipeline}
        pipelines={[
          { id: 'p1', name: 'Sales', default: true, stages: [] },
          { id: 'p2', name: 'Renewals', default: false, stages: [] },
        ]}
        onChoose={(id) => chosen.push(id)}
      />,
    );
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([
      expect.stringMatching(/^Qualification2.*1,500\.50/),
      expect.stringMatching(/^Won1.*900\.00/),
    ]);
    await user.click(screen.getByRole('combobox', { name: 'Pipeline' }));
    await user.click(await screen.findByRole('option', { name: 'Renewals' }));
    expect(chosen).toEqual(['p2']);
  });
});

describe('home page', () => {
  it('loads the summary and pages the activity feed', async () => {
    const api = mockApi({
      'GET /me': () => ({ user: ME }),
      'GET /settings/organization': () => ({ data: ORG }),
      'GET /modules': () => ({ data: [mod('leads', 'Leads', 'Lead'), mod('tasks', 'Tasks', 'Task'), mod('notes', 'Notes', 'Note')] }),
      'GET /pipelines': () => ({ data: [{ id: 'p1', name: 'Sales', default: true, stages: [] }] }),
      'GET /home': () => ({ data: SUMMARY }),
      'GET /home/feed': (req) =>
        req.url.searchParams.get('cursor')
          ? {
              data: [
                {
                  id: 'history-1',
                  type: 'created',
                  at: '2026-05-08T10:00:00.000Z',
                  user: { id: 'u1', name: 'Me' },
                  record: { module: 'leads', id: 'l1', name: 'Ada Lovelace' },
                },
              ],
              info: { perPage: 20, moreRecords: false },
            }
          : {
              data: [
                {
                  id: 'history-2',
                  type: 'note',
                  at: '2026-05-09T10:00:00.000Z',
                  user: { id: 'u1', name: 'Me' },
                  record: { module: 'notes', id: 'n1', name: 'Met at the fair' },
                  relatedTo: { module: 'leads', id: 'l1', name: 'Ada Lovelace' },
                  content: 'Met at the fair',
                },
              ],
              info: { perPage: 20, moreRecords: true, nextCursor: 'c1' },
            },
    });
    const { user } = renderInApp(<HomePage />);
    expect(await screen.findByRole('link', { name: 'Call Ada back' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: "Today's and upcoming meetings" })).toHaveTextContent(/Today.*Standup.*Upcoming.*Demo/);
    const feed = screen.getByRole('region', { name: 'Activity' });
    await within(feed).findByText(/Me added a note/);
    expect(within(feed).getByRole('link', { name: 'Ada Lovelace' })).toHaveAttribute('href', '/m/leads/l1');
    await user.click(within(feed).getByRole('button', { name: 'Show more' }));
    await within(feed).findByText(/Me created lead/);
    expect(within(feed).queryByRole('button', { name: 'Show more' })).toBeNull();
    expect(api.requests.some((r) => r.url.pathname.endsWith('/home/feed') && r.url.searchParams.get('cursor') === 'c1')).toBe(true);
    // The universal Add, right on the dashboard.
    expect(screen.getByRole('button', { name: 'New Lead' })).toBeInTheDocument();
    // "Mine" asks the server for my own activity.
    await user.click(within(feed).getByRole('combobox', { name: 'Whose activity' }));
    await user.click(await screen.findByRole('option', { name: 'Mine' }));
    await waitFor(() => expect(api.requests.some((r) => r.url.searchParams.get('scope') === 'mine')).toBe(true));
    expect(api.unhandled).toEqual([]);
  });
});
