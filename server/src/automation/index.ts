/** Automation: workflow, validation, assignment and scoring rules (SPEC AUTO-1, 2, 3, 6). */
import type { JobHandler } from '../jobs/index.js';
import { RESCORE_JOB } from './rules/store.js';
import { rescoreJob } from './scoring/rescore-job.js';
import { DATE_JOB, PLAN_DATES_JOB, planAllDates, runDateTrigger } from './workflow/date-trigger.js';
import { ACTION_JOB } from './workflow/engine.js';
import { runWorkflowAction } from './workflow/run-action.js';

export { assignmentRuleOwners } from './assignment/assign.js';
export { createRule, deleteRule, getRule, listRules, updateRule } from './rules/store.js';
export { dryRunWorkflowRule } from './workflow/dry-run.js';
export { readOutbox } from './workflow/outbox-reader.js';
export { listRuns } from './workflow/run-log.js';

/** The job kinds automation runs, for the worker the composition root starts. */
export const AUTOMATION_JOBS: ReadonlyMap<string, JobHandler> = new Map([
  [ACTION_JOB, runWorkflowAction],
  [RESCORE_JOB, rescoreJob],
  [DATE_JOB, runDateTrigger],
  [PLAN_DATES_JOB, planAllDates],
]);
