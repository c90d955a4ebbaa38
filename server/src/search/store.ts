import { CompiledQuery, sql } from 'kysely';
import type { Db, DialectName } from '../db/connection.js';
import { insertRows } from '../db/insert-rows.js';
import { chunk } from '../util/chunk.js';
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
  if (dialect === 'postgres') {
    // SQL text with numbered parameters (each document's name and body used twice), not a Kysely
    // template: a template's node per value cost more than PostgreSQL's work for a bulk write.
    for (const part of chunk(docs, 500)) {
      const params: unknown[] = [];
      const tuples = part.map((d) => {
        const n = params.push(d.module, d.recordId, d.name, d.body);
        const [name, body] = [`$${n - 1}`, `$${n}`];
        return `($${n - 3}, $${n - 2}, ${name}, ${body}, setweight(to_tsvector('simple', ${name}), 'A') || setweight(to_tsvector('simple', ${body}), 'B'))`;
      });
      await db.executeQuery(
        CompiledQuery.raw(
          `insert into search_index (module, "recordId", name, body, tsv) values ${tuples.join(', ')}
            on conflict (module, "recordId") do update set name = excluded.name, body = excluded.body, tsv = excluded.tsv`,
          params,
        ),
      );
    }
    return;
  }
  // SQLite: one lookup, one insert of new documents and one FTS insert per chunk of 200.
  for (const part of chunk(docs, 200)) {
    const module = part[0].module;
    const sameModule = part.every((d) => d.module === module);
    // New records (`fresh`) have no document yet: skip the lookup.
    const existing =
      sameModule && !opts.fresh
        ? await sql<{ docId: number; recordId: string }>`select "docId", "recordId" from search_docs
          where module = ${module} and "recordId" in (${sql.join(part.map((d) => d.recordId))})`.execute(db)
        : { rows: [] };
    const docIdOf = new Map(existing.rows.map((r) => [r.recordId, Number(r.docId)]));
    if (docIdOf.size) await sql`delete from search_fts where rowid in (${sql.join([...docIdOf.values()])})`.execute(db);
    const fresh = part.filter((d) => !docIdOf.has(d.recordId));
    if (!sameModule) {
      // Mixed modules are rare (restores); fall back to one document at a time.
      for (const d of part) await upsertSearchDocuments(db, dialect, [d]);
      continue;
    }
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
    await insertRows(
      db,
      dialect,
      'search_fts',
      part.map((d) => ({ rowid: docIdOf.get(d.recordId), name: d.name, body: d.body })),
    );
  }
}

export async function removeSearchDocuments(db: Db, dialect: DialectName, module: string, ids: string[]): Promise<void> {
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
  if (dialect === 'postgres') {
    await sql`delete from search_index where module = ${module}`.execute(db);
    return;
  }
  await sql`delete from search_fts where rowid in (select "docId" from search_docs where module = ${module})`.execute(db);
  await sql`delete from search_docs where module = ${module}`.execute(db);
}
