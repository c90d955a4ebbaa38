import { invalidData, requiredMissing } from '../../errors.js';
import type { Pipeline, PipelineStage } from '../../metadata/types.js';
import { isEmptyValue, type RecordValues } from '../values.js';
import type { WriteRule } from './types.js';

/**
 * A deal lives in a pipeline (the default one when none is named) and its stage must be one of
 * that pipeline's stages. Probability follows the stage unless the writer sets it; expected
 * revenue = amount × probability / 100, to the cent. Entering a closed stage stamps `closedAt`
 * (an open stage clears it); a lost or unqualified deal needs a `lossReason`.
 */
export const dealRules: WriteRule = (ctx, next, prev, given) => {
  const pipelines = ctx.meta.pipelines;
  if (next.pipeline == null) next.pipeline = pipelines.find((p) => p.isDefault)?.name ?? pipelines[0]?.name ?? null;
  const pipeline = pipelines.find((p) => p.name === next.pipeline);
  if (!pipeline) throw invalidData('pipeline', `'${String(next.pipeline)}' is not a pipeline`);
  const stage = pipeline.stages.find((s) => s.name === next.stage);
  if (next.stage != null && !stage) {
    throw invalidData('stage', `'${String(next.stage)}' is not a stage of the pipeline '${pipeline.name}'`, {
      pipeline: pipeline.name,
    });
  }
  const stageChanged = dealStageChanged(prev, next);
  if (stage && stageChanged && !given.has('probability')) next.probability = stage.probability;
  const amount = typeof next.amount === 'number' ? next.amount : null;
  const probability = typeof next.probability === 'number' ? next.probability : null;
  next.expectedRevenue = amount === null || probability === null ? null : Math.round(amount * probability) / 100;
  if (stage && stageChanged) next.closedAt = stage.kind === 'open' ? null : ctx.clock.now().toISOString();
  const needsReason = stage && (stage.kind === 'lost' || stage.kind === 'unqualified');
  if (needsReason && (stageChanged || given.has('lossReason')) && isEmptyValue(next.lossReason)) throw requiredMissing('lossReason');
};

/** A deal changes stage when it is created, or when its stage or pipeline changes. */
export function dealStageChanged(prev: RecordValues | null, next: RecordValues): boolean {
  return !prev || prev.stage !== next.stage || prev.pipeline !== next.pipeline;
}

/** The stage a deal's values name (pipeline and stage are stored by name), if it exists. */
export function stageOf(pipelines: readonly Pipeline[], values: RecordValues): PipelineStage | undefined {
  return pipelines.find((p) => p.name === values.pipeline)?.stages.find((s) => s.name === values.stage);
}
