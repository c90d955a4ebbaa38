import { CompiledQuery, sql } from 'kysely';
import type { Db, DialectName } from '../db/connection.js';
import { insertRows } from '../db/insert-rows.js';
import { chunk } from '../util/chunk.js';
import { deferDocuments, takeDeferredSearch } from './deferred.js';
import type { SearchDocument } from './document.js';

/**
 * Keeps the search index in step with records, inside the caller's transaction.
 * SQLite: FTS5 (search_fts) keyed by search_docs.docId. PostgreSQL: a tsvector with a GIN index.
 */
export async function upsertSearchDocuments(
  db: Db,
  dialect: DialectName,
  docs: SearchDocument[],
  opts: { fresh?: boolean } = {},
): Promise<void> {
  if (docs.length === 0) return;
  if (deferDocuments(db, docs, opts.fresh === true)) return;
  await writeSearchDocuments(db, dialect, [{ docs, fresh: opts.fresh === true }]);
}

/** Writes the search writes a transaction deferred (see deferred.ts): just before it commits, or before a removal. */
export async function writeDeferredSearch(db: Db): Promise<void> {
  const taken = takeDeferredSearch(db);
  if (taken) await writeSearchDocuments(db, taken.dialect, taken.groups);
}

/** Groups of documents; `fresh`: of records new in this transaction, with no document to replace. */
type DocGroup = { docs: SearchDocument[]; fresh: boolean };

async function writeSearchDocuments(db: Db, dialect: DialectName, groups: DocGroup[]): Promise<void> {
  if (dialect === 'postgres') {
    // The documents as one JSON parameter (see insertRows): a VALUES list had four parameters a
    // document and its SQL text was most of the bytes of the statement.
    for (const part of chunk(
      groups.flatMap((g) => g.docs),
      2000,
    )) {
      await db.executeQuery(
        CompiledQuery.raw(
          `insert into search_index (module, "recordId", name, body, tsv)
            select m, r, n, b, setweight(to_tsvector('simple', n), 'A') || setweight(to_tsvector('simple', b), 'B')
            from (select e->>0 as m, e->>1 as r, e->>2 as n, e->>3 as b from json_array_elements($1::json) as x(e)) d
            on conflict (module, "recordId") do update set name = excluded.name, body = excluded.body, tsv = excluded.tsv`,
          [JSON.stringify(part.map((d) => [d.module, d.recordId, d.name, d.body]))],
        ),
      );
    }
    return;
  }
  // SQLite: the documents' ids first (a lookup per module and chunk, an insert of new ones), then
  // the FTS writes, last. Once FTS5 holds uncommitted terms, every later statement that may need
  // rolling back alone (an insert into a table with a unique index, say) makes it flush them to
  // disk first (SQLite opens a savepoint on virtual tables for it): writes of normal tables after
  // an FTS write cost a flush each.
  const ftsRows: { rowid: number | undefined; name: string; body: string }[] = [];
  const replaced: number[] = [];
  for (const g of groups) {
    const byModule = new Map<string, SearchDocument[]>();
    for (const d of g.docs) byModule.set(d.module, [...(byModule.get(d.module) ?? []), d]);
    for (const [module, docs] of byModule) {
      for (const part of chunk(docs, 500)) {
        // New records have no document yet: skip the lookup.
        const existing = g.fresh
          ? { rows: [] }
          : await sql<{ docId: number; recordId: string }>`select "docId", "recordId" from search_docs
          where module = ${module} and "recordId" in (${sql.join(part.map((d) => d.recordId))})`.execute(db);
        const docIdOf = new Map(existing.rows.map((r) => [r.recordId, Number(r.docId)]));
        replaced.push(...docIdOf.values());
        const fresh = part.filter((d) => !docIdOf.has(d.recordId));
        if (fresh.length) {
          const ins = await insertRows(
            db,
            dialect,
            'search_docs',
            fresh.map((d) => ({ module: d.module, recordId: d.recordId })),
            ['docId', 'recordId'],
          );
          for (const r of ins) docIdOf.set(r.recordId as string, Number(r.docId));
        }
        for (const d of part) ftsRows.push({ rowid: docIdOf.get(d.recordId), name: d.name, body: d.body });
      }
    }
  }
  for (const part of chunk(replaced, 500)) await sql`delete from search_fts where rowid in (${sql.join(part)})`.execute(db);
  await insertRows(db, dialect, 'search_fts', ftsRows);
}

export async function removeSearchDocuments(db: Db, dialect: DialectName, module: string, ids: string[]): Promise<void> {
  await writeDeferredSearch(db);
  for (const part of chunk(ids, 500)) {
    if (dialect === 'postgres') {
      await sql`delete from search_index where module = ${module} and "recordId" in (${sql.join(part)})`.execute(db);
      continue;
    }
    const rows = await sql<{
      docId: number;
    }>`select "docId" from search_docs where module = ${module} and "recordId" in (${sql.join(part)})`.execute(db);
    if (rows.rows.length === 0) continue;
    const docIds = rows.rows.map((r) => r.docId);
    await sql`delete from search_fts where rowid in (${sql.join(docIds)})`.execute(db);
    await sql`delete from search_docs where "docId" in (${sql.join(docIds)})`.execute(db);
  }
}

/** Drops every document of a module (when a custom module is deleted). */
export async function removeModuleFromSearch(db: Db, dialect: DialectName, module: string): Promise<void> {
  await writeDeferredSearch(db);
  if (dialect === 'postgres') {
    await sql`delete from search_index where module = ${module}`.execute(db);
    return;
  }
  await sql`delete from search_fts where rowid in (select "docId" from search_docs where module = ${module})`.execute(db);
  await sql`delete from search_docs where module = ${module}`.execute(db);
}
