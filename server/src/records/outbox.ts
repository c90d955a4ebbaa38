import type { Ctx } from '../context.js';
import { chunk } from '../util/chunk.js';

export type RecordEventType = 'created' | 'updated' | 'deleted' | 'restored';

export interface RecordEvent {
  module: string;
  recordId: string;
  type: RecordEventType;
  payload: { record?: Record<string, unknown>; changes?: unknown[]; automation?: { depth: number; ruleId: string } };
}

/**
 * Appends record events to the outbox in the caller's transaction: automation, webhooks and
 * notifications read them after commit, so a rolled-back write never triggers anything.
 */
export async function appendEvents(ctx: Ctx, events: RecordEvent[]): Promise<void> {
  const at = ctx.clock.now().getTime();
  for (const part of chunk(events, 500)) {
    await ctx.db
      .insertInto('record_events')
      .values(
        part.map((e) => ({
          module: e.module,
          recordId: e.recordId,
          type: e.type,
          at,
          userId: ctx.user.id,
          payload: JSON.stringify(ctx.automation ? { ...e.payload, automation: ctx.automation } : e.payload),
        })),
      )
      .execute();
  }
}
