import type { Ctx } from '../context.js';
import { invalidRequest } from '../errors.js';
import { searchAcrossModules } from './query.js';

export interface GlobalSearchResult {
  module: string;
  id: string;
  name: string | null;
}

/** `GET /search`: ranked matches across the given modules (default: every visible module). */
export async function globalSearch(ctx: Ctx, q: string, modules: string[] | undefined, limit = 50): Promise<GlobalSearchResult[]> {
  const names = modules?.length ? modules : ctx.meta.modules.filter((m) => !m.hidden).map((m) => m.apiName);
  for (const m of names) {
    if (!ctx.meta.modulesByName.has(m)) throw invalidRequest(`'${m}' is not a module`, { field: 'modules' });
  }
  const restricted = names.length < ctx.meta.modules.length;
  const hits = await searchAcrossModules(ctx.db, ctx.dialect, q, names, limit, { restricted });
  if (hits.length === 0) return [];
  // The index holds the normalised name; answer with the record's own name as written.
  const out: GlobalSearchResult[] = [];
  const byModule = new Map<string, string[]>();
  for (const h of hits) byModule.set(h.module, [...(byModule.get(h.module) ?? []), h.recordId]);
  const names2 = new Map<string, string | null>();
  for (const [mod, ids] of byModule) {
    const table = ctx.meta.modulesByName.get(mod)?.tableName as string;
    const rows = await ctx.db.selectFrom(table).select(['id', '_name']).where('id', 'in', ids).execute();
    for (const r of rows) names2.set(`${mod}:${r.id}`, r._name ?? null);
  }
  for (const h of hits) {
    const key = `${h.module}:${h.recordId}`;
    if (names2.has(key)) out.push({ module: h.module, id: h.recordId, name: names2.get(key) ?? null });
  }
  return out;
}
