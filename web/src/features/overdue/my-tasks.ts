/**
 * "My tasks" views of the tasks list: built-in filters in the API filter language (relative dates
 * in the organisation's time zone, `$me` for the signed-in user), ANDed with the list's own filter.
 */
export const MY_TASKS_VIEWS = ['open', 'today', 'overdue', 'next7'] as const;
export type MyTasksView = (typeof MY_TASKS_VIEWS)[number];

export function parseMyTasks(raw: string | null | undefined): MyTasksView | null {
  return (MY_TASKS_VIEWS as readonly string[]).includes(raw ?? '') ? (raw as MyTasksView) : null;
}

const MINE_OPEN = [
  { field: 'owner', op: 'eq', value: '$me' },
  {
    or: [
      { field: 'status', op: 'neq', value: 'Completed' },
      { field: 'status', op: 'isEmpty' },
    ],
  },
];

export function myTasksCondition(view: MyTasksView, now = new Date()): unknown {
  switch (view) {
    case 'open':
      return { and: MINE_OPEN };
    case 'today':
      return { and: [...MINE_OPEN, { field: 'dueAt', op: 'today' }] };
    case 'overdue':
      // Due before this moment (earlier today included), not completed.
      return { and: [...MINE_OPEN, { field: 'dueAt', op: 'lt', value: now.toISOString() }] };
    case 'next7':
      return { and: [...MINE_OPEN, { field: 'dueAt', op: 'nextNDays', value: 7 }] };
  }
}

/** The list's filter with the chosen "My tasks" view ANDed in. */
export function withMyTasks(view: MyTasksView | null, filter: unknown, now = new Date()): unknown {
  if (!view) return filter;
  const mine = myTasksCondition(view, now);
  return filter === undefined || filter === null ? mine : { and: [mine, filter] };
}

/** Tasks lists also fetch status and completion so a due date can be judged overdue. */
export function withOverdueFields(module: string | undefined, fields: string[] | undefined): string[] | undefined {
  if (module !== 'tasks' || !fields?.includes('dueAt')) return fields;
  return [...new Set([...fields, 'status', 'completedAt'])];
}
