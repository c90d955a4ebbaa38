import { describe, expect, it } from 'vitest';
import type { Db } from '../src/db/connection.js';
import { deferDocuments, deferSearchWrites, searchMark, takeDeferredSearch, undoSearchWritesTo } from '../src/search/deferred.js';
import type { SearchDocument } from '../src/search/document.js';

// The bookkeeping of a transaction's deferred search writes (search/deferred.ts); the writes
// themselves are tested through the API on both engines (search, records, outbox, automation suites).
const doc = (module: string, recordId: string, name: string): SearchDocument => ({ module, recordId, name, body: '' });

/** A transaction handle that defers its search writes (the bookkeeping only keys on its identity). */
function deferring(): Db {
  const trx = {} as Db;
  deferSearchWrites(trx, 'sqlite');
  return trx;
}
const names = (trx: Db) => takeDeferredSearch(trx)?.groups.flatMap((g) => g.docs.map((d) => d.name)) ?? [];

describe('deferred search writes', () => {
  it('writes one document per record, the last one, grouped by module and freshness', () => {
    const trx = deferring();
    deferDocuments(trx, [doc('leads', 'a', 'first'), doc('tasks', 't', 'task')], true);
    deferDocuments(trx, [doc('leads', 'a', 'second'), doc('leads', 'b', 'old')], false);
    // "a" was created in this transaction: it has no document to replace, whatever came after.
    expect(takeDeferredSearch(trx)).toEqual({
      dialect: 'sqlite',
      groups: [
        { fresh: true, docs: [doc('tasks', 't', 'task')] },
        { fresh: true, docs: [doc('leads', 'a', 'second')] },
        { fresh: false, docs: [doc('leads', 'b', 'old')] },
      ],
    });
    expect(takeDeferredSearch(trx)).toBeNull();
  });

  it('a rollback to a savepoint forgets what was deferred after it, and only that', () => {
    const trx = deferring();
    deferDocuments(trx, [doc('leads', 'a', 'kept')], true);
    const mark = searchMark(trx);
    deferDocuments(trx, [doc('tasks', 't', 'undone')], true);
    undoSearchWritesTo(trx, mark);
    expect(names(trx)).toEqual(['kept']);
  });

  it('after writes taken early (a removal), a rollback forgets everything deferred since', () => {
    const trx = deferring();
    deferDocuments(trx, [doc('leads', 'a', 'written early')], true);
    const mark = searchMark(trx);
    takeDeferredSearch(trx);
    deferDocuments(trx, [doc('tasks', 't', 'after the early write')], true);
    // The database rollback undid the early write; the entries since then are forgotten here.
    undoSearchWritesTo(trx, mark);
    expect(names(trx)).toEqual([]);
  });

  it('a handle that defers nothing writes at once: nothing deferred, no mark, nothing to undo', () => {
    const trx = {} as Db;
    expect(deferDocuments(trx, [doc('leads', 'a', 'now')], true)).toBe(false);
    expect(searchMark(trx)).toBeUndefined();
    expect(() => undoSearchWritesTo(trx, undefined)).not.toThrow();
    expect(takeDeferredSearch(trx)).toBeNull();
  });
});
