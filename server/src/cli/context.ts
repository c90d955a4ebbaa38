import { systemClock } from '../clock.js';
import type { Config } from '../config.js';
import type { ActingUser, Ctx } from '../context.js';
import { type Database, openDatabase } from '../db/connection.js';
import { migrateToLatest } from '../db/migrate.js';
import { loadSnapshot } from '../metadata/index.js';

/**
 * The CLI runs with the database's own authority. It acts as the first active administrator
 * (so records it writes have a real owner), or as an anonymous administrator on an empty database.
 */
export async function cliContext(config: Config): Promise<{ ctx: Ctx; database: Database }> {
  const database = openDatabase(config);
  await migrateToLatest(database);
  const admin = await database.db
    .selectFrom('users')
    .selectAll()
    .where('profile', '=', 'Administrator')
    .where('active', '=', 1)
    .orderBy('createdAt')
    .executeTakeFirst();
  const user: ActingUser = admin
    ? { id: admin.id, email: admin.email, name: admin.name, profile: 'Administrator', role: admin.role, timeZone: admin.timeZone, locale: admin.locale }
    : { id: 'cli', email: 'cli@localhost', name: 'Command line', profile: 'Administrator', role: null, timeZone: 'UTC', locale: 'en' };
  const ctx: Ctx = { db: database.db, dialect: database.dialect, meta: await loadSnapshot(database.db), user, clock: systemClock };
  return { ctx, database };
}
