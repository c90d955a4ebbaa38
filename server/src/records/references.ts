import { sql } from 'kysely';
import type { Ctx } from '../context.js';
import { invalidData } from '../errors.js';
import { fieldType } from '../metadata/field-types/index.js';
import type { ValueReference } from '../metadata/field-types/types.js';
import type { FieldDef, ModuleDef } from '../metadata/types.js';
import { chunk } from '../util/chunk.js';
import type { StoredRecord } from './rows.js';
import type { RecordValues } from './values.js';

const IN_CHUNK = 500;

/** Ids of `module` (or 'users') among `ids` that exist. */
async function existingIds(ctx: Ctx, module: string, ids: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  const table = module === 'users' ? 'users' : ctx.meta.modulesByName.get(module)?.tableName;
  if (!table) return found;
  for (const part of chunk(ids, IN_CHUNK)) {
    const rows = await ctx.db.selectFrom(table).select('id').where('id', 'in', part).execute();
    for (const r of rows) found.add(r.id as string);
  }
  return found;
}

/**
 * Checks that every lookup, user, relatedTo and participant reference of these records points to
 * an existing record of the right module. Returns, per record index, the first bad reference's
 * error (so a bulk call can fail one record and keep the others).
 */
export async function verifyReferences(ctx: Ctx, module: ModuleDef, records: RecordValues[]): Promise<(Error | null)[]> {
  const refsPer: ValueReference[][] = records.map((values) => {
    const refs: ValueReference[] = [];
    for (const [key, v] of Object.entries(values)) {
      const field = module.fieldsByName.get(key);
      const t = field && fieldType(field.type);
      if (field && t?.references && v != null) refs.push(...t.references(v, field));
    }
    return refs;
  });
  const wanted = new Map<string, Set<string>>();
  for (const refs of refsPer) {
    for (const r of refs) {
      if (!wanted.has(r.module)) wanted.set(r.module, new Set());
      wanted.get(r.module)?.add(r.id);
    }
  }
  const found = new Map<string, Set<string>>();
  // The acting user exists (they are signed in): owner/createdBy defaults need no query.
  const users = wanted.get('users');
  if (users?.size === 1 && users.has(ctx.user.id)) {
    found.set('users', new Set([ctx.user.id]));
    wanted.delete('users');
  }
  for (const [mod, ids] of wanted) found.set(mod, await existingIds(ctx, mod, [...ids]));
  return refsPer.map((refs) => {
    for (const r of refs) {
      if (r.module !== 'users' && !ctx.meta.modulesByName.has(r.module)) {
        return invalidData(r.field, `'${r.module}' is not a module`, { module: r.module });
      }
      if (!found.get(r.module)?.has(r.id)) {
        return invalidData(r.field, `No ${r.module === 'users' ? 'user' : `record of ${r.module}`} has the id '${r.id}'`, {
          module: r.module,
          id: r.id,
        });
      }
    }
    return null;
  });
}

/** The fields of a module that hold references (cached per metadata snapshot's module object). */
const refFieldsOf = new WeakMap<ModuleDef, FieldDef[]>();
function referenceFields(module: ModuleDef): FieldDef[] {
  let list = refFieldsOf.get(module);
  if (!list) {
    list = module.fields.filter((f) => fieldType(f.type).references);
    refFieldsOf.set(module, list);
  }
  return list;
}

/** Fills `name` (and for participants `name`/`email`) of every reference in these records. */
export async function resolveNames(ctx: Ctx, module: ModuleDef, records: StoredRecord[]): Promise<void> {
  const wanted = new Map<string, Set<string>>();
  const want = (mod: string, id: string) => {
    if (!wanted.has(mod)) wanted.set(mod, new Set());
    wanted.get(mod)?.add(id);
  };
  const refFields = referenceFields(module);
  for (const rec of records) {
    for (const field of refFields) {
      const v = rec.values[field.apiName];
      if (v != null) for (const r of fieldType(field.type).references?.(v, field) ?? []) want(r.module, r.id);
    }
  }
  const names = new Map<string, { name: string | null; email?: string | null }>();
  for (const [mod, idSet] of wanted) {
    const ids = [...idSet];
    if (mod === 'users') {
      for (const part of chunk(ids, IN_CHUNK)) {
        const rows = await ctx.db.selectFrom('users').select(['id', 'name', 'email']).where('id', 'in', part).execute();
        for (const r of rows) names.set(`users:${r.id}`, { name: r.name, email: r.email });
      }
      continue;
    }
    const m = ctx.meta.modulesByName.get(mod);
    if (!m) continue;
    const hasEmail = m.fieldsByName.get('email')?.type === 'email';
    for (const part of chunk(ids, IN_CHUNK)) {
      const rows = await ctx.db
        .selectFrom(m.tableName)
        .select(['id', '_name', ...(hasEmail ? [sql.ref('email').as('email')] : [])])
        .where('id', 'in', part)
        .execute();
      for (const r of rows) names.set(`${mod}:${r.id}`, { name: r._name ?? null, email: hasEmail ? (r.email as string | null) : undefined });
    }
  }
  const PARTICIPANT_MODULE: Record<string, string> = { user: 'users', contact: 'contacts', lead: 'leads' };
  for (const rec of records) {
    for (const field of refFields) {
      const key = field.apiName;
      const v = rec.values[key];
      if (v == null) continue;
      if (field.type === 'lookup' || field.type === 'user' || field.type === 'relatedTo') {
        const target = field.type === 'user' ? 'users' : field.type === 'lookup' ? (field.lookupModule ?? '') : (v as { module: string }).module;
        const ref = v as { id: string; name: string | null };
        rec.values[key] = { ...ref, name: names.get(`${target}:${ref.id}`)?.name ?? null };
      } else if (field.type === 'participants') {
        rec.values[key] = (v as { type: string; id?: string; email?: string }[]).map((p) => {
          if (p.type === 'email') return { ...p, name: null };
          const n = names.get(`${PARTICIPANT_MODULE[p.type]}:${p.id}`);
          return { ...p, name: n?.name ?? null, email: n?.email ?? null };
        });
      }
    }
  }
}
