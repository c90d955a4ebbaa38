import type { Config } from '../../../config.js';
import type { Ctx } from '../../../context.js';
import type { WorkflowAction } from '../types.js';

/** What an action runs with: the acting context (in the job's transaction for database effects). */
export interface ActionInput {
  ctx: Ctx;
  config: Config;
  action: WorkflowAction;
  module: string;
  record: Record<string, unknown>;
  event: string;
  ruleId: string;
  /** rule + event + action: sent along with side effects so receivers can drop repeats. */
  idempotencyKey: string;
}
