/** Activities (tasks and calls): repeat rules, next occurrences, reminders delivered by the job worker. */
import type { JobHandler } from '../jobs/index.js';
import { deliverReminder, REMINDER_JOB } from './reminders.js';

export { callAfterWrite, taskAfterWrite } from './after-write.js';
export { addActivityFields, REPEAT_FREQUENCIES, type RepeatFrequency } from './fields.js';
export { deliverReminder, REMINDER_JOB } from './reminders.js';
export { checkRepeatRule, nextDue } from './repeat.js';

/** The job handlers of activities, for the composition root's worker. */
export const ACTIVITY_JOBS: ReadonlyMap<string, JobHandler> = new Map([[REMINDER_JOB, deliverReminder]]);
