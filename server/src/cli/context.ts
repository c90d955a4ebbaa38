import { systemClock } from '../clock.js';
import type { Config } from '../config.js';
import type { ActingUser, Ctx } from '../context.js';
import { type Database, openDatabase } from '../db/connection.js';
import { migrateToLatest } from '../db/migrate.js';
import { loadSnapshot } from '../metadata/index.js';
import { firstAdministrator } from '../users/index.js';

/**
 * The CLI runs with the database's own authority. It acts as the first active administrator
 * (so records it writes have a real owner), or as an anonymous administrator on an empty database.
 */
export async function cliContext(config: Config): Promise<{ ctx: Ctx; database: Database }> {
  const database = openDatabase(config);
  await migrateToLatest(database);
  const user: ActingUser = (await firstAdministrator(database.db)) ?? {
    id: 'cli',
    email: 'cli@localhost',
    name: 'Command line',
    profile: 'Administrator',
    role: null,
    timeZone: 'UTC',
    locale: 'en',
  };
  const ctx: Ctx = { db: database.db, dialect: database.dialect, meta: await loadSnapshot(database.db), user, clock: systemClock };
  return { ctx, database };
}
