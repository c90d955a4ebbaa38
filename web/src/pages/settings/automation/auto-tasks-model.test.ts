import { describe, expect, it } from 'vitest';
import { autoTasksToRule, ruleToAutoTasks } from './auto-tasks-model';

describe('automatic tasks as workflow rules', () => {
  it('writes a deal stage rule with its filters and reads it back', () => {
    const m = {
      name: 'Won',
      module: 'deals',
      active: true,
      when: 'stageEntered' as const,
      pipeline: 'Standard',
      stage: 'Closed Won',
      account: { id: 'acc1', name: null },
      tasks: [
        { subject: 'Send invoice', dueInDays: 2, assignTo: { userId: 'u1' } },
        { subject: 'Thank you call', dueInDays: 7, assignTo: 'owner' as const },
      ],
    };
    const rule = autoTasksToRule(m);
    expect(rule.trigger).toEqual({ on: 'fieldUpdate', fields: ['stage'] });
    expect(rule.editor).toBe('automaticTasks');
    expect(rule.conditions[0].criteria).toEqual({
      and: [
        { field: 'pipeline', op: 'eq', value: 'Standard' },
        { field: 'stage', op: 'eq', value: 'Closed Won' },
        { field: 'account', op: 'eq', value: 'acc1' },
      ],
    });
    expect(rule.conditions[0].instant).toEqual([
      { type: 'createTask', subject: 'Send invoice', dueInDays: 2, assignTo: { userId: 'u1' } },
      { type: 'createTask', subject: 'Thank you call', dueInDays: 7, assignTo: 'owner' },
    ]);
    expect(ruleToAutoTasks({ ...rule, active: true })).toEqual(m);
  });
  it('writes a create rule without filters for leads, ignoring deal-only filters', () => {
    const rule = autoTasksToRule({
      name: 'New lead',
      module: 'leads',
      active: true,
      when: 'stageEntered',
      pipeline: 'x',
      stage: 'y',
      account: null,
      tasks: [{ subject: 'Call', dueInDays: 1, assignTo: 'owner' }],
    });
    expect(rule.trigger).toEqual({ on: 'create' });
    expect(rule.conditions[0].criteria).toBeNull();
  });
});
