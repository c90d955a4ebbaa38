import type { Ctx } from '../context.js';
import { DomainError, invalidData } from '../errors.js';
import { addLocalCalendar, localDate } from '../filters/index.js';
import { createRecords } from '../records/index.js';
import { REPEAT_FREQUENCIES, type RepeatFrequency } from './fields.js';

type Values = Record<string, unknown>;

const isSet = (v: unknown) => v !== null && v !== undefined && v !== '';

/**
 * A task's repeat rule must be possible: a known frequency (the picklist checks that), a due
 * date to repeat from, an end that is either a last date not before the first due date or a
 * number of occurrences of at least 1, not both. Checked on every write of a task.
 */
export function checkRepeatRule(next: Values): void {
  const repeat = next.repeat;
  if (isSet(repeat) && !(REPEAT_FREQUENCIES as readonly unknown[]).includes(repeat)) {
    throw invalidData('repeat', `Repeat must be one of ${REPEAT_FREQUENCIES.join(', ')}`);
  }
  if (isSet(next.repeatCount)) {
    const n = next.repeatCount;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 1)
      throw invalidData('repeatCount', 'A task repeats at least once: give a count of 1 or more');
  }
  if (!isSet(repeat)) {
    if (isSet(next.repeatUntil)) throw invalidData('repeatUntil', 'Give a repeat frequency with the last date');
    if (isSet(next.repeatCount)) throw invalidData('repeatCount', 'Give a repeat frequency with the number of occurrences');
    return;
  }
  if (typeof next.dueAt !== 'string') throw invalidData('dueAt', 'A repeating task needs a due date');
  if (isSet(next.repeatUntil) && isSet(next.repeatCount)) {
    throw invalidData('repeatCount', 'A repeat ends on a date or after a number of occurrences, not both');
  }
  if (typeof next.repeatUntil === 'string' && next.repeatUntil < next.dueAt.slice(0, 10)) {
    throw invalidData('repeatUntil', 'The repeat cannot end before the task is due');
  }
}

/**
 * The due instant one period after `dueAt` on the calendar of `timeZone` (the organisation's), at
 * the same local time of day across daylight-saving changes; a month or year that lacks the day
 * ends on its last day (31 January → 28/29 February).
 */
export function nextDue(dueAt: string, frequency: RepeatFrequency, timeZone: string): string {
  const by = { Daily: { days: 1 }, Weekly: { days: 7 }, Monthly: { months: 1 }, Yearly: { months: 12 } }[frequency];
  return new Date(addLocalCalendar(Date.parse(dueAt), timeZone, by)).toISOString();
}

const ownerId = (v: unknown): string | undefined =>
  typeof v === 'string'
    ? v
    : v && typeof v === 'object' && typeof (v as { id?: unknown }).id === 'string'
      ? (v as { id: string }).id
      : undefined;

const relatedRef = (v: unknown) =>
  v && typeof v === 'object' && typeof (v as { module?: unknown }).module === 'string' && typeof (v as { id?: unknown }).id === 'string'
    ? { module: (v as { module: string }).module, id: (v as { id: string }).id }
    : null;

/**
 * When a repeating task becomes Completed, its next occurrence is created through the record
 * service in the same transaction; the task_repeats row (keyed by the completed task) makes it
 * happen once even if the task is reopened and completed again.
 */
export async function createNextOccurrence(tx: Ctx, taskId: string, task: Values): Promise<void> {
  const frequency = task.repeat as RepeatFrequency | null | undefined;
  if (!frequency || typeof task.dueAt !== 'string') return;
  const count = typeof task.repeatCount === 'number' ? task.repeatCount : null;
  if (count !== null && count <= 1) return;
  const due = nextDue(task.dueAt, frequency, tx.meta.org.timeZone);
  if (typeof task.repeatUntil === 'string' && localDate(Date.parse(due), tx.meta.org.timeZone) > task.repeatUntil) return;
  const already = await tx.db.selectFrom('task_repeats').select('nextTaskId').where('taskId', '=', taskId).executeTakeFirst();
  if (already) return;
  const shift = Date.parse(due) - Date.parse(task.dueAt);
  const owner = ownerId(task.owner);
  const related = relatedRef(task.relatedTo);
  const next: Values = {
    subject: task.subject,
    dueAt: due,
    priority: task.priority ?? undefined,
    description: task.description ?? undefined,
    repeat: frequency,
    ...(related ? { relatedTo: related } : {}),
    ...(owner ? { owner: { id: owner } } : {}),
    ...(typeof task.repeatUntil === 'string' ? { repeatUntil: task.repeatUntil } : {}),
    ...(count !== null ? { repeatCount: count - 1 } : {}),
    ...(typeof task.reminderAt === 'string' ? { reminderAt: new Date(Date.parse(task.reminderAt) + shift).toISOString() } : {}),
  };
  for (const k of Object.keys(next)) if (next[k] === undefined || next[k] === null) delete next[k];
  const [result] = await createRecords(tx, 'tasks', [next]);
  if (result.status === 'error')
    throw new DomainError(result.code as 'INVALID_DATA', `The next occurrence could not be created: ${result.message}`, result.details);
  await tx.db
    .insertInto('task_repeats')
    .values({ taskId, nextTaskId: result.id as string })
    .execute();
}
