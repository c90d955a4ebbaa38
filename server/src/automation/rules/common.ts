import type { Ctx } from '../../context.js';
import { invalidData } from '../../errors.js';
import { parseFilter } from '../../filters/index.js';
import type { ModuleDef } from '../../metadata/types.js';

export type Json = Record<string, unknown>;

export function checkName(v: unknown, field = 'name'): string {
  if (typeof v !== 'string' || !v.trim() || [...v].length > 100 || /\p{Cc}/u.test(v))
    throw invalidData(field, `${field} must be 1–100 characters`);
  return v.trim();
}

export function checkText(v: unknown, field: string, max: number): string {
  if (typeof v !== 'string' || !v.trim() || [...v].length > max || v.includes('\0'))
    throw invalidData(field, `${field} must be 1–${max} characters`);
  return v;
}

export function checkModule(ctx: Ctx, v: unknown): ModuleDef {
  const m = typeof v === 'string' ? ctx.meta.modulesByName.get(v) : undefined;
  if (!m) throw invalidData('module', `'${String(v)}' is not a module`);
  return m;
}

/** Criteria are a filter of the module (API.md "Filters"): INVALID_FILTER names what is wrong. */
export function checkCriteria(ctx: Ctx, module: ModuleDef, v: unknown, nullable: boolean): unknown {
  if (v === null || v === undefined) {
    if (nullable) return null;
    throw invalidData('criteria', 'criteria are required');
  }
  parseFilter(v, module, ctx.meta);
  return v;
}

export function checkBoolean(v: unknown, field: string, fallback: boolean): boolean {
  if (v === undefined) return fallback;
  if (typeof v !== 'boolean') throw invalidData(field, `${field} must be true or false`);
  return v;
}

export async function checkUser(ctx: Ctx, v: unknown, field: string): Promise<string> {
  const id = typeof v === 'string' ? v : undefined;
  const row =
    id && id.length <= 64 ? await ctx.db.selectFrom('users').select(['id', 'active']).where('id', '=', id).executeTakeFirst() : undefined;
  if (!row) throw invalidData(field, `'${String(v)}' is not a user`);
  if (!row.active) throw invalidData(field, `The user '${id}' is deactivated`);
  return row.id;
}

export function checkKeys(obj: unknown, allowed: readonly string[], where: string): Json {
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) throw invalidData(where, `${where} must be an object`);
  for (const k of Object.keys(obj)) if (!allowed.includes(k)) throw invalidData(`${where}.${k}`, `'${k}' is not a property of ${where}`);
  return obj as Json;
}

export function checkList(v: unknown, field: string, min: number, max: number): unknown[] {
  if (!Array.isArray(v) || v.length < min || v.length > max) throw invalidData(field, `${field} must be a list of ${min}–${max} entries`);
  return v;
}

export function checkInt(v: unknown, field: string, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max)
    throw invalidData(field, `${field} must be an integer from ${min} to ${max}`);
  return v;
}
