import { type RawBuilder, sql } from 'kysely';
import type { Db, DialectName } from '../db/connection.js';
import { queryTokens } from './text.js';

export interface SearchHit {
  module: string;
  recordId: string;
  name: string;
}

/** Every word must match, the last (or each) as a prefix: "hop" finds "Hopper". */
function matchExpression(dialect: DialectName, tokens: string[]): string {
  return dialect === 'postgres' ? tokens.map((t) => `${t}:*`).join(' & ') : tokens.map((t) => `"${t}"*`).join(' AND ');
}

/** A SQL condition "id is among the records of `module` matching `q`" for list views' `q`. */
export function searchIdsCondition(dialect: DialectName, module: string, q: string, idColumn: RawBuilder<unknown>): RawBuilder<unknown> {
  const tokens = queryTokens(q);
  if (tokens.length === 0) return sql`1 = 1`;
  const m = matchExpression(dialect, tokens);
  if (dialect === 'postgres') {
    return sql`${idColumn} in (select "recordId" from search_index where module = ${module} and tsv @@ to_tsquery('simple', ${m}))`;
  }
  return sql`${idColumn} in (select d."recordId" from search_fts f join search_docs d on d."docId" = f.rowid
    where search_fts match ${m} and d.module = ${module})`;
}

/** Ranked matches across modules (best first). */
export async function searchAcrossModules(
  db: Db,
  dialect: DialectName,
  q: string,
  modules: string[],
  limit: number,
  opts: { restricted: boolean } = { restricted: true },
): Promise<SearchHit[]> {
  const tokens = queryTokens(q);
  if (tokens.length === 0 || modules.length === 0) return [];
  const m = matchExpression(dialect, tokens);
  if (dialect === 'postgres') {
    const r = await sql<SearchHit>`select module, "recordId", name from search_index
      where tsv @@ to_tsquery('simple', ${m}) and module in (${sql.join(modules)})
      order by ts_rank(tsv, to_tsquery('simple', ${m})) desc, "recordId" limit ${limit}`.execute(db);
    return r.rows;
  }
  if (!opts.restricted) {
    // Every module is searched: rank inside FTS5 first and join the (module, record) mapping only
    // for the best few, instead of ranking every match after the join.
    const r = await sql<SearchHit>`select d.module, d."recordId", best.name from
        (select rowid, name, bm25(search_fts, 4.0, 1.0) as rank from search_fts where search_fts match ${m}
         order by rank limit ${limit}) best
      join search_docs d on d."docId" = best.rowid
      order by best.rank, d."recordId"`.execute(db);
    return r.rows;
  }
  const r = await sql<SearchHit>`select d.module, d."recordId", f.name from search_fts f join search_docs d on d."docId" = f.rowid
    where search_fts match ${m} and d.module in (${sql.join(modules)})
    order by bm25(search_fts, 4.0, 1.0), d."recordId" limit ${limit}`.execute(db);
  return r.rows;
}
