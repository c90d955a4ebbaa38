import { DomainError } from '../../../errors.js';
import { createRecords } from '../../../records/index.js';
import { renderTemplate } from '../template.js';
import type { ActionInput } from './types.js';

const DAY = 86_400_000;

/** A task related to the record, for its owner (or a named user), due in N days. */
export function taskValues({
  ctx,
  action,
  module,
  record,
}: Pick<ActionInput, 'ctx' | 'action' | 'module' | 'record'>): Record<string, unknown> {
  const owner =
    action.assignTo === 'owner' || action.assignTo === undefined
      ? (record.owner as { id?: string } | null)?.id
      : (action.assignTo as { userId: string }).userId;
  const task: Record<string, unknown> = {
    subject: renderTemplate(action.subject as string, record, {}, false).slice(0, 255),
    relatedTo: { module, id: record.id },
    ...(owner ? { owner: { id: owner } } : {}),
    ...(action.priority ? { priority: action.priority } : {}),
    ...(action.dueInDays !== undefined
      ? { dueAt: new Date(ctx.clock.now().getTime() + (action.dueInDays as number) * DAY).toISOString() }
      : {}),
  };
  return task;
}

export async function createTask(input: ActionInput): Promise<void> {
  const [result] = await createRecords(input.ctx, 'tasks', [taskValues(input)]);
  if (result.status === 'error') throw new DomainError(result.code as 'INVALID_DATA', result.message, result.details);
}
