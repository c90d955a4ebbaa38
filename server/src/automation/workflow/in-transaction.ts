import type { Ctx } from '../../context.js';
import type { ModuleDef } from '../../metadata/types.js';
import type { StoredRecordEvent } from '../../records/outbox.js';
import { onRecordEvent } from './engine.js';
import { type FoldedChange, InlineBatch } from './inline.js';

export type { FoldedChange };

import type { OutboxEvent } from './types.js';

/*
 * Workflow rules run inside the triggering write's transaction, before it commits: the record
 * service calls in here at the end of every create, update, delete and restore.
 *
 * Instant record writes (field updates, tasks, owner, tags) are done with the write: a record is
 * never seen without them, two app servers cannot both do them, and a bulk create's rules cost a
 * few more statements instead of a second pass over the outbox. A rule's own writes come back
 * here through the record service one level deeper, which is how chains of rules run and how the
 * depth limit stops loops. Emails, webhooks and scheduled actions become jobs in the same
 * transaction and run after commit (ARCHITECTURE idea 4: no side effect of a write that rolls back).
 */

const hasRules = (tx: Ctx, modules: Iterable<string>) => {
  const set = new Set(modules);
  return tx.meta.rules.some((r) => r.kind === 'workflow' && r.active && set.has(r.module));
};

function batchFor(tx: Ctx): InlineBatch {
  const batch = new InlineBatch(tx.db, tx.dialect, tx.meta, tx.clock, tx.automation?.depth ?? 0);
  batch.knownUser(tx.user);
  return batch;
}

/** Runs the rules a write's stored record events trigger (update, delete, restore; see below for creates). */
export async function runWorkflowRules(tx: Ctx, events: readonly StoredRecordEvent[]): Promise<void> {
  if (
    events.length === 0 ||
    !hasRules(
      tx,
      events.map((e) => e.module),
    )
  )
    return;
  const batch = batchFor(tx);
  for (const e of events) await onRecordEvent(tx.db, tx.dialect, tx.meta, e as OutboxEvent, batch);
  await batch.flush();
}

/** The create rules of records about to be inserted, fired; what the record service folds in, and the rest. */
export interface CreateFiring {
  /** Instant changes the record service writes with the records (by record id). */
  folded: Map<string, FoldedChange>;
  batch: InlineBatch;
}

/**
 * Fires the create rules of records about to be inserted (ids assigned, values final). Their
 * instant changes to fields `foldable` allows are handed back to be written with the records:
 * one row version, search document and write instead of an insert and then an update (history
 * and events still show the rule's change as its own). `finishCreateRules` does the rest after
 * the insert. Null when the module has no active workflow rule.
 */
export async function fireCreateRules(
  tx: Ctx,
  module: ModuleDef,
  records: readonly { id: string; record: Record<string, unknown> }[],
  foldable: (module: string, field: string) => boolean,
): Promise<CreateFiring | null> {
  if (records.length === 0 || !hasRules(tx, [module.apiName])) return null;
  const batch = batchFor(tx);
  const at = tx.clock.now().getTime();
  const automation = tx.automation;
  for (const r of records) {
    const event: OutboxEvent = {
      seq: 0,
      module: module.apiName,
      recordId: r.id,
      type: 'created',
      at,
      userId: tx.user.id,
      payload: { record: r.record, ...(automation ? { automation } : {}) },
    };
    await onRecordEvent(tx.db, tx.dialect, tx.meta, event, batch);
  }
  return { folded: batch.takeFoldable(new Set(records.map((r) => r.id)), foldable), batch };
}

/**
 * After the insert: the runs learn their events' seqs, the folded changes' `updated` events fire
 * the rules they trigger (one level deeper), and the other instant actions run.
 */
export async function finishCreateRules(
  tx: Ctx,
  firing: CreateFiring,
  created: readonly StoredRecordEvent[],
  folded: readonly StoredRecordEvent[],
): Promise<void> {
  firing.batch.numberEvents(new Map(created.map((e) => [e.recordId, e.seq])));
  const automation = folded[0]?.payload.automation;
  if (automation) await runWorkflowRules({ ...tx, automation }, folded);
  await firing.batch.flush();
}
