import type { Ctx } from '../context.js';
import { DomainError, duplicateData, invalidData, limitExceeded, versionConflict } from '../errors.js';
import { searchDocument, upsertSearchDocuments } from '../search/index.js';
import { type WriteResult, errorResult, MAX_WRITE_BATCH } from './create.js';
import { diffValues, writeHistory } from './history.js';
import { afterWriteRuleOf } from './module-rules/index.js';
import { loadRecord } from './load.js';
import { moduleOf } from './module-of.js';
import { appendEvents } from './outbox.js';
import { prepareUpdate } from './prepare.js';
import { resolveNames, verifyReferences } from './references.js';
import { recordToJson, valuesToColumns } from './rows.js';
import type { RecordValues } from './values.js';
import { inTransaction } from './transaction.js';
import { findDuplicates, isUniqueViolation } from './unique.js';

export interface UpdateOptions {
  /** The version the client last read (If-Match); a stale one → VERSION_CONFLICT. */
  ifMatch?: number;
  /**
   * Values of read-only fields set by the server itself, never from a client (lead conversion
   * marks the lead converted); canonical values, applied after the input is parsed.
   */
  systemValues?: RecordValues;
  /** The history action of this change: lead conversion records `converted`. */
  historyAction?: 'updated' | 'converted';
}

/**
 * Changes one record. Only fields whose value really changes are written; the version goes up by
 * one, and the write is conditional on the version read, so concurrent writers cannot both win.
 */
export async function updateRecord(
  ctx: Ctx,
  moduleName: string,
  id: string,
  input: unknown,
  opts: UpdateOptions = {},
): Promise<Record<string, unknown>> {
  const module = moduleOf(ctx, moduleName);
  try {
    return await inTransaction(ctx, async (tx) => {
      const { record: current } = await loadRecord(tx, module, id);
      if (opts.ifMatch !== undefined && opts.ifMatch !== current.version) throw versionConflict(current.version);
      const { next, name } = prepareUpdate(tx, module, current.values, input, opts.systemValues, id);
      const changes = diffValues(current.values, next);
      if (changes.length === 0) {
        await resolveNames(tx, module, [current]);
        return recordToJson(current);
      }
      const changedValues = Object.fromEntries(changes.map((c) => [c.field, next[c.field]]));
      const [refError] = await verifyReferences(tx, module, [changedValues]);
      if (refError) throw refError;
      const [dupError] = await findDuplicates(tx, module, [{ values: changedValues, selfId: id }]);
      if (dupError) throw dupError;
      const now = tx.clock.now();
      const result = await tx.db
        .updateTable(module.tableName)
        .set({
          ...valuesToColumns(module, changedValues),
          version: current.version + 1,
          modifiedAt: now.getTime(),
          modifiedBy: tx.user.id,
          _name: name,
        })
        .where('id', '=', id)
        .where('version', '=', current.version)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) throw versionConflict(current.version + 1);
      const updated = {
        id,
        version: current.version + 1,
        name,
        values: { ...next, modifiedAt: now.toISOString(), modifiedBy: { id: tx.user.id, name: tx.user.name } },
      };
      await writeHistory(tx, [{ module: module.apiName, recordId: id, action: opts.historyAction ?? 'updated', changes }]);
      await afterWriteRuleOf(module.apiName)?.(tx, [{ id, prev: current.values, next: updated.values }]);
      await appendEvents(tx, [
        { module: module.apiName, recordId: id, type: 'updated', payload: { record: recordToJson(updated), changes } },
      ]);
      await upsertSearchDocuments(tx.db, tx.dialect, [searchDocument(module, id, name, updated.values)]);
      await resolveNames(tx, module, [updated]);
      return recordToJson(updated);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw duplicateData(module.fields.find((f) => f.unique)?.apiName ?? 'id');
    throw err;
  }
}

/** Updates up to 100 records, each on its own: one failing does not stop the others. */
export async function updateRecords(ctx: Ctx, moduleName: string, inputs: unknown[]): Promise<WriteResult[]> {
  moduleOf(ctx, moduleName);
  if (inputs.length > MAX_WRITE_BATCH) {
    throw limitExceeded(`At most ${MAX_WRITE_BATCH} records can be written in one call`, { max: MAX_WRITE_BATCH });
  }
  if (inputs.length === 0) throw invalidData(undefined, 'Give at least one record');
  const results: WriteResult[] = [];
  for (const input of inputs) {
    try {
      const { id, ...fields } = (input ?? {}) as { id?: unknown };
      if (typeof input !== 'object' || input === null || Array.isArray(input) || typeof id !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(id)) {
        throw invalidData('id', 'Each record of a bulk update needs its "id"');
      }
      const record = await updateRecord(ctx, moduleName, id, fields);
      results.push({ status: 'success', id, record });
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      results.push(errorResult(err));
    }
  }
  return results;
}
