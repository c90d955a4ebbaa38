import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Database } from '../db/connection.js';
import type { JobWorker } from '../jobs/index.js';
import type { MetadataCache } from '../metadata/snapshot.js';

/** What the HTTP layer is wired with, by hand, in the composition root (server.ts). */
export interface AppDeps {
  database: Database;
  config: Config;
  clock: Clock;
  metaCache: MetadataCache;
  /** The in-process job worker (the test clock runs what became due through it). */
  jobs?: JobWorker;
}
