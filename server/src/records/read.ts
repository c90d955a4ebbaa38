import { sql } from 'kysely';
import type { Ctx } from '../context.js';
import { invalidRequest } from '../errors.js';
import { readHistory } from './history.js';
import { type ListQuery, listRecords } from './list.js';
import { loadRecord } from './load.js';
import { moduleOf } from './module-of.js';
import { resolveNames } from './references.js';
import { recordToJson } from './rows.js';

export async function getRecord(ctx: Ctx, moduleName: string, id: string): Promise<Record<string, unknown>> {
  const module = moduleOf(ctx, moduleName);
  const { record } = await loadRecord(ctx, module, id);
  await resolveNames(ctx, module, [record]);
  return recordToJson(record);
}

/**
 * Records of `relatedModule` that point at this record: through a lookup to this module, or an
 * activity's `relatedTo` naming it.
 */
export async function listRelated(ctx: Ctx, moduleName: string, id: string, relatedModule: string, query: ListQuery) {
  const module = moduleOf(ctx, moduleName);
  const related = moduleOf(ctx, relatedModule);
  await loadRecord(ctx, module, id);
  const links = related.fields.filter(
    (f) => (f.type === 'lookup' && f.lookupModule === module.apiName) || f.type === 'relatedTo',
  );
  if (links.length === 0) {
    throw invalidRequest(`${related.apiName} has no link to ${module.apiName}`, { field: 'relatedModule' });
  }
  const ors = links.map((f) =>
    f.type === 'relatedTo'
      ? sql`(${sql.ref(f.apiName)} = ${id} and ${sql.ref(`${f.apiName}__module`)} = ${module.apiName})`
      : sql`${sql.ref(f.apiName)} = ${id}`,
  );
  return listRecords(ctx, relatedModule, { ...query, where: [...(query.where ?? []), sql`(${sql.join(ors, sql` or `)})`] });
}

export async function recordHistory(ctx: Ctx, moduleName: string, id: string) {
  const module = moduleOf(ctx, moduleName);
  await loadRecord(ctx, module, id);
  return readHistory(ctx, module.apiName, id);
}

export { recordToJson };
