import { callAfterWrite, taskAfterWrite } from '../../activities/after-write.js';
import { dealAfterWrite } from './deal-after-write.js';
import { dealRules } from './deals.js';
import { eventRules } from './events.js';
import { lastActivityAfterWrite } from './last-activity.js';
import { leadRules } from './leads.js';
import { taskRules } from './tasks.js';
import type { AfterWriteRule, WriteRule } from './types.js';

const RULES: Record<string, WriteRule> = {
  deals: dealRules,
  tasks: taskRules,
  events: eventRules,
  leads: leadRules,
};

const AFTER_WRITE: Record<string, AfterWriteRule> = {
  deals: dealAfterWrite,
  // Logging an activity refreshes the last activity of what it concerns (last-activity.ts).
  // Tasks and calls also plan their reminders, and a completed repeating task makes its next one
  // (activities/); arrow functions because activities/ imports the record service back.
  tasks: async (tx, writes) => {
    await lastActivityAfterWrite(tx, writes);
    await taskAfterWrite(tx, writes);
  },
  events: lastActivityAfterWrite,
  calls: async (tx, writes) => {
    await lastActivityAfterWrite(tx, writes);
    await callAfterWrite(tx, writes);
  },
  notes: lastActivityAfterWrite,
};

export function writeRuleOf(module: string): WriteRule | undefined {
  return RULES[module];
}

export function afterWriteRuleOf(module: string): AfterWriteRule | undefined {
  return AFTER_WRITE[module];
}

export type { RecordWrite } from './types.js';
