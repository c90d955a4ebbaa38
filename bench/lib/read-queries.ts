import { countRecords, listRecords } from '../../server/src/records/index.js';
import { globalSearch } from '../../server/src/search/index.js';
import { type CapturedQuery, captureQueries } from './capture.js';
import type { Target } from './server-process.js';

/** The list of the benchmarks: two conditions, a sort, a page of 50. */
export const LIST_FILTER = {
  and: [
    { field: 'leadStatus', op: 'eq', value: 'Working' },
    { field: 'annualRevenue', op: 'gte', value: 500000 },
  ],
};
export const LIST_SORT = '-createdAt';
export const PER_PAGE = 50;

export const listPath = (filter?: unknown, sort?: string) => {
  const q = new URLSearchParams({ perPage: String(PER_PAGE) });
  if (filter) q.set('filter', JSON.stringify(filter));
  if (sort) q.set('sort', sort);
  return `/api/v1/records/leads?${q}`;
};

/** The statement a list request runs for its rows (the service also resolves owner names). */
export async function listQueryOf(target: Target, filter?: unknown, sort?: string): Promise<{ main: CapturedQuery; all: CapturedQuery[] }> {
  const all = await captureQueries(target, (ctx) => listRecords(ctx, 'leads', { filter, sort, perPage: PER_PAGE }));
  const main = all.find((q) => /order by/i.test(q.sql) && /"r_leads"/.test(q.sql));
  if (!main) throw new Error(`no list statement among:\n${all.map((q) => q.sql).join('\n')}`);
  return { main, all };
}

export async function countOf(target: Target, filter: unknown): Promise<number> {
  let n = 0;
  await captureQueries(target, async (ctx) => {
    n = await countRecords(ctx, 'leads', { filter });
  });
  return n;
}

/** The ranked match statement of global search, and the rest (names of the hits). */
export async function searchQueryOf(target: Target, q: string): Promise<{ main: CapturedQuery; all: CapturedQuery[]; hits: number }> {
  let hits = 0;
  const all = await captureQueries(target, async (ctx) => {
    hits = (await globalSearch(ctx, q, undefined, 50)).length;
  });
  const main = all.find((x) => /search_fts|search_index/.test(x.sql));
  if (!main) throw new Error(`no search statement among:\n${all.map((x) => x.sql).join('\n')}`);
  return { main, all, hits };
}
