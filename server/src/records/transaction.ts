import { type Ctx, withDb } from '../context.js';

/** Runs `fn` in a transaction at the use-case boundary (or inside the caller's, if it has one). */
export async function inTransaction<T>(ctx: Ctx, fn: (tx: Ctx) => Promise<T>): Promise<T> {
  if (ctx.db.isTransaction) return fn(ctx);
  return ctx.db.transaction().execute((trx) => fn(withDb(ctx, trx)));
}
