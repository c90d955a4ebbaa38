import { runWorkflowRules } from '../automation/workflow/in-transaction.js';
import type { Ctx } from '../context.js';
import { DomainError, duplicateData, invalidData, limitExceeded, notFound, versionConflict } from '../errors.js';
import type { ModuleDef } from '../metadata/types.js';
import { searchDocument, upsertSearchDocuments } from '../search/index.js';
import { chunk } from '../util/chunk.js';
import { errorResult, MAX_WRITE_BATCH, type WriteResult } from './create.js';
import { diffValues, type FieldChange, writeHistory } from './history.js';
import { moduleOf } from './module-of.js';
import { afterWriteRuleOf } from './module-rules/index.js';
import { appendEvents, type StoredRecordEvent } from './outbox.js';
import { prepareUpdate } from './prepare.js';
import { resolveNames, verifyReferences } from './references.js';
import { columnsToRecord, recordToJson, type StoredRecord, valuesToColumns } from './rows.js';
import { inTransaction } from './transaction.js';
import { findDuplicates, isUniqueViolation } from './unique.js';
import type { RecordValues } from './values.js';

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

interface Change {
  id: string;
  input: unknown;
  opts: UpdateOptions;
}

/** A change that passed every check and writes: the record before and after. */
interface Write {
  index: number;
  current: StoredRecord;
  updated: StoredRecord;
  changes: FieldChange[];
  columns: Record<string, unknown>;
  historyAction: 'updated' | 'converted';
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
  const [result] = await writeChanges(ctx, module, [{ id, input, opts }]);
  if (result instanceof Error) throw result;
  return result;
}

/**
 * Updates up to 100 records, each succeeding or failing on its own. The checks, history, outbox
 * events and search documents of the whole call are set-based, and records given the same change
 * from the same version share one UPDATE (automation sets one field on many records): a handful
 * of statements per call instead of ten per record.
 */
export async function updateRecords(ctx: Ctx, moduleName: string, inputs: unknown[]): Promise<WriteResult[]> {
  const module = moduleOf(ctx, moduleName);
  if (inputs.length > MAX_WRITE_BATCH) {
    throw limitExceeded(`At most ${MAX_WRITE_BATCH} records can be written in one call`, { max: MAX_WRITE_BATCH });
  }
  if (inputs.length === 0) throw invalidData(undefined, 'Give at least one record');
  const results: (WriteResult | null)[] = inputs.map(() => null);
  const changes: { index: number; change: Change }[] = [];
  inputs.forEach((input, index) => {
    const { id, ...fields } = (input ?? {}) as { id?: unknown };
    if (
      typeof input !== 'object' ||
      input === null ||
      Array.isArray(input) ||
      typeof id !== 'string' ||
      !/^[A-Za-z0-9_-]{1,64}$/.test(id)
    ) {
      results[index] = errorResult(invalidData('id', 'Each record of a bulk update needs its "id"'));
    } else changes.push({ index, change: { id, input: fields, opts: {} } });
  });
  // A record named twice is changed twice, in order: the second change sees the first.
  for (const wave of orderedWaves(changes)) {
    const out = await writeChanges(
      ctx,
      module,
      wave.map((c) => c.change),
    );
    wave.forEach((c, k) => {
      const r = out[k];
      results[c.index] = r instanceof Error ? errorResult(r) : { status: 'success', id: c.change.id, record: r };
    });
  }
  return results as WriteResult[];
}

/** Splits changes into waves in which each record appears once, keeping each record's changes in order. */
function orderedWaves<T extends { change: Change }>(changes: T[]): T[][] {
  const waves: T[][] = [];
  const nextWave = new Map<string, number>();
  for (const c of changes) {
    const w = nextWave.get(c.change.id) ?? 0;
    nextWave.set(c.change.id, w + 1);
    const wave = waves[w] ?? [];
    wave.push(c);
    waves[w] = wave;
  }
  return waves;
}

/**
 * Writes distinct records' changes in one transaction; per change the updated record or its
 * error. If a concurrent writer takes a unique value between the check and the write, the changes
 * are retried one by one so only the one that collides fails — unless they ran in the caller's
 * transaction, which the violation has spoiled (PostgreSQL): then the whole call fails.
 */
async function writeChanges(ctx: Ctx, module: ModuleDef, changes: Change[]): Promise<(Record<string, unknown> | Error)[]> {
  try {
    return await inTransaction(ctx, (tx) => writeInTransaction(tx, module, changes));
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const duplicate = () => duplicateData(module.fields.find((f) => f.unique)?.apiName ?? 'id');
    if (changes.length === 1) return [duplicate()];
    if (ctx.db.isTransaction) throw err;
    const out: (Record<string, unknown> | Error)[] = [];
    for (const c of changes) {
      try {
        out.push(...(await inTransaction(ctx, (tx) => writeInTransaction(tx, module, [c]))));
      } catch (e) {
        if (!isUniqueViolation(e)) throw e;
        out.push(duplicate());
      }
    }
    return out;
  }
}

async function writeInTransaction(tx: Ctx, module: ModuleDef, changes: Change[]): Promise<(Record<string, unknown> | Error)[]> {
  const out: (Record<string, unknown> | Error | null)[] = changes.map(() => null);
  const fail = (i: number, err: unknown) => {
    if (!(err instanceof DomainError)) throw err;
    out[i] = err;
  };
  const loaded = await loadRecords(
    tx,
    module,
    changes.map((c) => c.id),
  );
  const unchanged: StoredRecord[] = [];
  const unchangedAt: number[] = [];
  const writes: Write[] = [];
  changes.forEach((c, i) => {
    try {
      const current = loaded.get(c.id);
      if (!current) throw notFound(`The ${module.singularLabel.toLowerCase()} '${c.id}'`);
      if (c.opts.ifMatch !== undefined && c.opts.ifMatch !== current.version) throw versionConflict(current.version);
      const { next, name } = prepareUpdate(tx, module, current.values, c.input, c.opts.systemValues, c.id);
      const diff = diffValues(current.values, next);
      if (diff.length === 0) {
        unchanged.push(current);
        unchangedAt.push(i);
        return;
      }
      const changedValues = Object.fromEntries(diff.map((d) => [d.field, next[d.field]]));
      const columns = valuesToColumns(module, changedValues);
      // The stored name only changes with the fields it is made of.
      if (name !== current.name) columns._name = name;
      writes.push({
        index: i,
        current,
        updated: { id: c.id, version: current.version + 1, name, values: next },
        changes: diff,
        columns,
        historyAction: c.opts.historyAction ?? 'updated',
      });
    } catch (err) {
      fail(i, err);
    }
  });

  const changedValues = writes.map((w) => Object.fromEntries(w.changes.map((d) => [d.field, w.updated.values[d.field]])));
  const refErrors = await verifyReferences(tx, module, changedValues);
  const dupErrors = await findDuplicates(
    tx,
    module,
    writes.map((w, k) => ({ values: changedValues[k], selfId: w.updated.id })),
  );
  const checked = writes.filter((w, k) => {
    const err = refErrors[k] ?? dupErrors[k];
    if (err) fail(w.index, err);
    return !err;
  });

  const now = tx.clock.now();
  const stored = await storeWrites(tx, module, checked, now.getTime());
  for (const w of checked) {
    if (!stored.has(w.updated.id)) fail(w.index, versionConflict(w.current.version + 1));
  }
  const done = checked.filter((w) => stored.has(w.updated.id));
  for (const w of done) {
    w.updated.values = { ...w.updated.values, modifiedAt: now.toISOString(), modifiedBy: { id: tx.user.id, name: tx.user.name } };
  }
  let events: StoredRecordEvent[] = [];
  if (done.length) {
    await writeHistory(
      tx,
      done.map((w) => ({ module: module.apiName, recordId: w.updated.id, action: w.historyAction, changes: w.changes })),
    );
    await afterWriteRuleOf(module.apiName)?.(
      tx,
      done.map((w) => ({ id: w.updated.id, prev: w.current.values, next: w.updated.values })),
    );
    events = await appendEvents(
      tx,
      done.map((w) => ({
        module: module.apiName,
        recordId: w.updated.id,
        type: 'updated' as const,
        payload: { record: recordToJson(w.updated), changes: w.changes },
      })),
    );
    const docs = done.flatMap((w) => {
      const after = searchDocument(module, w.updated.id, w.updated.name, w.updated.values);
      const before = searchDocument(module, w.current.id, w.current.name, w.current.values);
      return after.name === before.name && after.body === before.body ? [] : [after];
    });
    await upsertSearchDocuments(tx.db, tx.dialect, docs);
  }
  await runWorkflowRules(tx, events);
  await resolveNames(tx, module, [...unchanged, ...done.map((w) => w.updated)]);
  unchanged.forEach((r, k) => {
    out[unchangedAt[k]] = recordToJson(r);
  });
  for (const w of done) out[w.index] = recordToJson(w.updated);
  return out as (Record<string, unknown> | Error)[];
}

async function loadRecords(tx: Ctx, module: ModuleDef, ids: string[]): Promise<Map<string, StoredRecord>> {
  const found = new Map<string, StoredRecord>();
  for (const part of chunk([...new Set(ids)], 500)) {
    const rows = await tx.db.selectFrom(module.tableName).selectAll().where('id', 'in', part).execute();
    for (const row of rows) found.set(row.id as string, columnsToRecord(module, row));
  }
  return found;
}

/**
 * Writes the rows, conditional on the version each change was made from. Changes that set the
 * same columns to the same values from the same version share one statement. Returns the ids
 * written; a missing id lost a race with another writer.
 */
async function storeWrites(tx: Ctx, module: ModuleDef, writes: Write[], now: number): Promise<Set<string>> {
  const groups = new Map<string, Write[]>();
  for (const w of writes) {
    const key = JSON.stringify([w.current.version, w.columns]);
    groups.set(key, [...(groups.get(key) ?? []), w]);
  }
  const stored = new Set<string>();
  for (const group of groups.values()) {
    const { version } = group[0].current;
    for (const part of chunk(group, 500)) {
      const rows = await tx.db
        .updateTable(module.tableName)
        .set({ ...group[0].columns, version: version + 1, modifiedAt: now, modifiedBy: tx.user.id })
        .where(
          'id',
          'in',
          part.map((w) => w.updated.id),
        )
        .where('version', '=', version)
        .returning('id')
        .execute();
      for (const r of rows) stored.add(r.id as string);
    }
  }
  return stored;
}
