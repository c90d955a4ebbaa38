import { sql } from 'kysely';
import type { Ctx } from '../context.js';
import { foldSql } from '../db/dialect.js';
import { fold } from '../db/fold.js';
import { invalidData } from '../errors.js';

/**
 * The existing record of `module` whose `field` equals `value` case-insensitively (the oldest
 * when several do), or null.
 */
export async function findByFoldedValue(tx: Ctx, module: string, field: string, value: unknown): Promise<string | null> {
  const m = tx.meta.modulesByName.get(module);
  if (!m?.fieldsByName.has(field) || typeof value !== 'string' || !value.trim()) return null;
  const r = await sql<{ id: string }>`select id from ${sql.table(m.tableName)}
    where ${foldSql(tx.dialect, sql`trim(${sql.ref(field)})`)} = ${fold(value.trim())}
    order by ${sql.ref('createdAt')}, id limit 1`.execute(tx.db);
  return r.rows[0]?.id ?? null;
}

/** The id of a record the client chose (`{"id"}`), which must exist: else INVALID_DATA naming `field`. */
export async function chosenRecord(tx: Ctx, module: string, field: string, choice: { id: string }): Promise<string> {
  const m = tx.meta.modulesByName.get(module);
  const row = m && (await tx.db.selectFrom(m.tableName).select('id').where('id', '=', choice.id).executeTakeFirst());
  if (!row) throw invalidData(field, `No record of ${module} has the id '${choice.id}'`, { id: choice.id });
  return row.id as string;
}
