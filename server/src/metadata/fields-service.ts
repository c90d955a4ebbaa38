import { sql } from 'kysely';
import { requireAdmin } from '../access/index.js';
import type { Ctx } from '../context.js';
import { fold } from '../db/fold.js';
import { containsSql, lockMetadata } from '../db/dialect.js';
import { addUniqueShadow, createUniqueIndex, dropFieldColumns, dropUniqueShadow, uniqueShadow } from '../db/record-tables.js';
import { DomainError, duplicateData, invalidData, notFound } from '../errors.js';
import { apiNameFromLabel, freeName, isValidApiName } from './api-name.js';
import { insertField } from './define.js';
import { CREATABLE_TYPES, type FieldRequest, checkFieldShape, parseLabel } from './field-request.js';
import { fieldType } from './field-types/index.js';
import { MULTI_SEP, encodeMulti } from './field-types/multiselect.js';
import { parseOptions } from './options.js';
import { fieldToRow } from './rows.js';
import { bumpMetaVersion, loadSnapshot } from './snapshot.js';
import type { FieldDef, FieldTypeName, ModuleDef, PicklistOption } from './types.js';
import { SYSTEM_FIELD_NAMES } from './types.js';

/** Custom fields: each a real column added by DDL, under the metadata lock (one writer of DDL). */
async function inMetadataTransaction<T>(ctx: Ctx, fn: (tx: Ctx, module: ModuleDef) => Promise<T>, moduleName: string): Promise<T> {
  requireAdmin(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    await lockMetadata(trx, ctx.dialect);
    // Re-read inside the lock: another process may have changed metadata a moment ago.
    const meta = await loadSnapshot(trx);
    const module = meta.modulesByName.get(moduleName);
    if (!module) throw notFound(`The module '${moduleName}'`);
    const result = await fn({ ...ctx, db: trx, meta }, module);
    await bumpMetaVersion(trx);
    return result;
  });
}

const RESERVED = new Set<string>(SYSTEM_FIELD_NAMES);

export async function createField(ctx: Ctx, moduleName: string, req: FieldRequest): Promise<FieldDef> {
  const label = parseLabel(req.label);
  if (typeof req.type !== 'string' || !CREATABLE_TYPES.includes(req.type as FieldTypeName)) {
    throw invalidData('type', `type must be one of ${CREATABLE_TYPES.join(', ')}`);
  }
  return inMetadataTransaction(
    ctx,
    async (tx, module) => {
      // Column names are case-insensitive on SQLite (and "firstname" beside "firstName" would confuse
      // everyone): names are taken case-insensitively.
      const lowerTaken = new Set([...module.fieldsByName.keys(), ...RESERVED].map((n) => n.toLowerCase()));
      const taken = (n: string) => lowerTaken.has(n.toLowerCase()) || n.includes('__');
      let apiName: string;
      if (req.apiName !== undefined) {
        if (typeof req.apiName !== 'string' || !isValidApiName(req.apiName)) {
          throw invalidData('apiName', 'apiName must match [a-z][a-zA-Z0-9]* (at most 60 characters)');
        }
        if (taken(req.apiName)) throw duplicateData('apiName');
        apiName = req.apiName;
      } else apiName = freeName(apiNameFromLabel(label), taken);
      const base: FieldDef = {
        module: module.apiName,
        apiName,
        label,
        type: req.type as FieldTypeName,
        required: false,
        unique: false,
        readOnly: req.type === 'autonumber',
        custom: true,
        system: false,
        sortOrder: Math.max(0, ...module.fields.filter((f) => !f.system).map((f) => f.sortOrder)) + 1,
      };
      const field = checkFieldShape(base, req, tx.meta, module);
      await insertField(tx.db, tx.dialect, module.tableName, field);
      if (field.defaultValue !== undefined) await fillDefault(tx, module, field);
      await appendToDefaultLayout(tx, module, field.apiName);
      return field;
    },
    moduleName,
  );
}

/** Existing records get the default value of a new field (API.md: "null (or the default)"). */
async function fillDefault(tx: Ctx, module: ModuleDef, field: FieldDef): Promise<void> {
  const cols = fieldType(field.type).toRow(field.defaultValue, field);
  await tx.db.updateTable(module.tableName).set(cols).execute();
}

async function appendToDefaultLayout(tx: Ctx, module: ModuleDef, apiName: string): Promise<void> {
  const layout = module.layouts.find((l) => l.isDefault) ?? module.layouts[0];
  if (!layout) return;
  const sections = layout.sections.length ? layout.sections : [{ title: `${module.singularLabel} Information`, fields: [] }];
  sections[0] = { ...sections[0], fields: [...sections[0].fields, apiName] };
  await tx.db.updateTable('layouts').set({ sections: JSON.stringify(sections) }).where('id', '=', layout.id).execute();
}

export interface FieldPatch extends FieldRequest {
  /** Renames of picklist values: records holding the old value get the new one. */
  renameOptions?: unknown;
}

export async function updateField(ctx: Ctx, moduleName: string, apiName: string, req: FieldPatch): Promise<FieldDef> {
  for (const key of ['type', 'apiName', 'lookupModule'] as const) {
    if (req[key] !== undefined) throw invalidData(key, `'${key}' of a field cannot be changed`);
  }
  return inMetadataTransaction(
    ctx,
    async (tx, module) => {
      const current = module.fieldsByName.get(apiName);
      if (!current) throw notFound(`The field '${apiName}' of ${moduleName}`);
      if (current.system || (!current.custom && (req.unique !== undefined || req.maxLength !== undefined || req.decimals !== undefined))) {
        throw invalidData(undefined, `Only the label, options, required and default of the standard field '${apiName}' can be changed`);
      }
      if (!current.custom && module.apiName === 'deals' && ['pipeline', 'stage'].includes(apiName) && req.options !== undefined) {
        throw invalidData('options', 'Pipeline and stage options are edited as pipelines');
      }
      const label = req.label !== undefined ? parseLabel(req.label) : current.label;
      let next = checkFieldShape({ ...current, label }, { ...req, options: undefined }, tx.meta, module);
      if (req.options !== undefined) next = { ...next, options: await applyOptionChanges(tx, module, current, req) };
      if (next.unique !== current.unique) await changeUnique(tx, module, next);
      await tx.db.updateTable('fields').set(fieldToRow(next)).where('module', '=', module.apiName).where('apiName', '=', apiName).execute();
      return next;
    },
    moduleName,
  );
}

/**
 * New option list with renames applied to records; an option left out that records still hold
 * is kept as retired rather than dropped, so no record loses its value.
 */
async function applyOptionChanges(tx: Ctx, module: ModuleDef, field: FieldDef, req: FieldPatch): Promise<PicklistOption[]> {
  const next = parseOptions(req.options);
  const renames = req.renameOptions ?? {};
  if (typeof renames !== 'object' || renames === null || Array.isArray(renames)) {
    throw invalidData('renameOptions', 'renameOptions is an object {"old value": "new value"}');
  }
  const old = field.options ?? [];
  const col = sql.ref(field.apiName);
  const table = sql.table(module.tableName);
  const map = new Map<string, string>();
  for (const [from, to] of Object.entries(renames as Record<string, unknown>)) {
    if (!old.some((o) => o.value === from)) throw invalidData('renameOptions', `'${from}' is not an option of '${field.apiName}'`);
    if (typeof to !== 'string' || !next.some((o) => o.value === to)) {
      throw invalidData('renameOptions', `'${String(to)}' must be one of the new options`);
    }
    if (from !== to) map.set(from, to);
  }
  if (map.size) await renameStoredOptions(tx, module, field, map);
  const renamedFrom = new Set(Object.keys(renames as object));
  const kept = [...next];
  for (const o of old) {
    if (renamedFrom.has(o.value) || kept.some((k) => fold(k.value) === fold(o.value))) continue;
    const inUse =
      field.type === 'multiselect'
        ? await sql`select 1 from ${table} where ${containsSql(tx.dialect, sql`${col}`, MULTI_SEP + o.value + MULTI_SEP)} limit 1`.execute(tx.db)
        : await sql`select 1 from ${table} where ${col} = ${o.value} limit 1`.execute(tx.db);
    if (inUse.rows.length) kept.push({ ...o, retired: true });
  }
  if (kept.length > 500) throw invalidData('options', 'A picklist has at most 500 options, retired ones included');
  return kept;
}

/**
 * Applies all renames at once (so swapping two values works): one CASE update for a picklist; for
 * a multiselect, the holding rows are rewritten with duplicates removed.
 */
async function renameStoredOptions(tx: Ctx, module: ModuleDef, field: FieldDef, map: Map<string, string>): Promise<void> {
  const col = sql.ref(field.apiName);
  const table = sql.table(module.tableName);
  const froms = [...map.keys()];
  if (field.type !== 'multiselect') {
    const cases = sql.join(froms.map((f) => sql`when ${f} then ${map.get(f)}`), sql` `);
    await sql`update ${table} set ${col} = case ${col} ${cases} else ${col} end where ${col} in (${sql.join(froms)})`.execute(tx.db);
    return;
  }
  const holds = sql.join(
    froms.map((f) => containsSql(tx.dialect, sql`${col}`, MULTI_SEP + f + MULTI_SEP)),
    sql` or `,
  );
  const rows = await sql<{ id: string; v: string }>`select id, ${col} as v from ${table} where ${holds}`.execute(tx.db);
  for (const r of rows.rows) {
    const values = [...new Set(r.v.split(MULTI_SEP).filter(Boolean).map((v) => map.get(v) ?? v))];
    await sql`update ${table} set ${col} = ${encodeMulti(values)} where id = ${r.id}`.execute(tx.db);
  }
}

async function changeUnique(tx: Ctx, module: ModuleDef, field: FieldDef): Promise<void> {
  if (!field.unique) {
    await dropUniqueShadow(tx.db, module.tableName, field);
    return;
  }
  await addUniqueShadow(tx.db, module.tableName, field);
  // Fill the shadow with the same folding the record service uses, then let the index judge.
  const rows = await tx.db.selectFrom(module.tableName).select(['id', field.apiName]).where(field.apiName, 'is not', null).execute();
  for (const r of rows) {
    const v = r[field.apiName];
    await tx.db
      .updateTable(module.tableName)
      .set({ [uniqueShadow(field)]: typeof v === 'string' ? fold(v.trim()) : String(v) })
      .where('id', '=', r.id)
      .execute();
  }
  try {
    await createUniqueIndex(tx.db, module.tableName, field);
  } catch {
    throw new DomainError('DUPLICATE_DATA', `Records already share values of '${field.apiName}'; it cannot be unique`, {
      field: field.apiName,
    });
  }
}

export async function deleteField(ctx: Ctx, moduleName: string, apiName: string): Promise<void> {
  await inMetadataTransaction(
    ctx,
    async (tx, module) => {
      const field = module.fieldsByName.get(apiName);
      if (!field) throw notFound(`The field '${apiName}' of ${moduleName}`);
      if (!field.custom) throw invalidData(undefined, `'${apiName}' is a standard field and cannot be deleted`);
      if (module.recordName.fields.includes(apiName)) throw invalidData(undefined, `'${apiName}' names the records and cannot be deleted`);
      await dropFieldColumns(tx.db, module.tableName, field);
      await tx.db.deleteFrom('fields').where('module', '=', module.apiName).where('apiName', '=', apiName).execute();
      for (const layout of module.layouts) {
        const sections = layout.sections.map((s) => ({ ...s, fields: s.fields.filter((f) => f !== apiName) }));
        await tx.db.updateTable('layouts').set({ sections: JSON.stringify(sections) }).where('id', '=', layout.id).execute();
      }
    },
    moduleName,
  );
}
