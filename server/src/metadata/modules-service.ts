import { requireAdmin } from '../access/index.js';
import type { Ctx } from '../context.js';
import { lockMetadata } from '../db/dialect.js';
import { dropRecordTable } from '../db/record-tables.js';
import { conflict, duplicateData, invalidData, notFound } from '../errors.js';
import { removeModuleFromSearch } from '../search/index.js';
import { apiNameFromLabel, freeName, isValidApiName } from './api-name.js';
import { insertModule } from './define.js';
import { parseLabel } from './field-request.js';
import { bumpMetaVersion, loadSnapshot } from './snapshot.js';
import type { ModuleDef } from './types.js';

/** Names the API uses for other things, which a module may not take. */
const RESERVED_MODULES = new Set(['users', 'modules', 'search', 'settings', 'pipelines', 'me', 'auth', 'records', 'automation']);
const MAX_CUSTOM_MODULES = 200;

export interface ModuleRequest {
  label?: unknown;
  singularLabel?: unknown;
  apiName?: unknown;
  hidden?: unknown;
}

/** A custom module starts with a required `name` field and the system fields, like any module. */
export async function createCustomModule(ctx: Ctx, req: ModuleRequest): Promise<string> {
  requireAdmin(ctx);
  const label = parseLabel(req.label);
  const singularLabel = parseLabel(req.singularLabel, 'singularLabel');
  return ctx.db.transaction().execute(async (trx) => {
    await lockMetadata(trx, ctx.dialect);
    const meta = await loadSnapshot(trx);
    if (meta.modules.filter((m) => m.custom).length >= MAX_CUSTOM_MODULES) {
      throw invalidData(undefined, `At most ${MAX_CUSTOM_MODULES} custom modules`);
    }
    const lowerTaken = new Set([...meta.modulesByName.keys(), ...RESERVED_MODULES].map((n) => n.toLowerCase()));
    const taken = (n: string) => lowerTaken.has(n.toLowerCase());
    let apiName: string;
    if (req.apiName !== undefined) {
      if (typeof req.apiName !== 'string' || !isValidApiName(req.apiName)) {
        throw invalidData('apiName', 'apiName must match [a-z][a-zA-Z0-9]* (at most 60 characters)');
      }
      if (taken(req.apiName)) throw duplicateData('apiName');
      apiName = req.apiName;
    } else apiName = freeName(apiNameFromLabel(label, 'module'), taken);
    await insertModule(
      trx,
      ctx.dialect,
      {
        apiName,
        label,
        singularLabel,
        recordName: { fields: ['name'], mode: 'join' },
        fields: [{ apiName: 'name', label: `${singularLabel} Name`, type: 'text', required: true }],
      },
      { custom: true, sortOrder: 1000 + meta.modules.length, now: ctx.clock.now().getTime() },
    );
    await bumpMetaVersion(trx);
    return apiName;
  });
}

/** Renames a module or hides it from navigation (e.g. Accounts for a B2C seller). */
export async function updateModule(ctx: Ctx, apiName: string, req: ModuleRequest): Promise<void> {
  requireAdmin(ctx);
  if (req.apiName !== undefined) throw invalidData('apiName', 'The apiName of a module cannot be changed');
  const set: Record<string, unknown> = {};
  if (req.label !== undefined) set.label = parseLabel(req.label);
  if (req.singularLabel !== undefined) set.singularLabel = parseLabel(req.singularLabel, 'singularLabel');
  if (req.hidden !== undefined) {
    if (typeof req.hidden !== 'boolean') throw invalidData('hidden', 'hidden must be true or false');
    set.hidden = req.hidden ? 1 : 0;
  }
  await ctx.db.transaction().execute(async (trx) => {
    const exists = await trx.selectFrom('modules').select('apiName').where('apiName', '=', apiName).executeTakeFirst();
    if (!exists) throw notFound(`The module '${apiName}'`);
    if (Object.keys(set).length === 0) return;
    await trx.updateTable('modules').set(set).where('apiName', '=', apiName).execute();
    await bumpMetaVersion(trx);
  });
}

/**
 * Deletes a custom module with its records, which are not kept in the recycle bin. Refused
 * (CONFLICT) while anything outside the module still points at it — a lookup field of another
 * module, an activity's relatedTo naming one of its records, an automation rule — so deleting
 * never leaves a dangling reference behind; the details name what to remove first.
 */
export async function deleteCustomModule(ctx: Ctx, apiName: string): Promise<void> {
  requireAdmin(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    await lockMetadata(trx, ctx.dialect);
    const meta = await loadSnapshot(trx);
    const module = meta.modulesByName.get(apiName);
    if (!module) throw notFound(`The module '${apiName}'`);
    if (!module.custom) throw invalidData(undefined, `'${apiName}' is a standard module and cannot be deleted (it can be hidden)`);
    const lookups = meta.modules
      .filter((m) => m.apiName !== apiName)
      .flatMap((m) => m.fields.filter((f) => f.type === 'lookup' && f.lookupModule === apiName).map((f) => `${m.apiName}.${f.apiName}`));
    if (lookups.length) {
      throw conflict(`Lookup fields point at ${apiName}: delete ${lookups.join(', ')} first`, { lookupFields: lookups });
    }
    const linked: string[] = [];
    for (const m of meta.modules) {
      if (m.apiName === apiName) continue;
      for (const f of m.fields.filter((x) => x.type === 'relatedTo')) {
        const hit = await trx.selectFrom(m.tableName).select('id').where(`${f.apiName}__module`, '=', apiName).limit(1).executeTakeFirst();
        if (hit) linked.push(`${m.apiName}.${f.apiName}`);
      }
    }
    if (linked.length) {
      throw conflict(`Activities are related to records of ${apiName} (${linked.join(', ')}); delete or relink them first`, {
        relatedFields: linked,
      });
    }
    const rule = await trx.selectFrom('automation_rules').select('id').where('module', '=', apiName).limit(1).executeTakeFirst();
    if (rule) throw conflict(`Automation rules act on ${apiName}; delete them first`, { automationRules: true });

    await dropRecordTable(trx, module.tableName);
    await removeModuleFromSearch(trx, ctx.dialect, apiName);
    for (const table of ['fields', 'layouts', 'saved_views', 'recycle_bin', 'record_history', 'record_events'] as const) {
      await trx.deleteFrom(table).where('module', '=', apiName).execute();
    }
    await trx.deleteFrom('modules').where('apiName', '=', apiName).execute();
    await bumpMetaVersion(trx);
  });
}

export function moduleJson(m: ModuleDef) {
  return {
    apiName: m.apiName,
    label: m.label,
    singularLabel: m.singularLabel,
    custom: m.custom,
    hidden: m.hidden,
    recordName: m.recordName,
  };
}
