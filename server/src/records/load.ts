import type { Ctx } from '../context.js';
import { notFound } from '../errors.js';
import type { ModuleDef } from '../metadata/types.js';
import { type StoredRecord, columnsToRecord } from './rows.js';

/** Reads one stored record (raw row and API values) or throws NOT_FOUND. */
export async function loadRecord(ctx: Ctx, module: ModuleDef, id: string): Promise<{ row: Record<string, unknown>; record: StoredRecord }> {
  const row = await ctx.db.selectFrom(module.tableName).selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound(`The ${module.singularLabel.toLowerCase()} '${id}'`);
  return { row, record: columnsToRecord(module, row) };
}
