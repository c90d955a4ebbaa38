import { requireManageMetadata } from '../access/index.js';
import type { Ctx } from '../context.js';
import { lockMetadata } from '../db/dialect.js';
import { fold } from '../db/fold.js';
import { DomainError, invalidData, notFound } from '../errors.js';
import { bumpMetaVersion, loadPipelines, loadSnapshot } from '../metadata/snapshot.js';
import type { Pipeline, PipelineStage } from '../metadata/types.js';

export const MAX_PIPELINES = 100;
export const MAX_STAGES = 50;
const NAME_MAX = 100;

/**
 * Every pipeline change: administrators only, under the metadata lock, against metadata re-read
 * inside it, and bumping the metadata version so every process sees the change.
 */
export async function inPipelineTransaction<T>(ctx: Ctx, fn: (tx: Ctx) => Promise<T>): Promise<T> {
  requireManageMetadata(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    await lockMetadata(trx, ctx.dialect);
    const meta = await loadSnapshot(trx);
    const result = await fn({ ...ctx, db: trx, meta });
    await bumpMetaVersion(trx);
    return result;
  });
}

export function pipelineOf(tx: Ctx, id: string): Pipeline {
  const p = tx.meta.pipelines.find((x) => x.id === id);
  if (!p) throw notFound(`The pipeline '${id}'`);
  return p;
}

export function stageOfPipeline(pipeline: Pipeline, stageId: string): PipelineStage {
  const s = pipeline.stages.find((x) => x.id === stageId);
  if (!s) throw notFound(`The stage '${stageId}' of the pipeline '${pipeline.name}'`);
  return s;
}

/** The pipeline as it is now in the transaction (after a change), for the answer. */
export async function reloadPipeline(tx: Ctx, id: string): Promise<Pipeline> {
  const p = (await loadPipelines(tx.db)).find((x) => x.id === id);
  if (!p) throw notFound(`The pipeline '${id}'`);
  return p;
}

/** A pipeline or stage name: 1–100 characters of well-formed text without control characters. */
export function parseName(v: unknown, field: string): string {
  if (typeof v !== 'string') throw invalidData(field, `'${field}' must be a string`);
  const name = v.trim();
  const wellFormed = (name as string & { isWellFormed(): boolean }).isWellFormed();
  if (!name || !wellFormed || /\p{Cc}/u.test(name) || [...name].length > NAME_MAX) {
    throw invalidData(field, `'${field}' must be 1–${NAME_MAX} characters of text`);
  }
  return name;
}

/** Throws DUPLICATE_DATA when `name` is taken (case-insensitively) by another of `others`. */
export function checkNameFree(name: string, others: readonly { id: string; name: string }[], selfId: string | null, field: string): void {
  if (others.some((o) => o.id !== selfId && fold(o.name) === fold(name))) {
    throw new DomainError('DUPLICATE_DATA', `The name '${name}' is already taken`, { field, value: name });
  }
}

export function parseProbability(v: unknown): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 100 || Number(v.toFixed(2)) !== v) {
    throw invalidData('probability', 'probability is a number from 0 to 100 with at most 2 decimals');
  }
  return v;
}

/** Writes stage positions 1..n in the given order. */
export async function renumberStages(tx: Ctx, stageIds: readonly string[]): Promise<void> {
  let i = 1;
  for (const id of stageIds) await tx.db.updateTable('pipeline_stages').set({ sortOrder: i++ }).where('id', '=', id).execute();
}
