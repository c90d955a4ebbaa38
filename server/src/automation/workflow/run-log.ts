import type { Db, DialectName } from '../../db/connection.js';
import { newId } from '../../ids.js';
import type { ActionRef } from './types.js';

export type ActionOutcome = 'pending' | 'scheduled' | 'done' | 'failed' | 'retrying' | 'cancelled';

export interface RunAction extends ActionRef {
  type: string;
  status: ActionOutcome;
  error?: string;
}

export async function startRun(
  db: Db,
  run: {
    ruleId: string;
    module: string;
    recordId: string;
    trigger: string;
    eventSeq: number | null;
    condition: number | null;
    depth: number;
    status: string;
    actions: RunAction[];
    at: number;
  },
): Promise<string> {
  const id = newId(run.at);
  await db
    .insertInto('workflow_runs')
    .values({ id, ...run, actions: JSON.stringify(run.actions) })
    .execute();
  return id;
}

/** Records one action's outcome in its run (row-locked on PostgreSQL: workers finish actions side by side). */
export async function setActionOutcome(
  db: Db,
  dialect: DialectName,
  runId: string,
  ref: ActionRef,
  status: ActionOutcome,
  error?: string,
): Promise<void> {
  const apply = async (trx: Db) => {
    let q = trx.selectFrom('workflow_runs').select('actions').where('id', '=', runId);
    if (dialect === 'postgres') q = q.forUpdate();
    const row = await q.executeTakeFirst();
    if (!row) return;
    const actions = JSON.parse(row.actions as string) as RunAction[];
    const a = actions.find((x) => x.condition === ref.condition && x.group === ref.group && x.index === ref.index);
    if (!a) return;
    a.status = status;
    if (error) a.error = error.slice(0, 500);
    else delete a.error;
    await trx
      .updateTable('workflow_runs')
      .set({ actions: JSON.stringify(actions) })
      .where('id', '=', runId)
      .execute();
  };
  if (db.isTransaction) await apply(db);
  else await db.transaction().execute(apply);
}

export async function listRuns(db: Db, ruleId: string, limit = 100) {
  const rows = await db
    .selectFrom('workflow_runs')
    .selectAll()
    .where('ruleId', '=', ruleId)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id as string,
    record: { module: r.module as string, id: r.recordId as string },
    trigger: r.trigger as string,
    eventSeq: r.eventSeq === null ? null : Number(r.eventSeq),
    condition: r.condition === null ? null : Number(r.condition),
    depth: Number(r.depth),
    status: r.status as string,
    actions: JSON.parse(r.actions as string) as RunAction[],
    at: new Date(Number(r.at)).toISOString(),
  }));
}
