import type { Ctx } from '../context.js';
import { duplicateData } from '../errors.js';
import { uniqueShadow } from '../db/record-tables.js';
import type { ModuleDef } from '../metadata/types.js';
import { chunk } from '../util/chunk.js';
import { uniqueKey } from './rows.js';
import type { RecordValues } from './values.js';

/**
 * Checks unique fields before writing so a bulk call can fail only the offending records; the
 * unique index on the shadow column still guards against a concurrent writer.
 * Returns per record the first duplicate found (null when none).
 */
export async function findDuplicates(
  ctx: Ctx,
  module: ModuleDef,
  records: { values: RecordValues; selfId?: string }[],
): Promise<(Error | null)[]> {
  const errors: (Error | null)[] = records.map(() => null);
  for (const field of module.fields.filter((f) => f.unique)) {
    const col = uniqueShadow(field);
    const seen = new Map<string, number>();
    const keys: string[] = [];
    records.forEach((r, i) => {
      if (errors[i] || !(field.apiName in r.values)) return;
      const key = uniqueKey(r.values[field.apiName]);
      if (key === null) return;
      if (seen.has(key)) errors[i] = duplicateData(field.apiName);
      else {
        seen.set(key, i);
        keys.push(key);
      }
    });
    for (const part of chunk(keys, 500)) {
      const rows = await ctx.db.selectFrom(module.tableName).select(['id', col]).where(col, 'in', part).execute();
      for (const row of rows) {
        const i = seen.get(row[col] as string);
        if (i !== undefined && records[i].selfId !== row.id) errors[i] = duplicateData(field.apiName, row.id as string);
      }
    }
  }
  return errors;
}

/** True for the engines' unique-violation errors (a concurrent writer won the race). */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || /UNIQUE constraint failed/.test(e?.message ?? '');
}
