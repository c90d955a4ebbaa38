import type { ActionRef, OutboxEvent, WorkflowAction, WorkflowCondition, WorkflowDefinition } from './types.js';

/** Chains of rule-triggered writes stop here: a rule triggered at this depth is logged, not run. */
export const MAX_DEPTH = 3;
const MINUTE = 60_000;

/** Whether a rule's trigger fires on a record event (date triggers fire from their own jobs). */
export function triggerFires(def: WorkflowDefinition, event: Pick<OutboxEvent, 'type' | 'payload'>): boolean {
  switch (def.trigger.on) {
    case 'create':
      return event.type === 'created';
    case 'edit':
      return event.type === 'updated';
    case 'createOrEdit':
      return event.type === 'created' || event.type === 'updated';
    case 'fieldUpdate': {
      const fields = def.trigger.fields ?? [];
      return event.type === 'updated' && (event.payload.changes ?? []).some((c) => fields.includes(c.field));
    }
    case 'delete':
      return event.type === 'deleted';
    case 'date':
      return false;
  }
}

/** The record event types a rule can act on (a date rule re-plans on create, restore and change). */
export function eventTypesOf(def: WorkflowDefinition): readonly string[] {
  switch (def.trigger.on) {
    case 'create':
      return ['created'];
    case 'edit':
    case 'fieldUpdate':
      return ['updated'];
    case 'createOrEdit':
      return ['created', 'updated'];
    case 'delete':
      return ['deleted'];
    case 'date':
      return ['created', 'restored', 'updated'];
  }
}

/** The first condition whose criteria match (conditions are tried in order), or -1. */
export function firstMatchingCondition(def: WorkflowDefinition, matches: (criteria: unknown) => boolean): number {
  return def.conditions.findIndex((c) => matches(c.criteria));
}

/** The delay of a scheduled group in ms. */
export function delayMs(after: WorkflowCondition['scheduled'][number]['after']): number {
  return ((after.days * 24 + after.hours) * 60 + after.minutes) * MINUTE;
}

export interface PlannedAction {
  ref: ActionRef;
  action: WorkflowAction;
  runAt: number;
  scheduled: boolean;
}

/** Every action of a matched condition with when it runs: instant ones at `at`, scheduled after their delay. */
export function planActions(condition: WorkflowCondition, conditionIndex: number, at: number): PlannedAction[] {
  const out: PlannedAction[] = condition.instant.map((action, index) => ({
    ref: { condition: conditionIndex, group: null, index },
    action,
    runAt: at,
    scheduled: false,
  }));
  condition.scheduled.forEach((g, group) => {
    for (const [index, action] of g.actions.entries()) {
      out.push({ ref: { condition: conditionIndex, group, index }, action, runAt: at + delayMs(g.after), scheduled: true });
    }
  });
  return out;
}

/** The idempotency key of one action of one rule for one event: a retry never repeats it. */
export function actionKey(ruleId: string, origin: string | number, ref: ActionRef): string {
  return `wf:${ruleId}:${origin}:${ref.condition}:${ref.group ?? 'i'}:${ref.index}`;
}

/** The action a reference points to, if the rule still has it. */
export function actionAt(def: WorkflowDefinition, ref: ActionRef): WorkflowAction | undefined {
  const c = def.conditions[ref.condition];
  return ref.group === null ? c?.instant[ref.index] : c?.scheduled[ref.group]?.actions[ref.index];
}

/**
 * When a date trigger fires for a record: the date field's day + offsetDays at `time` in the
 * organisation's zone (UTC offset given), the first such moment after `now` when repeating yearly.
 */
export function dateTriggerTime(
  value: unknown,
  spec: { offsetDays: number; time: string; repeat: 'yearly' | 'none' },
  now: number,
  zoneOffsetMs: (utcGuess: number) => number,
): number | null {
  if (typeof value !== 'string' || value.length < 10) return null;
  const [y, m, d] = value.slice(0, 10).split('-').map(Number);
  const [hh, mm] = spec.time.split(':').map(Number);
  const at = (year: number) => {
    const local = Date.UTC(year, m - 1, d + spec.offsetDays, hh, mm);
    return local - zoneOffsetMs(local);
  };
  let t = at(y);
  if (spec.repeat === 'yearly') for (let year = y + 1; t <= now && year < y + 200; year++) t = at(year);
  return Number.isFinite(t) ? t : null;
}
