import type { ActingUser } from '../../context.js';
import type { JobEnv } from '../../jobs/index.js';
import { type UserRow, userRowToActingUser } from '../../users/index.js';

/** Rules act as the first of these users who is active, else as the first active administrator. */
export async function actingUser(env: JobEnv, ids: (string | null | undefined)[]): Promise<ActingUser | undefined> {
  for (const id of ids) {
    if (!id) continue;
    const row = await env.database.db.selectFrom('users').selectAll().where('id', '=', id).where('active', '=', 1).executeTakeFirst();
    if (row) return userRowToActingUser(row as UserRow);
  }
  const admin = await env.database.db
    .selectFrom('users')
    .selectAll()
    .where('profile', '=', 'Administrator')
    .where('active', '=', 1)
    .orderBy('createdAt')
    .executeTakeFirst();
  return admin ? userRowToActingUser(admin as UserRow) : undefined;
}
