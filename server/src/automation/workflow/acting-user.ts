import type { ActingUser } from '../../context.js';
import type { JobEnv } from '../../jobs/index.js';
import { activeUser, firstAdministrator } from '../../users/index.js';

/** Rules act as the first of these users who is active, else as the first active administrator. */
export async function actingUser(env: JobEnv, ids: (string | null | undefined)[]): Promise<ActingUser | undefined> {
  for (const id of ids) {
    const user = id ? await activeUser(env.database.db, id) : undefined;
    if (user) return user;
  }
  return firstAdministrator(env.database.db);
}
