import { addTag } from './add-tag.js';
import { createTask } from './create-task.js';
import { emailNotification } from './email.js';
import { assignOwner, fieldUpdate } from './field-update.js';
import type { ActionInput } from './types.js';
import { webhook } from './webhook.js';

/** Actions that write records run in the job's transaction (exactly once); the others are external. */
export const ACTIONS: Record<string, { run: (input: ActionInput) => Promise<void>; transactional: boolean }> = {
  fieldUpdate: { run: fieldUpdate, transactional: true },
  assignOwner: { run: assignOwner, transactional: true },
  createTask: { run: createTask, transactional: true },
  addTag: { run: addTag, transactional: true },
  emailNotification: { run: emailNotification, transactional: false },
  webhook: { run: webhook, transactional: false },
};
export type { ActionInput } from './types.js';
