import type { Ctx } from '../../context.js';
import { toMinor } from '../../metadata/field-types/currency.js';
import { chunk } from '../../util/chunk.js';
import { dealStageChanged, stageOf } from './deals.js';
import type { RecordWrite } from './types.js';

/**
 * Appends a `deal_stage_history` row for every deal whose stage changed (its creation counts, from
 * no stage): from, to, when, who and the amount then. Stage ids are kept beside the names so
 * reports can follow a stage through renames; names are what the stage was called at the time.
 */
export async function recordStageChanges(tx: Ctx, writes: readonly RecordWrite[]): Promise<void> {
  const at = tx.clock.now().getTime();
  const pipelines = tx.meta.pipelines;
  const rows = writes
    .filter((w) => w.next.stage != null && dealStageChanged(w.prev, w.next))
    .map((w) => {
      const to = stageOf(pipelines, w.next);
      const from = w.prev ? stageOf(pipelines, w.prev) : undefined;
      return {
        dealId: w.id,
        pipelineId: to?.pipelineId ?? null,
        pipeline: (w.next.pipeline as string | null) ?? null,
        fromStageId: from?.id ?? null,
        fromStage: (w.prev?.stage as string | null | undefined) ?? null,
        toStageId: to?.id ?? null,
        toStage: w.next.stage as string,
        toKind: to?.kind ?? null,
        at,
        userId: tx.user.id,
        amount: typeof w.next.amount === 'number' ? toMinor(w.next.amount) : null,
      };
    });
  for (const part of chunk(rows, 500)) await tx.db.insertInto('deal_stage_history').values(part).execute();
}
