import { describe, expect, it } from 'vitest';
import { actionKey, delayMs, eventTypesOf, firstMatchingCondition, planActions, triggerFires } from '../src/automation/workflow/decide.js';
import type { WorkflowDefinition } from '../src/automation/workflow/types.js';

const def = (on: WorkflowDefinition['trigger']['on'], fields?: string[]): WorkflowDefinition => ({
  trigger: { on, fields },
  conditions: [
    { criteria: 'a', instant: [{ type: 'fieldUpdate' }], scheduled: [{ after: { days: 1, hours: 2, minutes: 3 }, actions: [{ type: 'createTask' }, { type: 'webhook' }] }] },
    { criteria: null, instant: [{ type: 'webhook' }], scheduled: [] },
  ],
});
const ev = (type: 'created' | 'updated' | 'deleted', changed: string[] = []) => ({ type, payload: { changes: changed.map((field) => ({ field })) } });

describe('workflow decisions', () => {
  it('reads only the events a trigger can fire on (the outbox reader skips the rest unparsed)', () => {
    const all = ['created', 'updated', 'deleted', 'restored'] as const;
    for (const on of ['create', 'edit', 'createOrEdit', 'fieldUpdate', 'delete'] as const) {
      const d = def(on, ['rating']);
      for (const type of all) {
        if (triggerFires(d, ev(type as 'created', ['rating']))) expect(eventTypesOf(d)).toContain(type);
      }
    }
    expect(eventTypesOf(def('date'))).toEqual(['created', 'restored', 'updated']);
    expect(eventTypesOf(def('create'))).toEqual(['created']);
  });

  it('fires each trigger on its events only', () => {
    expect(triggerFires(def('create'), ev('created'))).toBe(true);
    expect(triggerFires(def('create'), ev('updated'))).toBe(false);
    expect(triggerFires(def('edit'), ev('updated'))).toBe(true);
    expect(triggerFires(def('createOrEdit'), ev('created'))).toBe(true);
    expect(triggerFires(def('createOrEdit'), ev('deleted'))).toBe(false);
    expect(triggerFires(def('delete'), ev('deleted'))).toBe(true);
    expect(triggerFires(def('date'), ev('created'))).toBe(false);
  });
  it('fires a fieldUpdate trigger only when one of its fields changed', () => {
    expect(triggerFires(def('fieldUpdate', ['stage']), ev('updated', ['amount', 'stage']))).toBe(true);
    expect(triggerFires(def('fieldUpdate', ['stage']), ev('updated', ['amount']))).toBe(false);
    expect(triggerFires(def('fieldUpdate', ['stage']), ev('created', ['stage']))).toBe(false);
  });
  it('takes the first matching condition, in order', () => {
    expect(firstMatchingCondition(def('create'), (c) => c === 'a')).toBe(0);
    expect(firstMatchingCondition(def('create'), (c) => c === null)).toBe(1);
    expect(firstMatchingCondition(def('create'), () => false)).toBe(-1);
  });
  it('plans instant actions at the event and scheduled ones after their delay', () => {
    const plan = planActions(def('create').conditions[0], 0, 1000);
    expect(plan.map((p) => [p.action.type, p.runAt, p.scheduled])).toEqual([
      ['fieldUpdate', 1000, false],
      ['createTask', 1000 + delayMs({ days: 1, hours: 2, minutes: 3 }), true],
      ['webhook', 1000 + 93_780_000, true],
    ]);
  });
  it('keys each action by rule, event and position', () => {
    expect(actionKey('r1', 42, { condition: 0, group: null, index: 1 })).toBe('wf:r1:42:0:i:1');
    expect(actionKey('r1', 42, { condition: 0, group: 0, index: 1 })).not.toBe(actionKey('r1', 43, { condition: 0, group: 0, index: 1 }));
  });
});
