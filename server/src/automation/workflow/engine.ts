import type { Db, DialectName } from '../../db/connection.js';
import type { FilterEnv } from '../../filters/index.js';
import type { MetadataSnapshot } from '../../metadata/types.js';
import { planDateTrigger } from './date-trigger.js';
import { triggerFires } from './decide.js';
import { criteriaEnvOf, fireRule, matchingCondition } from './fire.js';
import type { InlineBatch } from './inline.js';
import type { OutboxEvent, WorkflowDefinition } from './types.js';

export { ACTION_JOB } from './fire.js';

const TRIGGER_OF: Record<string, string> = { created: 'create', updated: 'edit', deleted: 'delete', restored: 'restore' };

/**
 * Hands one record event to the workflow rules of its module, in the triggering write's
 * transaction (in-transaction.ts; the outbox reader only for events an earlier version left): each
 * triggered rule whose criteria match fires (see fireRule); date-triggered rules re-plan their date
 * job when the record is created or restored or its date field changes.
 */
export async function onRecordEvent(
  db: Db,
  dialect: DialectName,
  meta: MetadataSnapshot,
  event: OutboxEvent,
  batch?: InlineBatch,
): Promise<void> {
  const module = meta.modulesByName.get(event.module);
  const record = event.payload.record;
  if (!module || !record) return;
  const depth = event.payload.automation?.depth ?? 0;
  let criteriaEnv: FilterEnv | undefined;
  for (const rule of meta.rules) {
    if (rule.kind !== 'workflow' || !rule.active || rule.module !== event.module) continue;
    const def = rule.definition as unknown as WorkflowDefinition;
    if (def.trigger.on === 'date') {
      const field = def.trigger.date?.field;
      const replan =
        event.type === 'created' ||
        event.type === 'restored' ||
        (event.type === 'updated' && (event.payload.changes ?? []).some((c) => c.field === field));
      if (replan) await planDateTrigger(db, meta, rule, event.recordId, record, event.at);
      continue;
    }
    if (!triggerFires(def, event)) continue;
    criteriaEnv ??= criteriaEnvOf(meta, dialect, { module, userId: event.userId, at: event.at });
    // Most rules match few records: decide first, so a rule that does not match costs no firing.
    const condition = matchingCondition(meta, dialect, rule, { module, userId: event.userId, at: event.at, record, criteriaEnv });
    if (condition < 0) continue;
    await fireRule(
      db,
      dialect,
      meta,
      rule,
      {
        module,
        recordId: event.recordId,
        record,
        trigger: TRIGGER_OF[event.type] ?? event.type,
        event: event.type,
        eventSeq: event.seq > 0 ? event.seq : null,
        // A record's creation fired before its insert has no seq yet; it happens once, so the
        // record's id keys its actions instead.
        origin: event.seq > 0 ? event.seq : `${event.type}:${event.recordId}`,
        depth,
        at: event.at,
        userId: event.userId,
        criteriaEnv,
        condition,
      },
      batch,
    );
  }
}
