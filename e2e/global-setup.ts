import fs from 'node:fs';
import type { FullConfig } from '@playwright/test';
// @ts-expect-error -- a plain ES module shared with postinstall and `rapport serve`
import { buildWebIfStale } from '../scripts/build-web.mjs';
import { CHROMIUM, portVar, SKIP_ALL_VAR, skipVar } from './support/environment';
import { createDatabase, postgresReachable } from './support/postgres';
import { type RunningRapport, startRapport } from './support/rapport-server';

/**
 * Builds the web app if stale and starts one Rapport per database, each on a fresh database.
 * Outside CI a missing Chromium or PostgreSQL skips what needs it; with CI=true it fails the run.
 * Returns the teardown: servers stopped, data folders removed, the PostgreSQL database dropped.
 */
export default async function globalSetup(_config: FullConfig): Promise<() => Promise<void>> {
  const ci = process.env.CI === 'true';
  const cleanups: (() => Promise<void>)[] = [];
  const teardown = async () => {
    for (const c of cleanups.reverse()) await c().catch((err) => console.error(err));
  };

  if (!fs.existsSync(CHROMIUM)) {
    const reason = `Chromium not found at ${CHROMIUM} (apt-get install chromium)`;
    if (ci) throw new Error(reason);
    console.warn(`e2e: ${reason}; skipping the browser suite`);
    process.env[SKIP_ALL_VAR] = reason;
    return teardown;
  }

  buildWebIfStale();

  try {
    const sqlite: RunningRapport = await startRapport({ name: 'sqlite', port: Number(process.env[portVar('sqlite')]) });
    cleanups.push(sqlite.stop);

    if (await postgresReachable()) {
      const db = await createDatabase();
      cleanups.push(db.drop);
      const server = await startRapport({ name: 'postgres', port: Number(process.env[portVar('postgres')]), databaseUrl: db.url });
      cleanups.push(server.stop);
    } else {
      const reason = 'PostgreSQL is unreachable on 127.0.0.1:5432';
      if (ci) throw new Error(`${reason}: it is required in CI`);
      console.warn(`e2e: ${reason}; skipping the PostgreSQL project`);
      process.env[skipVar('postgres')] = reason;
    }
  } catch (err) {
    await teardown();
    throw err;
  }
  return teardown;
}
