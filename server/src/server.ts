import { ensureFirstAdmin } from './auth/index.js';
import { AdjustableClock, type Clock, systemClock } from './clock.js';
import type { Config } from './config.js';
import { type Database, openDatabase } from './db/connection.js';
import { migrateToLatest } from './db/migrate.js';
import { type App, buildApp } from './http/app.js';
import { MetadataCache } from './metadata/index.js';
import { purgeExpired } from './records/index.js';
import { AUTOMATION_JOBS, readOutbox } from './automation/index.js';
import { JobWorker } from './jobs/index.js';
import { MEETING_JOBS, readMeetingsOutbox } from './meetings/index.js';
import { ACTIVITY_JOBS } from './activities/index.js';
import { NOTIFICATION_JOBS, readNotificationsOutbox } from './notifications/index.js';

export interface RunningServer {
  app: App;
  database: Database;
  clock: Clock;
  url: string;
  close(): Promise<void>;
}

const PURGE_EVERY_MS = 60 * 60 * 1000;
const JOB_POLL_MS = 1000;

/** The composition root: config → database → migrations → first admin → HTTP → background work. */
export async function startServer(config: Config, opts: { logger?: boolean | object; database?: Database } = {}): Promise<RunningServer> {
  const database = opts.database ?? openDatabase(config);
  await migrateToLatest(database);
  const clock: Clock = config.testClock ? new AdjustableClock() : systemClock;
  if (config.adminEmail && config.adminPassword) {
    await ensureFirstAdmin(database.db, clock, config.adminEmail, config.adminPassword);
  }
  const metaCache = new MetadataCache();
  let app: App | undefined;
  const jobs = new JobWorker(
    { database, clock, metaCache, config, log: { error: (obj, msg) => app?.log.error(obj, msg) } },
    new Map([...AUTOMATION_JOBS, ...MEETING_JOBS, ...ACTIVITY_JOBS, ...NOTIFICATION_JOBS]),
    [readOutbox, readMeetingsOutbox, readNotificationsOutbox],
  );
  app = await buildApp({ database, config, clock, metaCache, jobs }, { logger: opts.logger });
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  // Recycle bin retention: every server purges; the delete is idempotent, so several may run.
  const purge = () =>
    purgeExpired(database.db, clock.now(), config.recycleBinRetentionDays).catch((err) => app.log.error({ err }, 'purge failed'));
  void purge();
  const timer = setInterval(purge, PURGE_EVERY_MS);
  timer.unref();
  jobs.start(JOB_POLL_MS);
  return {
    app,
    database,
    clock,
    url: `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`,
    async close() {
      clearInterval(timer);
      await jobs.stop();
      await app?.close();
      await database.close();
    },
  };
}
