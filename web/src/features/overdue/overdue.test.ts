import { describe, expect, it } from 'vitest';
import { isOverdue, myTasksCondition, parseMyTasks, withMyTasks, withOverdueFields } from './index';

const NOW = Date.parse('2026-05-10T12:00:00Z');

describe('overdue tasks', () => {
  it('is due before now and not completed', () => {
    expect(isOverdue({ dueAt: '2026-05-10T11:59:00Z', status: 'Not Started' }, NOW)).toBe(true);
    expect(isOverdue({ dueAt: '2026-05-10T11:59:00Z' }, NOW)).toBe(true);
    expect(isOverdue({ dueAt: '2026-05-10T12:01:00Z', status: 'Not Started' }, NOW)).toBe(false);
    expect(isOverdue({ dueAt: '2026-05-01T00:00:00Z', status: 'Completed' }, NOW)).toBe(false);
    expect(isOverdue({ dueAt: '2026-05-01T00:00:00Z', completedAt: '2026-05-02T00:00:00Z' }, NOW)).toBe(false);
    expect(isOverdue({ dueAt: null }, NOW)).toBe(false);
    expect(isOverdue({ dueAt: 'not a date' }, NOW)).toBe(false);
  });
});

describe('"My tasks" views', () => {
  it('reads only known views from the address', () => {
    expect(parseMyTasks('overdue')).toBe('overdue');
    expect(parseMyTasks('everything')).toBeNull();
    expect(parseMyTasks(null)).toBeNull();
  });

  it('are my open tasks, narrowed by relative dates', () => {
    const mineOpen = [
      { field: 'owner', op: 'eq', value: '$me' },
      {
        or: [
          { field: 'status', op: 'neq', value: 'Completed' },
          { field: 'status', op: 'isEmpty' },
        ],
      },
    ];
    expect(myTasksCondition('open')).toEqual({ and: mineOpen });
    expect(myTasksCondition('today')).toEqual({ and: [...mineOpen, { field: 'dueAt', op: 'today' }] });
    expect(myTasksCondition('next7')).toEqual({ and: [...mineOpen, { field: 'dueAt', op: 'nextNDays', value: 7 }] });
    expect(myTasksCondition('overdue', new Date(NOW))).toEqual({
      and: [...mineOpen, { field: 'dueAt', op: 'lt', value: '2026-05-10T12:00:00.000Z' }],
    });
  });

  it("are ANDed with the list's own filter", () => {
    const own = { field: 'priority', op: 'eq', value: 'High' };
    expect(withMyTasks(null, own)).toBe(own);
    expect(withMyTasks('open', undefined)).toEqual(myTasksCondition('open'));
    expect(withMyTasks('open', own)).toEqual({ and: [myTasksCondition('open'), own] });
  });

  it('fetch status and completion with the due date of tasks only', () => {
    expect(withOverdueFields('tasks', ['subject', 'dueAt'])).toEqual(['subject', 'dueAt', 'status', 'completedAt']);
    expect(withOverdueFields('tasks', ['subject'])).toEqual(['subject']);
    expect(withOverdueFields('leads', ['dueAt'])).toEqual(['dueAt']);
    expect(withOverdueFields('tasks', undefined)).toBeUndefined();
  });
});
