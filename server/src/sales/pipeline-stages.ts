import type { Ctx } from '../context.js';
import { DomainError, invalidData, limitExceeded } from '../errors.js';
import { newId } from '../ids.js';
import type { Pipeline, PipelineStage } from '../metadata/types.js';
import { dealIdsIn, moveDeals, renameStageInDeals } from './pipeline-deals.js';
import { type PipelineJson, pipelineJson } from './pipeline-json.js';
import {
  checkNameFree,
  inPipelineTransaction,
  MAX_STAGES,
  parseName,
  parseProbability,
  pipelineOf,
  reloadPipeline,
  renumberStages,
  stageOfPipeline,
} from './pipeline-transaction.js';

export interface StageRequest {
  name?: unknown;
  probability?: unknown;
  kind?: unknown;
  order?: unknown;
}

/**
 * Stages keep two blocks: open stages first (positions 1..k), closed stages after. An open stage
 * moves within the open block, a closed one within the closed block.
 */
const openCount = (p: Pipeline) => p.stages.filter((s) => s.kind === 'open').length;

function parseOrder(v: unknown, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    throw invalidData('order', `order must be an integer from ${min} to ${max} (open stages come before closed ones)`, { min, max });
  }
  return v;
}

/** A closed stage's probability is its kind's: 100 for won, 0 for lost and unqualified. */
const closedProbability = (kind: PipelineStage['kind']) => (kind === 'won' ? 100 : 0);

/** An open stage without a probability gets the midpoint of its neighbours'. */
function neighbourProbability(p: Pipeline, position: number): number {
  const open = p.stages.filter((s) => s.kind === 'open');
  const before = open[position - 2]?.probability ?? 0;
  const after = open[position - 1]?.probability ?? 100;
  return Math.round((before + after) / 2);
}

/** Adds an open stage (at `order`, default last of the open ones) or a further closed stage of kind lost. */
export async function addStage(ctx: Ctx, pipelineId: string, req: StageRequest): Promise<PipelineJson> {
  return inPipelineTransaction(ctx, async (tx) => {
    const p = pipelineOf(tx, pipelineId);
    if (p.stages.length >= MAX_STAGES) throw limitExceeded(`A pipeline has at most ${MAX_STAGES} stages`, { max: MAX_STAGES });
    const name = parseName(req.name, 'name');
    checkNameFree(name, p.stages, null, 'name');
    const kind = req.kind ?? 'open';
    if (kind !== 'open' && kind !== 'lost') throw invalidData('kind', "A new stage is 'open' or, closed, 'lost'");
    const k = openCount(p);
    const position =
      kind === 'open'
        ? req.order === undefined
          ? k + 1
          : parseOrder(req.order, 1, k + 1)
        : req.order === undefined
          ? p.stages.length + 1
          : parseOrder(req.order, k + 1, p.stages.length + 1);
    let probability: number;
    if (kind === 'open') probability = req.probability == null ? neighbourProbability(p, position) : parseProbability(req.probability);
    else {
      probability = closedProbability('lost');
      if (req.probability != null && parseProbability(req.probability) !== probability) {
        throw invalidData('probability', 'A lost stage has probability 0');
      }
    }
    const id = newId(tx.clock.now().getTime());
    await tx.db.insertInto('pipeline_stages').values({ id, pipelineId, name, probability, kind, fixed: 0, sortOrder: position }).execute();
    const ids = p.stages.map((s) => s.id);
    ids.splice(position - 1, 0, id);
    await renumberStages(tx, ids);
    return pipelineJson(await reloadPipeline(tx, pipelineId));
  });
}

/** Renames (deals in the stage follow), sets the default probability of an open stage, or moves it. */
export async function updateStage(ctx: Ctx, pipelineId: string, stageId: string, req: StageRequest): Promise<PipelineJson> {
  if (req.kind !== undefined) throw invalidData('kind', "A stage's kind cannot be changed");
  return inPipelineTransaction(ctx, async (tx) => {
    const p = pipelineOf(tx, pipelineId);
    const stage = stageOfPipeline(p, stageId);
    if (req.name !== undefined) {
      const name = parseName(req.name, 'name');
      checkNameFree(name, p.stages, stageId, 'name');
      if (name !== stage.name) {
        await tx.db.updateTable('pipeline_stages').set({ name }).where('id', '=', stageId).execute();
        await renameStageInDeals(tx, p.name, stageId, stage.name, name);
      }
    }
    if (req.probability !== undefined) {
      const probability = parseProbability(req.probability);
      if (stage.kind !== 'open' && probability !== stage.probability) {
        throw invalidData('probability', `The probability of a ${stage.kind} stage is ${closedProbability(stage.kind)}`);
      }
      await tx.db.updateTable('pipeline_stages').set({ probability }).where('id', '=', stageId).execute();
    }
    if (req.order !== undefined) {
      const k = openCount(p);
      const position = stage.kind === 'open' ? parseOrder(req.order, 1, k) : parseOrder(req.order, k + 1, p.stages.length);
      const ids = p.stages.map((s) => s.id).filter((id) => id !== stageId);
      ids.splice(position - 1, 0, stageId);
      await renumberStages(tx, ids);
    }
    return pipelineJson(await reloadPipeline(tx, pipelineId));
  });
}

/**
 * Removes a stage that is not fixed (Won, Lost, Unqualified) nor the last open one. Its deals
 * move to `moveTo`, another stage of the pipeline (required when it has deals).
 */
export async function deleteStage(ctx: Ctx, pipelineId: string, stageId: string, moveTo?: string): Promise<PipelineJson> {
  return inPipelineTransaction(ctx, async (tx) => {
    const p = pipelineOf(tx, pipelineId);
    const stage = stageOfPipeline(p, stageId);
    if (stage.fixed)
      throw invalidData(
        undefined,
        `'${stage.name}' is one of the Won, Lost and Unqualified stages every pipeline has; it can be renamed, not deleted`,
      );
    if (stage.kind === 'open' && openCount(p) === 1) throw invalidData(undefined, 'A pipeline keeps at least one open stage');
    const dealIds = await dealIdsIn(tx, p.name, stage.name);
    if (moveTo !== undefined) {
      const target = p.stages.find((s) => s.id === moveTo && s.id !== stageId);
      if (!target) throw invalidData('moveTo', `'${moveTo}' is not another stage of the pipeline '${p.name}'`);
      await moveDeals(tx, dealIds, { pipeline: p.name, stage: target.name });
    } else if (dealIds.length > 0) {
      throw new DomainError('REQUIRED_FIELD_MISSING', `The stage has ${dealIds.length} deals: give moveTo, the stage they move to`, {
        field: 'moveTo',
        deals: dealIds.length,
      });
    }
    await tx.db.deleteFrom('pipeline_stages').where('id', '=', stageId).execute();
    await renumberStages(
      tx,
      p.stages.map((s) => s.id).filter((id) => id !== stageId),
    );
    return pipelineJson(await reloadPipeline(tx, pipelineId));
  });
}
