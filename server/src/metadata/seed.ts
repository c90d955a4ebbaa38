import type { Db, DialectName } from '../db/connection.js';
import { newId } from '../ids.js';
import { insertModule } from './define.js';
import { DEFAULT_PIPELINE, STANDARD_MODULES } from './standard-modules.js';
import { bumpMetaVersion } from './snapshot.js';

/** Seeds a new database: the standard modules, the default pipeline and organisation settings. */
export async function seedStandardMetadata(db: Db, dialect: DialectName): Promise<void> {
  const now = Date.now();
  let order = 1;
  for (const m of STANDARD_MODULES) await insertModule(db, dialect, m, { custom: false, sortOrder: order++, now });
  const pipelineId = newId(now);
  await db.insertInto('pipelines').values({ id: pipelineId, name: DEFAULT_PIPELINE.name, isDefault: 1, sortOrder: 1 }).execute();
  let i = 1;
  for (const s of DEFAULT_PIPELINE.stages) {
    await db
      .insertInto('pipeline_stages')
      .values({ id: newId(now), pipelineId, name: s.name, probability: s.probability, kind: s.kind, sortOrder: i++ })
      .execute();
  }
  await db
    .insertInto('settings')
    .values({ key: 'organization', value: JSON.stringify({ name: 'My Company', timeZone: 'UTC', currency: 'USD', locale: 'en' }) })
    .execute();
  await bumpMetaVersion(db);
}
