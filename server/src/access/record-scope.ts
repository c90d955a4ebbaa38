import type { Ctx } from '../context.js';

/**
 * A restriction on which records of a module the acting user may see, as the record service
 * will apply it to every read path (list, get, count, search, reports, export).
 * Kept opaque for now: its shape is decided when the role hierarchy arrives.
 */
export type RecordScope = { readonly kind: 'restricted' };

/**
 * null means "all records". Today every module has the organisation-wide default of public
 * read/write, so nobody is restricted. This is where the role hierarchy, the organisation-wide
 * defaults per module (private / public read-only / public read/write), sharing rules and
 * territories plug in (SPEC USER-3, USER-4): they will turn (user, module) into a scope here,
 * and every caller already goes through this function.
 */
export function recordScope(_ctx: Ctx, _module: string): RecordScope | null {
  return null;
}
