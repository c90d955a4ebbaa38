import { describe, expect, it } from 'vitest';
import type { Db } from '../src/db/connection.js';
import { deferredSearchOf, deferSearchWrites, searchMark, takeDeferredSearch, undoSearchWritesTo } from '../src/search/deferred.js';
import type { SearchDocument } from '../src/search/document.js';

// The bookkeeping of a transaction's deferred search writes (search/deferred.ts); the writes
// themselves are tested through the API on both engines (search, records, automation suites).
const doc = (module: string, recordId: string, name: string): SearchDocument => ({ module, recordId, name, body: '' });
const handle = () => ({}) as Db;

describe('deferred search writes', () => {
  it('writes one document per record, the last one, grouped by module and freshness', () => {
    const trx = handle();
    deferSearchWrites(trx, 'sqlite');
    const d = deferredSearchOf(trx);
    if (!d) throw new Error('not deferred');
    d.entries.push({ doc: doc('leads', 'a', 'first'), fresh: true });
    d.entries.push({ doc: doc('tasks', 't', 'task'), fresh: true });
    d.entries.push({ doc: doc('leads', 'a', 'second'), fresh: false });
    d.entries.push({ doc: doc('leads', 'b', 'old'), fresh: false });
    const groups = takeDeferredSearch(d);
    // "a" was created in this transaction: it has no document to replace, whatever came after.
    expect(groups).toEqual([
      { fresh: true, docs: [doc('tasks', 't', 'task')] },
      { fresh: true, docs: [doc('leads', 'a', 'second')] },
      { fresh: false, docs: [doc('leads', 'b', 'old')] },
    ]);
    expect(d.entries).toEqual([]);
  });

  it('a rollback to a savepoint forgets what was deferred after it, and only that', () => {
    const trx = handle();
    deferSearchWrites(trx, 'postgres');
    const d = deferredSearchOf(trx);
    if (!d) throw new Error('not deferred');
    d.entries.push({ doc: doc('leads', 'a', 'kept'), fresh: true });
    const mark = searchMark(trx);
    d.entries.push({ doc: doc('tasks', 't', 'undone'), fresh: true });
    undoSearchWritesTo(trx, mark);
    expect(d.entries.map((e) => e.doc.name)).toEqual(['kept']);
  });

  it('after writes taken early (a removal), a rollback forgets everything deferred since', () => {
    const trx = handle();
    deferSearchWrites(trx, 'sqlite');
    const d = deferredSearchOf(trx);
    if (!d) throw new Error('not deferred');
    d.entries.push({ doc: doc('leads', 'a', 'written early'), fresh: true });
    const mark = searchMark(trx);
    takeDeferredSearch(d);
    d.entries.push({ doc: doc('tasks', 't', 'after the early write'), fresh: true });
    // The database rollback undid the early write; the entries since then are forgotten here.
    undoSearchWritesTo(trx, mark);
    expect(d.entries).toEqual([]);
  });

  it('a handle that defers nothing has no mark and nothing to undo', () => {
    const trx = handle();
    expect(deferredSearchOf(trx)).toBeUndefined();
    expect(searchMark(trx)).toBeUndefined();
    expect(() => undoSearchWritesTo(trx, undefined)).not.toThrow();
  });
});
