import type { RecordEventType } from '../../records/outbox.js';

export type TriggerOn = 'create' | 'edit' | 'createOrEdit' | 'fieldUpdate' | 'delete' | 'date';

export interface WorkflowAction {
  type: string;
  [key: string]: unknown;
}

export interface WorkflowCondition {
  criteria: unknown;
  instant: WorkflowAction[];
  scheduled: { after: { minutes: number; hours: number; days: number }; actions: WorkflowAction[] }[];
}

export interface WorkflowDefinition {
  trigger: { on: TriggerOn; fields?: string[]; date?: { field: string; offsetDays: number; time: string; repeat: 'yearly' | 'none' } };
  conditions: WorkflowCondition[];
}

/** A record event as the outbox holds it. */
export interface OutboxEvent {
  seq: number;
  module: string;
  recordId: string;
  type: RecordEventType;
  at: number;
  userId: string | null;
  payload: {
    record?: Record<string, unknown>;
    changes?: { field: string }[];
    automation?: { depth: number; ruleId: string };
  };
}

/** Where an action sits in a rule: `instant[index]` or `scheduled[group].actions[index]`. */
export interface ActionRef {
  condition: number;
  group: number | null;
  index: number;
}
