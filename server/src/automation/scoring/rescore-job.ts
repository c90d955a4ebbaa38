import type { Ctx } from '../../context.js';
import { type JobHandler, reportJobProgress } from '../../jobs/index.js';
import { countRecords, rescoreModule } from '../../records/index.js';
import { type UserRow, userRowToActingUser } from '../../users/index.js';

/** Rescores every record of a module with the scoring rules as they are now, reporting its progress. */
export const rescoreJob: JobHandler = async (job, env) => {
  const { db, dialect } = env.database;
  const admin = await db.selectFrom('users').selectAll().where('profile', '=', 'Administrator').orderBy('createdAt').executeTakeFirst();
  if (!admin) return;
  const meta = await env.metaCache.get(db);
  const ctx: Ctx = { db, dialect, meta, user: userRowToActingUser(admin as UserRow), clock: env.clock };
  const module = job.payload.module as string;
  const total = await countRecords(ctx, module, {});
  await reportJobProgress(db, job, { done: 0, total });
  await rescoreModule(ctx, module, (checked) => reportJobProgress(db, job, { done: Math.min(checked, total), total }));
  await reportJobProgress(db, job, { done: total, total });
};
