import { type Kysely, type MigrationProvider, Migrator, sql } from 'kysely';
import { addSalesFields } from '../metadata/sales-fields.js';
import { seedStandardMetadata } from '../metadata/seed.js';
import type { Database } from './connection.js';
import { systemMigrations } from './migrations.js';

/**
 * Brings the database to the latest schema. On PostgreSQL a session-level advisory lock makes
 * two processes that start at once take turns; the second finds nothing left to do.
 */
export async function migrateToLatest(database: Database): Promise<string[]> {
  const { db, dialect } = database;
  const run = async (conn: Kysely<unknown>) => {
    const provider: MigrationProvider = {
      getMigrations: async () =>
        systemMigrations(
          dialect,
          (d) => seedStandardMetadata(d, dialect),
          (d) => addSalesFields(d, dialect),
        ),
    };
    // Capabilities add their migrations independently (keys are numbered by capability, not by
    // date), so a database may have run a higher key before a lower one was added: run what is
    // missing whatever its place.
    const migrator = new Migrator({ db: conn, provider, allowUnorderedMigrations: true });
    const { error, results } = await migrator.migrateToLatest();
    if (error) throw error;
    return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  };
  if (dialect !== 'postgres') return run(db);
  return db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(724000)`.execute(conn);
    try {
      return await run(conn);
    } finally {
      await sql`select pg_advisory_unlock(724000)`.execute(conn);
    }
  });
}
