import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AddMenu } from '../../features/create-record/AddMenu';
import { mockApi } from '../../test/api-mock';
import { renderInApp } from '../../test/render';
import { SideNav } from './SideNav';

const mod = (apiName: string, label: string, singularLabel: string, extra = {}) => ({
  apiName,
  label,
  singularLabel,
  custom: false,
  hidden: false,
  recordName: { fields: ['name'], mode: 'join' },
  ...extra,
});

const MODULES = [
  mod('leads', 'Leads', 'Lead'),
  mod('contacts', 'Contacts', 'Contact'),
  mod('accounts', 'Accounts', 'Account', { hidden: true }),
  mod('deals', 'Opportunities', 'Opportunity'),
  mod('tasks', 'Tasks', 'Task'),
  mod('events', 'Meetings', 'Meeting'),
  mod('calls', 'Calls', 'Call'),
  mod('notes', 'Notes', 'Note'),
  mod('projects', 'Projects', 'Project', { custom: true }),
];

describe('navigation from module metadata', () => {
  it('lists every module not hidden, custom ones by their own label, renamed ones as renamed', async () => {
    mockApi({ 'GET /modules': () => ({ data: MODULES }) });
    renderInApp(<SideNav />, { route: '/m/projects' });
    await screen.findByRole('link', { name: 'Projects' });
    const names = screen.getAllByRole('link').map((a) => a.textContent);
    expect(names).toEqual(['Home', 'Calendar', 'Pipeline', 'Leads', 'Contacts', 'Opportunities', 'Tasks', 'Meetings', 'Calls', 'Notes', 'Projects']);
    expect(screen.getByRole('link', { name: 'Projects' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('link', { name: 'Projects' })).toHaveAttribute('href', '/m/projects');
  });

  it('"+ Add" offers the standard kinds in order, then custom modules', async () => {
    mockApi({ 'GET /modules': () => ({ data: MODULES }) });
    const { user } = renderInApp(<AddMenu />);
    const button = await screen.findByRole('button', { name: 'Add' });
    await waitFor(() => expect(button).toBeEnabled());
    await user.click(button);
    const menu = await screen.findByRole('menu');
    expect(
      within(menu)
        .getAllByRole('menuitem')
        .map((i) => i.textContent),
    ).toEqual(['Lead', 'Contact', 'Opportunity', 'Task', 'Meeting', 'Call', 'Note', 'Project']);
  });
});
