import { type Ctx, withDb } from '../context.js';
import { deferSearchWrites, writeDeferredSearch } from '../search/index.js';

/**
 * Runs `fn` in a transaction at the use-case boundary (or inside the caller's, if it has one).
 * The transaction's search documents are written once, last (search/deferred.ts).
 */
export async function inTransaction<T>(ctx: Ctx, fn: (tx: Ctx) => Promise<T>): Promise<T> {
  if (ctx.db.isTransaction) return fn(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    deferSearchWrites(trx, ctx.dialect);
    const result = await fn(withDb(ctx, trx));
    await writeDeferredSearch(trx);
    return result;
  });
}
