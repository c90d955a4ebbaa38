import type { Db, DialectName } from '../../db/connection.js';
import { insertRows } from '../../db/insert-rows.js';
import { newId } from '../../ids.js';
import type { ActionRef } from './types.js';

export type ActionOutcome = 'pending' | 'scheduled' | 'done' | 'failed' | 'retrying' | 'cancelled';

export interface RunAction extends ActionRef {
  type: string;
  status: ActionOutcome;
  error?: string;
}

/** One firing of a rule on a record, as logged. */
export interface RunRow {
  id: string;
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
}

/*
 * Two tables hold the log. `workflow_runs` has a row per run: a date trigger's or a scheduled
 * job's firing, one at a time. `workflow_run_sets` has a row per rule per write: the runs one
 * write fired of one rule (a bulk create of 100 leads fires a rule on dozens of them), as JSON.
 * A bulk create logs a few hundred runs, and writing each as its own indexed row was a sixth of
 * its rules' cost. A run in a set has the id `<set id>.<position>`.
 */

export async function startRun(db: Db, run: Omit<RunRow, 'id'>): Promise<string> {
  const id = newId(run.at);
  await db
    .insertInto('workflow_runs')
    .values({ ...run, id, actions: JSON.stringify(run.actions) })
    .execute();
  return id;
}

const SEP = '.';

/** The id of the run at `position` in a set (positions sort as numbers do). */
export const runIdInSet = (setId: string, position: number) => `${setId}${SEP}${String(position).padStart(6, '0')}`;

/** What the runs of a set share, stored once: a set is one rule's firings in one write. */
interface SetCommon {
  ruleId: string;
  module: string;
  trigger: string;
  depth: number;
  at: number;
  status: string;
}

/**
 * A set's runs as stored: what they share once, then per run only what differs (ids come from
 * positions, actions name their condition only when it is not the run's). A bulk create logs tens
 * of thousands of runs; stored whole they were a sixth of the bytes its rules sent PostgreSQL.
 */
function encodeRunSet(runs: readonly RunRow[]): string {
  const first = runs[0];
  const common = { trigger: first.trigger, depth: first.depth, at: first.at, status: first.status };
  return JSON.stringify({
    v: 2,
    common,
    runs: runs.map((r) => {
      const run: Record<string, unknown> = { recordId: r.recordId, eventSeq: r.eventSeq, condition: r.condition };
      if (r.trigger !== common.trigger) run.trigger = r.trigger;
      if (r.depth !== common.depth) run.depth = r.depth;
      if (r.at !== common.at) run.at = r.at;
      if (r.status !== common.status) run.status = r.status;
      run.actions = r.actions.map((a) => {
        const action: Record<string, unknown> = { group: a.group, index: a.index, type: a.type, status: a.status };
        if (a.condition !== r.condition) action.condition = a.condition;
        if (a.error !== undefined) action.error = a.error;
        return action;
      });
      return run;
    }),
  });
}

/** A set's runs as logged, from either stored form (sets written before v2 held whole runs with ids). */
function decodeRunSet(setId: string, json: string, set: Pick<SetCommon, 'ruleId' | 'module'>): RunRow[] {
  const stored = JSON.parse(json) as
    | Omit<RunRow, 'ruleId' | 'module'>[]
    | { v: 2; common: Omit<SetCommon, 'ruleId' | 'module'>; runs: (Partial<RunRow> & { actions: Partial<RunAction>[] })[] };
  if (Array.isArray(stored)) return stored.map((run) => ({ ...run, ...set }));
  return stored.runs.map((run, position) => ({
    ...set,
    ...stored.common,
    ...run,
    id: runIdInSet(setId, position),
    actions: run.actions.map((a) => ({ ...a, condition: a.condition ?? run.condition ?? null }) as RunAction),
  })) as RunRow[];
}

/** Logs runs grouped in sets (each set: one rule's runs of one write, ids from runIdInSet). */
export async function storeRunSets(db: Db, dialect: DialectName, sets: { id: string; runs: RunRow[] }[]): Promise<void> {
  await insertRows(
    db,
    dialect,
    'workflow_run_sets',
    sets.map((s) => ({ id: s.id, ruleId: s.runs[0].ruleId, module: s.runs[0].module, at: s.runs[0].at, runs: encodeRunSet(s.runs) })),
    [],
    { id: 'text', ruleId: 'text', module: 'text', at: 'bigint', runs: 'json' },
  );
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
  const mark = (actions: RunAction[]) => {
    const a = actions.find((x) => x.condition === ref.condition && x.group === ref.group && x.index === ref.index);
    if (!a) return false;
    a.status = status;
    if (error) a.error = error.slice(0, 500);
    else delete a.error;
    return true;
  };
  const inSet = runId.includes(SEP);
  const setId = runId.split(SEP)[0];
  const apply = async (trx: Db) => {
    if (inSet) {
      let q = trx.selectFrom('workflow_run_sets').select(['runs', 'ruleId', 'module']).where('id', '=', setId);
      if (dialect === 'postgres') q = q.forUpdate();
      const row = await q.executeTakeFirst();
      if (!row) return;
      const runs = decodeRunSet(setId, row.runs as string, { ruleId: row.ruleId as string, module: row.module as string });
      const run = runs.find((r) => r.id === runId);
      if (!run || !mark(run.actions)) return;
      await trx
        .updateTable('workflow_run_sets')
        .set({ runs: encodeRunSet(runs) })
        .where('id', '=', setId)
        .execute();
      return;
    }
    let q = trx.selectFrom('workflow_runs').select('actions').where('id', '=', runId);
    if (dialect === 'postgres') q = q.forUpdate();
    const row = await q.executeTakeFirst();
    if (!row) return;
    const actions = JSON.parse(row.actions as string) as RunAction[];
    if (!mark(actions)) return;
    await trx
      .updateTable('workflow_runs')
      .set({ actions: JSON.stringify(actions) })
      .where('id', '=', runId)
      .execute();
  };
  if (db.isTransaction) await apply(db);
  else await db.transaction().execute(apply);
}

/** The rule's latest runs, newest first, from both tables. */
export async function listRuns(db: Db, ruleId: string, limit = 100) {
  const newest = (table: 'workflow_runs' | 'workflow_run_sets') =>
    db.selectFrom(table).selectAll().where('ruleId', '=', ruleId).orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  const single = await newest('workflow_runs');
  // Every set holds at least one run, so the newest `limit` sets hold the newest `limit` runs.
  const sets = await newest('workflow_run_sets');
  const runs: RunRow[] = [
    ...single.map((r) => ({ ...(r as unknown as RunRow), actions: JSON.parse(r.actions as string) as RunAction[] })),
    ...sets.flatMap((s) => decodeRunSet(s.id as string, s.runs as string, { ruleId, module: s.module as string })),
  ];
  // Newest first; within one millisecond a deeper run came later (a rule's write fired it), and ids
  // of one millisecond are random, so depth decides before the id.
  runs.sort((a, b) => Number(b.at) - Number(a.at) || Number(b.depth) - Number(a.depth) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  return runs.slice(0, limit).map((r) => ({
    id: r.id,
    record: { module: r.module, id: r.recordId },
    trigger: r.trigger,
    eventSeq: r.eventSeq === null ? null : Number(r.eventSeq),
    condition: r.condition === null ? null : Number(r.condition),
    depth: Number(r.depth),
    status: r.status,
    actions: r.actions,
    at: new Date(Number(r.at)).toISOString(),
  }));
}
