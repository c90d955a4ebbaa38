import type { Ctx } from '../context.js';
import { DomainError, invalidData, limitExceeded, requiredMissing } from '../errors.js';
import { newId } from '../ids.js';
import { loadPipelines } from '../metadata/snapshot.js';
import { dealIdsIn, moveDeals, renamePipelineInDeals } from './pipeline-deals.js';
import { type PipelineJson, pipelineJson } from './pipeline-json.js';
import {
  checkNameFree,
  inPipelineTransaction,
  MAX_PIPELINES,
  MAX_STAGES,
  parseName,
  parseProbability,
  pipelineOf,
  reloadPipeline,
} from './pipeline-transaction.js';

/** The closed stages every pipeline has (API.md "Sales"): renameable, never deleted. */
export const FIXED_STAGES = [
  { name: 'Won', probability: 100, kind: 'won' },
  { name: 'Lost', probability: 0, kind: 'lost' },
  { name: 'Unqualified', probability: 0, kind: 'unqualified' },
] as const;

export async function listPipelines(ctx: Ctx): Promise<PipelineJson[]> {
  return (await loadPipelines(ctx.db)).map(pipelineJson);
}

export async function getPipeline(ctx: Ctx, id: string): Promise<PipelineJson> {
  return pipelineJson(await reloadPipeline(ctx, id));
}

export interface PipelineRequest {
  name?: unknown;
  stages?: unknown;
  default?: unknown;
}

/** Open stages without a probability get one spread evenly between 0 and 100. */
export const spreadProbability = (index: number, count: number) => Math.round(((index + 1) * 100) / (count + 1));

/** A new pipeline: the open stages given, in order, then Won, Lost and Unqualified. */
export async function createPipeline(ctx: Ctx, req: PipelineRequest): Promise<PipelineJson> {
  return inPipelineTransaction(ctx, async (tx) => {
    if (tx.meta.pipelines.length >= MAX_PIPELINES) throw limitExceeded(`At most ${MAX_PIPELINES} pipelines`, { max: MAX_PIPELINES });
    const name = parseName(req.name, 'name');
    checkNameFree(name, tx.meta.pipelines, null, 'name');
    const given: unknown[] = Array.isArray(req.stages) ? req.stages : [];
    if (given.length === 0) throw requiredMissing('stages');
    if (given.length > MAX_STAGES - FIXED_STAGES.length) {
      throw limitExceeded(`A pipeline has at most ${MAX_STAGES} stages, Won, Lost and Unqualified included`, { max: MAX_STAGES });
    }
    const taken: { id: string; name: string }[] = FIXED_STAGES.map((s) => ({ id: s.kind, name: s.name }));
    const open = given.map((raw, i) => {
      const s = (raw ?? {}) as { name?: unknown; probability?: unknown };
      const stageName = parseName(s.name, 'stages');
      checkNameFree(stageName, taken, null, 'stages');
      taken.push({ id: String(i), name: stageName });
      const probability =
        s.probability === undefined || s.probability === null ? spreadProbability(i, given.length) : parseProbability(s.probability);
      return { name: stageName, probability };
    });
    const isDefault = req.default === true;
    if (isDefault) await tx.db.updateTable('pipelines').set({ isDefault: 0 }).execute();
    const now = tx.clock.now().getTime();
    const id = newId(now);
    const sortOrder =
      Math.max(0, ...(await tx.db.selectFrom('pipelines').select('sortOrder').execute()).map((r) => Number(r.sortOrder))) + 1;
    await tx.db
      .insertInto('pipelines')
      .values({ id, name, isDefault: isDefault ? 1 : 0, sortOrder })
      .execute();
    const stages = [
      ...open.map((s) => ({ ...s, kind: 'open', fixed: 0 })),
      ...FIXED_STAGES.map((s) => ({ name: s.name, probability: s.probability, kind: s.kind, fixed: 1 })),
    ];
    await tx.db
      .insertInto('pipeline_stages')
      .values(stages.map((s, i) => ({ id: newId(now), pipelineId: id, ...s, sortOrder: i + 1 })))
      .execute();
    return pipelineJson(await reloadPipeline(tx, id));
  });
}

/** Renames a pipeline (its deals follow) or makes it the default. */
export async function updatePipeline(ctx: Ctx, id: string, req: PipelineRequest): Promise<PipelineJson> {
  if (req.stages !== undefined) throw invalidData('stages', 'Stages are changed one by one under /pipelines/{id}/stages');
  return inPipelineTransaction(ctx, async (tx) => {
    const pipeline = pipelineOf(tx, id);
    if (req.name !== undefined) {
      const name = parseName(req.name, 'name');
      checkNameFree(name, tx.meta.pipelines, id, 'name');
      if (name !== pipeline.name) {
        await tx.db.updateTable('pipelines').set({ name }).where('id', '=', id).execute();
        await renamePipelineInDeals(tx, id, pipeline.name, name);
      }
    }
    if (req.default !== undefined) {
      if (typeof req.default !== 'boolean') throw invalidData('default', 'default is true or false');
      if (req.default && !pipeline.isDefault) {
        await tx.db.updateTable('pipelines').set({ isDefault: 0 }).execute();
        await tx.db.updateTable('pipelines').set({ isDefault: 1 }).where('id', '=', id).execute();
      }
      if (!req.default && pipeline.isDefault) {
        throw invalidData('default', 'There is always a default pipeline: make another pipeline the default instead');
      }
    }
    return pipelineJson(await reloadPipeline(tx, id));
  });
}

/**
 * Deletes a pipeline that is not the default. Its deals move to `moveTo`, a stage of another
 * pipeline (required when it has deals).
 */
export async function deletePipeline(ctx: Ctx, id: string, moveTo?: string): Promise<void> {
  await inPipelineTransaction(ctx, async (tx) => {
    const pipeline = pipelineOf(tx, id);
    if (pipeline.isDefault) throw invalidData(undefined, 'The default pipeline cannot be deleted: make another pipeline the default first');
    const dealIds = await dealIdsIn(tx, pipeline.name);
    if (moveTo !== undefined) {
      const target = tx.meta.pipelines.flatMap((p) => p.stages.map((s) => ({ p, s }))).find((x) => x.s.id === moveTo && x.p.id !== id);
      if (!target) throw invalidData('moveTo', `'${moveTo}' is not a stage of another pipeline`);
      await moveDeals(tx, dealIds, { pipeline: target.p.name, stage: target.s.name });
    } else if (dealIds.length > 0) {
      throw new DomainError(
        'REQUIRED_FIELD_MISSING',
        `The pipeline has ${dealIds.length} deals: give moveTo, a stage of another pipeline`,
        {
          field: 'moveTo',
          deals: dealIds.length,
        },
      );
    }
    await tx.db.deleteFrom('pipeline_stages').where('pipelineId', '=', id).execute();
    await tx.db.deleteFrom('pipelines').where('id', '=', id).execute();
  });
}
