import { sql } from 'kysely';
import { runWorkflowRules } from '../automation/workflow/in-transaction.js';
import type { Ctx } from '../context.js';
import type { Db, DialectName } from '../db/connection.js';
import { DomainError, invalidData, limitExceeded, notFound } from '../errors.js';
import { newId } from '../ids.js';
import { removeSearchDocuments, searchDocument, upsertSearchDocuments } from '../search/index.js';
import { writeHistory } from './history.js';
import { loadRecord } from './load.js';
import { moduleOf } from './module-of.js';
import { appendEvents } from './outbox.js';
import { columnsToRecord, recordToJson } from './rows.js';
import { inTransaction } from './transaction.js';
import { findDuplicates } from './unique.js';

/**
 * Deleting moves the record's row, as stored, into the recycle bin; restoring puts the same row
 * back (same id, values and lookups), so records that pointed at it point at it again.
 */
export async function deleteRecord(ctx: Ctx, moduleName: string, id: string): Promise<{ id: string; deleted: true }> {
  const module = moduleOf(ctx, moduleName);
  return inTransaction(ctx, async (tx) => {
    const { row, record } = await loadRecord(tx, module, id);
    const now = tx.clock.now().getTime();
    await tx.db
      .insertInto('recycle_bin')
      .values({
        id: newId(now),
        module: module.apiName,
        recordId: id,
        name: record.name,
        deletedAt: now,
        deletedBy: tx.user.id,
        data: JSON.stringify(row),
      })
      .execute();
    await tx.db.deleteFrom(module.tableName).where('id', '=', id).execute();
    await removeSearchDocuments(tx.db, tx.dialect, module.apiName, [id]);
    await writeHistory(tx, [{ module: module.apiName, recordId: id, action: 'deleted', changes: [] }]);
    await runWorkflowRules(
      tx,
      await appendEvents(tx, [{ module: module.apiName, recordId: id, type: 'deleted', payload: { record: recordToJson(record) } }]),
    );
    return { id, deleted: true as const };
  });
}

export type DeleteResult =
  | { status: 'success'; id: string }
  | { status: 'error'; id: string; code: string; message: string; details: Record<string, unknown> };

export async function deleteRecords(ctx: Ctx, moduleName: string, ids: string[]): Promise<DeleteResult[]> {
  moduleOf(ctx, moduleName);
  if (ids.length === 0) throw invalidData('ids', 'Give the ids to delete');
  if (ids.length > 100) throw limitExceeded('At most 100 records can be deleted in one call', { max: 100 });
  const out: DeleteResult[] = [];
  for (const id of ids) {
    try {
      await deleteRecord(ctx, moduleName, id);
      out.push({ status: 'success', id });
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      out.push({ status: 'error', id, code: err.code, message: err.message, details: err.details });
    }
  }
  return out;
}

export interface RecycleBinEntry {
  id: string;
  module: string;
  recordId: string;
  name: string | null;
  deletedAt: string;
  deletedBy: { id: string; name: string | null } | null;
}

export async function listRecycleBin(ctx: Ctx, opts: { module?: string; page: number; perPage: number }) {
  let q = ctx.db
    .selectFrom('recycle_bin as b')
    .leftJoin('users as u', 'u.id', 'b.deletedBy')
    .select(['b.id', 'b.module', 'b.recordId', 'b.name', 'b.deletedAt', 'b.deletedBy', 'u.name as userName']);
  if (opts.module) q = q.where('b.module', '=', opts.module);
  const rows = await q
    .orderBy('b.deletedAt', 'desc')
    .orderBy('b.id', 'desc')
    .limit(opts.perPage + 1)
    .offset((opts.page - 1) * opts.perPage)
    .execute();
  const data: RecycleBinEntry[] = rows.slice(0, opts.perPage).map((r) => ({
    id: r.id,
    module: r.module,
    recordId: r.recordId,
    name: r.name ?? null,
    deletedAt: new Date(Number(r.deletedAt)).toISOString(),
    deletedBy: r.deletedBy ? { id: r.deletedBy, name: r.userName ?? null } : null,
  }));
  return { data, moreRecords: rows.length > opts.perPage };
}

export async function restoreFromRecycleBin(ctx: Ctx, entryId: string): Promise<Record<string, unknown>> {
  return inTransaction(ctx, async (tx) => {
    const entry = await tx.db.selectFrom('recycle_bin').selectAll().where('id', '=', entryId).executeTakeFirst();
    if (!entry) throw notFound(`The recycle bin entry '${entryId}'`);
    const module = tx.meta.modulesByName.get(entry.module);
    if (!module) throw new DomainError('CONFLICT', `The module '${entry.module}' no longer exists`);
    const saved = JSON.parse(entry.data) as Record<string, unknown>;
    // Keep only columns the table still has (a custom field may have been deleted since).
    const probe = columnsToRecord(module, saved);
    const columns = new Set(await tableColumns(tx.db, tx.dialect, module.tableName));
    const row = Object.fromEntries(Object.entries(saved).filter(([k]) => columns.has(k)));
    const [dup] = await findDuplicates(tx, module, [{ values: probe.values }]);
    if (dup) throw dup;
    const now = tx.clock.now().getTime();
    row.version = Number(saved.version ?? 1) + 1;
    row.modifiedAt = now;
    row.modifiedBy = tx.user.id;
    await tx.db.insertInto(module.tableName).values(row).execute();
    await tx.db.deleteFrom('recycle_bin').where('id', '=', entryId).execute();
    const { record } = await loadRecord(tx, module, entry.recordId);
    await upsertSearchDocuments(tx.db, tx.dialect, [searchDocument(module, record.id, record.name, record.values)]);
    await writeHistory(tx, [{ module: module.apiName, recordId: record.id, action: 'restored', changes: [] }]);
    await runWorkflowRules(
      tx,
      await appendEvents(tx, [
        { module: module.apiName, recordId: record.id, type: 'restored', payload: { record: recordToJson(record) } },
      ]),
    );
    return { module: module.apiName, id: record.id, record: recordToJson(record) };
  });
}

export async function purgeRecycleBinEntry(ctx: Ctx, entryId: string): Promise<void> {
  const r = await ctx.db.deleteFrom('recycle_bin').where('id', '=', entryId).executeTakeFirst();
  if (Number(r.numDeletedRows) === 0) throw notFound(`The recycle bin entry '${entryId}'`);
}

/** Purges entries older than the retention; run periodically by every server (idempotent). */
export async function purgeExpired(db: Db, now: Date, retentionDays: number): Promise<number> {
  const cutoff = now.getTime() - retentionDays * 86_400_000;
  const r = await db.deleteFrom('recycle_bin').where('deletedAt', '<', cutoff).executeTakeFirst();
  return Number(r.numDeletedRows);
}

async function tableColumns(db: Db, dialect: DialectName, table: string): Promise<string[]> {
  if (dialect === 'postgres') {
    const r = await sql<{ name: string }>`select column_name as name from information_schema.columns
      where table_schema = current_schema() and table_name = ${table}`.execute(db);
    return r.rows.map((x) => x.name);
  }
  const r = await sql<{ name: string }>`select name from pragma_table_info(${table})`.execute(db);
  return r.rows.map((x) => x.name);
}
