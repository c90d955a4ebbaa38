import type { Ctx } from '../context.js';
import { DomainError } from '../errors.js';
import { updateRecord } from '../records/index.js';

/**
 * The deals a pipeline change touches. Deals store their pipeline and stage by name, so renames
 * rewrite the names in place (a metadata change, like a picklist option rename: no new record
 * version), while moves to another stage are real stage changes made through the record service.
 */
function dealsTable(tx: Ctx): string | null {
  return tx.meta.modulesByName.get('deals')?.tableName ?? null;
}

export async function dealIdsIn(tx: Ctx, pipeline: string, stage?: string): Promise<string[]> {
  const table = dealsTable(tx);
  if (!table) return [];
  let q = tx.db.selectFrom(table).select('id').where('pipeline', '=', pipeline);
  if (stage !== undefined) q = q.where('stage', '=', stage);
  return (await q.orderBy('id').execute()).map((r) => r.id as string);
}

/** Moves deals to another stage (and pipeline) one by one, each with its validation and history. */
export async function moveDeals(tx: Ctx, ids: readonly string[], to: { pipeline: string; stage: string }): Promise<void> {
  for (const id of ids) {
    try {
      await updateRecord(tx, 'deals', id, { pipeline: to.pipeline, stage: to.stage });
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      throw new DomainError(err.code, `A deal cannot move to '${to.stage}': ${err.message}`, { ...err.details, dealId: id });
    }
  }
}

export async function renamePipelineInDeals(tx: Ctx, pipelineId: string, from: string, to: string): Promise<void> {
  const table = dealsTable(tx);
  if (table) await tx.db.updateTable(table).set({ pipeline: to }).where('pipeline', '=', from).execute();
  await tx.db.updateTable('deal_stage_history').set({ pipeline: to }).where('pipelineId', '=', pipelineId).execute();
}

export async function renameStageInDeals(tx: Ctx, pipeline: string, stageId: string, from: string, to: string): Promise<void> {
  const table = dealsTable(tx);
  if (table) await tx.db.updateTable(table).set({ stage: to }).where('pipeline', '=', pipeline).where('stage', '=', from).execute();
  await tx.db.updateTable('deal_stage_history').set({ toStage: to }).where('toStageId', '=', stageId).execute();
  await tx.db.updateTable('deal_stage_history').set({ fromStage: to }).where('fromStageId', '=', stageId).execute();
}
