import type { Db, DialectName } from '../db/connection.js';
import type { SearchDocument } from './document.js';

/*
 * A transaction's search documents are written once, just before it commits, not by every write
 * in it. A create with its workflow rules writes records of two modules (leads, then the rules'
 * tasks) and each would otherwise write its own documents; on SQLite, worse, FTS5 flushes its
 * pending index to disk at every savepoint, and the rules' actions run under one (inline.ts), so
 * the create's documents were flushed there and the tasks' again at commit. Deferred, the index
 * takes one write per transaction. Nothing reads the index inside a write, so none sees it late.
 */

interface Entry {
  doc: SearchDocument;
  /** The record is new in this transaction: it has no document to replace. */
  fresh: boolean;
}

interface DeferredSearch {
  dialect: DialectName;
  entries: Entry[];
  /** Bumped when the entries are written early (a removal must follow what came before it). */
  epoch: number;
}

/** Where a transaction's deferred writes stand: what a rollback to a savepoint goes back to. */
export interface SearchMark {
  epoch: number;
  length: number;
}

/** Open transactions' deferred writes, by the transaction's handle. */
const open = new WeakMap<Db, DeferredSearch>();

/** From now on the transaction `trx` defers its search writes until takeDeferredSearch. */
export function deferSearchWrites(trx: Db, dialect: DialectName): void {
  open.set(trx, { dialect, entries: [], epoch: 0 });
}

/** Defers the documents if `db`'s transaction defers its search writes; false if it does not. */
export function deferDocuments(db: Db, docs: readonly SearchDocument[], fresh: boolean): boolean {
  const d = open.get(db);
  if (!d) return false;
  for (const doc of docs) d.entries.push({ doc, fresh });
  return true;
}

export function searchMark(db: Db): SearchMark | undefined {
  const d = open.get(db);
  return d && { epoch: d.epoch, length: d.entries.length };
}

/**
 * Forgets the writes deferred after `mark` (the caller rolled back to a savepoint taken there).
 * Writes done early since then were in the database, and the rollback undid them.
 */
export function undoSearchWritesTo(db: Db, mark: SearchMark | undefined): void {
  const d = open.get(db);
  if (!d || !mark) return;
  d.entries.length = d.epoch === mark.epoch ? Math.min(mark.length, d.entries.length) : 0;
}

/**
 * Takes a transaction's deferred writes for writing, one document per record (the last written
 * wins), grouped by module. A record created since the last write of the index has no document
 * there yet, whatever was done to it after.
 */
export function takeDeferredSearch(db: Db): { dialect: DialectName; groups: { docs: SearchDocument[]; fresh: boolean }[] } | null {
  const d = open.get(db);
  if (!d || d.entries.length === 0) return null;
  const last = new Map<string, Entry>();
  for (const e of d.entries) {
    const key = `${e.doc.module}\u0000${e.doc.recordId}`;
    const before = last.get(key);
    last.delete(key);
    last.set(key, { doc: e.doc, fresh: e.fresh || (before?.fresh ?? false) });
  }
  d.entries = [];
  d.epoch++;
  const groups = new Map<string, { docs: SearchDocument[]; fresh: boolean }>();
  for (const e of last.values()) {
    const key = `${e.doc.module}\u0000${e.fresh}`;
    let g = groups.get(key);
    if (!g) {
      g = { docs: [], fresh: e.fresh };
      groups.set(key, g);
    }
    g.docs.push(e.doc);
  }
  return { dialect: d.dialect, groups: [...groups.values()] };
}
