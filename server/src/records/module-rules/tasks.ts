import { checkRepeatRule } from '../../activities/repeat.js';
import type { WriteRule } from './types.js';

/**
 * `completedAt` is set when a task becomes Completed and cleared when it is reopened; a repeat
 * rule must be possible (activities/repeat.ts).
 */
export const taskRules: WriteRule = (ctx, next, prev) => {
  checkRepeatRule(next);
  const done = next.status === 'Completed';
  const wasDone = prev?.status === 'Completed';
  if (done && !wasDone) next.completedAt = ctx.clock.now().toISOString();
  if (!done) next.completedAt = null;
};
