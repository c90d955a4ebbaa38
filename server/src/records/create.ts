import { type FoldedChange, finishCreateRules, fireCreateRules } from '../automation/workflow/in-transaction.js';
import type { Ctx } from '../context.js';
import { insertRows } from '../db/insert-rows.js';
import { DomainError, invalidData, limitExceeded } from '../errors.js';
import { newId } from '../ids.js';
import { fieldType } from '../metadata/field-types/index.js';
import type { ModuleDef } from '../metadata/types.js';
import { searchDocument, upsertSearchDocuments } from '../search/index.js';
import { assignAutonumbers } from './autonumber.js';
import { diffValues, type FieldChange, writeHistory } from './history.js';
import { moduleOf } from './module-of.js';
import { afterWriteRuleOf } from './module-rules/index.js';
import { appendEvents } from './outbox.js';
import { type PreparedCreate, prepareCreate, prepareUpdate } from './prepare.js';
import { resolveNames, verifyReferences } from './references.js';
import { columnsToRecord, recordToJson, type StoredRecord, valuesToColumns } from './rows.js';
import { inTransaction } from './transaction.js';
import { findDuplicates, isUniqueViolation } from './unique.js';
import type { RecordValues } from './values.js';

export const MAX_WRITE_BATCH = 100;

type WriteError = { status: 'error'; code: string; message: string; details: Record<string, unknown> };

export type WriteResult = { status: 'success'; id: string; record: Record<string, unknown> } | WriteError;

/** A write's outcome without the record: what bulk writers that only need to know use. */
export type WriteOutcome = { status: 'success'; id: string } | WriteError;

export interface CreateOptions {
  /**
   * Decides owners inside the write's transaction, for the records about to be inserted (an
   * assignment rule named by the request); it may change `owner` in place.
   */
  assignOwners?: (tx: Ctx, records: RecordValues[]) => Promise<void>;
}

/**
 * Whether a rule's change to a field can be written with the record's insert: it needs no
 * reference or uniqueness check of its own, and no after-write rule of the module has to see the
 * record before and after it.
 */
function foldable(tx: Ctx, moduleName: string, fieldName: string): boolean {
  const field = tx.meta.modulesByName.get(moduleName)?.fieldsByName.get(fieldName);
  return !!field && !field.unique && !fieldType(field.type).references && !afterWriteRuleOf(moduleName);
}

/**
 * Applies create rules' instant changes to records not yet inserted, as an update by those rules
 * would (the same parsing, module rules, validation rules and score): the record goes in at
 * version 2, and its history and events show the change as the rules' own. A change that an
 * update would refuse (a validation rule, say) fails that rule's actions and leaves the record as given.
 */
function foldRuleChanges(tx: Ctx, module: ModuleDef, stored: StoredRecord[], folded: Map<string, FoldedChange>) {
  const out: { index: number; record: StoredRecord; changes: FieldChange[]; automation: { depth: number; ruleId: string } }[] = [];
  stored.forEach((s, index) => {
    const change = folded.get(s.id);
    if (!change) return;
    const automation = { depth: (tx.automation?.depth ?? 0) + 1, ruleId: change.ruleId };
    try {
      const { next, name } = prepareUpdate({ ...tx, automation }, module, s.values, change.patch, {}, s.id);
      const changes = diffValues(s.values, next);
      change.settle();
      if (changes.length === 0) return;
      s.values = next;
      s.name = name;
      s.version = 2;
      out.push({ index, record: s, changes, automation });
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      change.settle(`${err.code}: ${err.message}`);
    }
  });
  return out;
}

export function errorResult(err: unknown): WriteError {
  if (err instanceof DomainError) return { status: 'error', code: err.code, message: err.message, details: err.details };
  throw err;
}

/**
 * Creates up to 100 records. Each record succeeds or fails on its own (207 in the API); the
 * successful ones are written in one transaction with their history, outbox events and search
 * documents.
 */
export async function createRecords(ctx: Ctx, moduleName: string, inputs: unknown[], opts: CreateOptions = {}): Promise<WriteResult[]> {
  if (inputs.length > MAX_WRITE_BATCH) {
    throw limitExceeded(`At most ${MAX_WRITE_BATCH} records can be written in one call`, { max: MAX_WRITE_BATCH });
  }
  return (await create(ctx, moduleName, inputs, opts, true)) as WriteResult[];
}

/**
 * `createRecords` for the server's own bulk writers (automation's tasks for a whole bulk create):
 * no per-call limit (every statement is a round trip, so one call of a few hundred beats several
 * of 100; callers keep their batches in the hundreds), and the answer is each record's outcome,
 * not the record with its lookups' names (a query and a copy per record nobody reads).
 */
export function createRecordsInBulk(ctx: Ctx, moduleName: string, inputs: unknown[], opts: CreateOptions = {}): Promise<WriteOutcome[]> {
  return create(ctx, moduleName, inputs, opts, false);
}

async function create(ctx: Ctx, moduleName: string, inputs: unknown[], opts: CreateOptions, answer: boolean): Promise<WriteOutcome[]> {
  const module = moduleOf(ctx, moduleName);
  if (inputs.length === 0) throw invalidData(undefined, 'Give at least one record');
  const prepared: (PreparedCreate | null)[] = [];
  const results: (WriteResult | WriteOutcome | null)[] = [];
  for (const input of inputs) {
    try {
      prepared.push(prepareCreate(ctx, module, input));
      results.push(null);
    } catch (err) {
      prepared.push(null);
      results.push(errorResult(err));
    }
  }
  const attempt = async (indexes: number[]) =>
    inTransaction(ctx, async (tx) => {
      const live = indexes.filter((i) => prepared[i] !== null);
      const refErrors = await verifyReferences(
        tx,
        module,
        live.map((i) => prepared[i]?.values ?? {}),
      );
      const dupErrors = await findDuplicates(
        tx,
        module,
        live.map((i) => ({ values: prepared[i]?.values ?? {} })),
      );
      const ok: number[] = [];
      live.forEach((i, k) => {
        const err = refErrors[k] ?? dupErrors[k];
        if (err) results[i] = errorResult(err);
        else ok.push(i);
      });
      if (opts.assignOwners && ok.length > 0)
        await opts.assignOwners(
          tx,
          ok.map((i) => (prepared[i] as PreparedCreate).values),
        );
      const now = tx.clock.now().getTime();
      const stored: StoredRecord[] = ok.map((i) => {
        const p = prepared[i] as PreparedCreate;
        return { id: newId(now), version: 1, name: p.name, values: p.values };
      });
      await assignAutonumbers(
        tx,
        module,
        stored.map((s) => s.values),
      );
      const createdAt = new Date(now).toISOString();
      for (const s of stored) {
        s.values.createdAt = createdAt;
        s.values.modifiedAt = createdAt;
        s.values.createdBy = { id: tx.user.id, name: tx.user.name };
        s.values.modifiedBy = s.values.createdBy;
      }
      const rowOf = (s: StoredRecord) =>
        Object.assign(valuesToColumns(module, s.values), {
          id: s.id,
          createdAt: now,
          createdBy: tx.user.id,
          modifiedAt: now,
          modifiedBy: tx.user.id,
          version: s.version,
          _name: s.name,
        });
      const rows = stored.map(rowOf);
      // Every field, as a read would give it (unset ones empty), not only those given.
      stored.forEach((s, k) => {
        s.values = columnsToRecord(module, rows[k]).values;
      });
      const asCreated = stored.map((s) => recordToJson(s));
      // Create rules fire before the insert, so their instant changes can be written with it.
      const firing = await fireCreateRules(
        tx,
        module,
        stored.map((s, k) => ({ id: s.id, record: asCreated[k] })),
        (m, f) => foldable(tx, m, f),
      );
      const ruleChanges = firing ? foldRuleChanges(tx, module, stored, firing.folded) : [];
      // The changed values are canonical already (parsed as an update parses them), as an update keeps them.
      for (const c of ruleChanges) rows[c.index] = rowOf(c.record);
      await insertRows(tx.db, tx.dialect, module.tableName, rows);
      await writeHistory(tx, [
        ...stored.map((s) => ({ module: module.apiName, recordId: s.id, action: 'created' as const, changes: [] })),
        ...ruleChanges.map((c) => ({ module: module.apiName, recordId: c.record.id, action: 'updated' as const, changes: c.changes })),
      ]);
      await afterWriteRuleOf(module.apiName)?.(
        tx,
        stored.map((s) => ({ id: s.id, prev: null, next: s.values })),
      );
      const events = await appendEvents(tx, [
        ...stored.map((s, k) => ({ module: module.apiName, recordId: s.id, type: 'created' as const, payload: { record: asCreated[k] } })),
        ...ruleChanges.map((c) => ({
          module: module.apiName,
          recordId: c.record.id,
          type: 'updated' as const,
          payload: { record: recordToJson(c.record), changes: c.changes, automation: c.automation },
        })),
      ]);
      await upsertSearchDocuments(
        tx.db,
        tx.dialect,
        stored.map((s) => searchDocument(module, s.id, s.name, s.values)),
        { fresh: true },
      );
      if (answer) await resolveNames(tx, module, stored);
      ok.forEach((i, k) => {
        results[i] = answer
          ? { status: 'success', id: stored[k].id, record: recordToJson(stored[k]) }
          : { status: 'success', id: stored[k].id };
      });
      // Last, so the rules' other actions see the records complete (search documents included).
      if (firing) await finishCreateRules(tx, firing, events.slice(0, stored.length), events.slice(stored.length));
    });
  const pending = results.map((r, i) => (r === null ? i : -1)).filter((i) => i >= 0);
  try {
    await attempt(pending);
  } catch (err) {
    // A concurrent writer took a unique value between our check and our insert: retry one by one
    // so only the record that collides fails.
    if (!isUniqueViolation(err)) throw err;
    for (const i of pending) {
      try {
        await attempt([i]);
      } catch (e) {
        if (!isUniqueViolation(e)) throw e;
        results[i] = errorResult(new DomainError('DUPLICATE_DATA', 'Another record already has this unique value'));
      }
    }
  }
  return results as WriteOutcome[];
}
