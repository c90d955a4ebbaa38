import type { Ctx } from '../context.js';
import { scoreOf } from './automation-rules.js';
import { moduleOf } from './module-of.js';
import { columnsToRecord } from './rows.js';

const CHUNK = 500;

/**
 * Recomputes `score` of every record of a module after its scoring rules changed. Like a picklist
 * rename this is a metadata consequence: rows are rewritten in place (no version, no history),
 * chunk by chunk so the event loop is never blocked long; `onProgress` hears how many records were
 * checked after each chunk. Returns how many scores changed.
 */
export async function rescoreModule(ctx: Ctx, moduleName: string, onProgress?: (checked: number) => Promise<void>): Promise<number> {
  const module = moduleOf(ctx, moduleName);
  if (!module.fieldsByName.has('score')) return 0;
  let after = '';
  let changed = 0;
  let checked = 0;
  for (;;) {
    const rows = await ctx.db.selectFrom(module.tableName).selectAll().where('id', '>', after).orderBy('id').limit(CHUNK).execute();
    if (rows.length === 0) return changed;
    for (const row of rows) {
      const rec = columnsToRecord(module, row);
      const score = scoreOf(ctx, module, { ...rec.values, id: rec.id });
      if (rec.values.score !== score) {
        await ctx.db.updateTable(module.tableName).set({ score }).where('id', '=', rec.id).execute();
        changed++;
      }
    }
    after = rows[rows.length - 1].id as string;
    checked += rows.length;
    await onProgress?.(checked);
  }
}
