import { type FilterGroup, newId } from '../../../features/filter-builder/filter-model';
import type { Delay, RuleInput, WorkflowAction, WorkflowRule, WorkflowTrigger } from '../../../hooks/api/automation';
import type { EditedAction } from './ActionEditor';
import { criteriaToModel, modelToCriteria } from './parts';

/** The workflow editor's model: each action carries its own delay; groups are made on save. */
export interface EditedCondition {
  id: string;
  filter: FilterGroup;
  actions: EditedAction[];
}
export interface EditedWorkflow {
  name: string;
  module: string;
  active: boolean;
  trigger: WorkflowTrigger;
  conditions: EditedCondition[];
}

const delayKey = (d: Delay) => `${d.days ?? 0}:${d.hours ?? 0}:${d.minutes ?? 0}`;

export function workflowToModel(rule: Pick<WorkflowRule, 'name' | 'module' | 'active' | 'trigger' | 'conditions'>): EditedWorkflow {
  return {
    name: rule.name,
    module: rule.module,
    active: rule.active,
    trigger: rule.trigger,
    conditions: rule.conditions.map((c) => ({
      id: newId(),
      filter: criteriaToModel(c.criteria),
      actions: [
        ...(c.instant ?? []).map((action) => ({ id: newId(), action, delay: null })),
        ...(c.scheduled ?? []).flatMap((g) =>
          g.actions.map((action) => ({
            id: newId(),
            action,
            delay: { days: g.after.days ?? 0, hours: g.after.hours ?? 0, minutes: g.after.minutes ?? 0 },
          })),
        ),
      ],
    })),
  };
}

/** The rule as the API takes it: instant actions in order, scheduled ones grouped by equal delay. */
export function modelToWorkflow(m: EditedWorkflow): RuleInput<'workflow'> {
  return {
    name: m.name,
    module: m.module,
    active: m.active,
    trigger: m.trigger,
    conditions: m.conditions.map((c) => {
      const instant: WorkflowAction[] = [];
      const groups = new Map<string, { after: Delay; actions: WorkflowAction[] }>();
      for (const a of c.actions) {
        if (!a.delay) instant.push(a.action);
        else {
          const k = delayKey(a.delay);
          if (!groups.has(k)) groups.set(k, { after: a.delay, actions: [] });
          groups.get(k)!.actions.push(a.action);
        }
      }
      return { criteria: modelToCriteria(c.filter), instant, scheduled: [...groups.values()] };
    }),
  };
}
