import { describe, expect, it } from 'vitest';
import { modelToWorkflow, workflowToModel } from './workflow-model';

describe('workflow editor model', () => {
  it('round-trips a rule, grouping scheduled actions by equal delay', () => {
    const rule = {
      name: 'Hot',
      module: 'leads',
      active: true,
      trigger: { on: 'create' as const },
      conditions: [
        {
          criteria: { field: 'rating', op: 'eq', value: 'Hot' },
          instant: [{ type: 'fieldUpdate' as const, field: 'leadStatus', value: 'Contacted' }],
          scheduled: [
            {
              after: { days: 2, hours: 0, minutes: 0 },
              actions: [
                { type: 'createTask' as const, subject: 'A' },
                { type: 'createTask' as const, subject: 'B' },
              ],
            },
            { after: { days: 0, hours: 3, minutes: 0 }, actions: [{ type: 'webhook' as const, url: 'http://x' }] },
          ],
        },
        { criteria: null, instant: [{ type: 'assignOwner' as const, userId: 'u1' }], scheduled: [] },
      ],
    };
    const model = workflowToModel(rule);
    expect(model.conditions[0].actions.map((a) => a.delay)).toEqual([
      null,
      { days: 2, hours: 0, minutes: 0 },
      { days: 2, hours: 0, minutes: 0 },
      { days: 0, hours: 3, minutes: 0 },
    ]);
    expect(modelToWorkflow(model)).toEqual(rule);
  });
});
