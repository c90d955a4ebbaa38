import type { Ctx } from '../context.js';
import { fromMinor } from '../metadata/field-types/currency.js';
import { getRecord } from '../records/index.js';

export interface StageChange {
  from: string | null;
  to: string;
  at: string;
  user: { id: string; name: string | null } | null;
  amount: number | null;
  pipeline: string | null;
}

const LIMIT = 1000;

/** A deal's stage changes, oldest first; its creation is the first, from null (API.md "Sales"). */
export async function dealStageHistory(ctx: Ctx, dealId: string): Promise<StageChange[]> {
  await getRecord(ctx, 'deals', dealId);
  const rows = await ctx.db
    .selectFrom('deal_stage_history as h')
    .leftJoin('users as u', 'u.id', 'h.userId')
    .select(['h.fromStage', 'h.toStage', 'h.at', 'h.userId', 'u.name as userName', 'h.amount', 'h.pipeline'])
    .where('h.dealId', '=', dealId)
    .orderBy('h.at')
    .orderBy('h.id')
    .limit(LIMIT)
    .execute();
  return rows.map((r) => ({
    from: r.fromStage ?? null,
    to: r.toStage,
    at: new Date(Number(r.at)).toISOString(),
    user: r.userId ? { id: r.userId, name: r.userName ?? null } : null,
    amount: r.amount == null ? null : fromMinor(Number(r.amount)),
    pipeline: r.pipeline ?? null,
  }));
}
