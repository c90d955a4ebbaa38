import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../server/src/db/connection.js';
import { migrateToLatest } from '../../server/src/db/migrate.js';
import type { BenchArgs, Engine } from './args.js';
import type { Dataset } from './dataset.js';
import { pgCreateDatabase, pgDropDatabase } from './engines.js';
import { DATA_ROOT, PROFILE_ROOT } from './paths.js';
import { summarizeProfile } from './profile.js';
import { type ServerProcess, startServerProcess, type Target } from './server-process.js';

export interface BenchContext {
  args: BenchArgs;
  engine: Engine;
  /** The read dataset (1,000,000 leads by default). */
  dataset(): Promise<Dataset>;
  log(s: string): void;
  /** A new, empty, migrated database of this engine; drop() removes it. */
  scratch(label: string): Promise<Scratch>;
  /** Starts a server process (profiled with --profile) and stops it after `fn`. */
  withServer<T>(target: Target, label: string, fn: (s: ServerProcess) => Promise<T>): Promise<T>;
}

export interface Scratch {
  target: Target;
  /** The SQLite file or PostgreSQL URL, for the raw baselines. */
  location: string;
  drop(): Promise<void>;
}

let scratchSeq = 0;

export async function makeScratch(engine: Engine, label: string, migrate = true): Promise<Scratch> {
  const tag = `${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${process.pid}_${++scratchSeq}`;
  let scratch: Scratch;
  if (engine === 'sqlite') {
    const dataDir = path.join(DATA_ROOT, 'scratch', tag);
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.mkdirSync(dataDir, { recursive: true });
    scratch = {
      target: { engine, dataDir },
      location: path.join(dataDir, 'rapport.db'),
      drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
    };
  } else {
    const name = `rapport_bench_scratch_${tag}`;
    const url = await pgCreateDatabase(name);
    scratch = { target: { engine, databaseUrl: url }, location: url, drop: () => pgDropDatabase(name) };
  }
  if (migrate) {
    const t = scratch.target;
    const database = openDatabase(t.engine === 'sqlite' ? { dataDir: t.dataDir } : { databaseUrl: t.databaseUrl, dataDir: DATA_ROOT });
    await migrateToLatest(database);
    await database.close();
  }
  return scratch;
}

export async function runWithServer<T>(
  args: BenchArgs,
  engine: Engine,
  target: Target,
  label: string,
  log: (s: string) => void,
  fn: (s: ServerProcess) => Promise<T>,
): Promise<T> {
  const profileDir = args.profile ? path.join(PROFILE_ROOT, `${engine}-${label}-${Date.now()}`) : undefined;
  const server = await startServerProcess(target, { profileDir });
  try {
    return await fn(server);
  } finally {
    await server.stop();
    if (profileDir) log(summarizeProfile(profileDir));
  }
}
