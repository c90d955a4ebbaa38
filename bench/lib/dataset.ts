import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import type { AdjustableClock } from '../../server/src/clock.js';
import { readConfig } from '../../server/src/config.js';
import { openDatabase } from '../../server/src/db/connection.js';
import { migrateToLatest } from '../../server/src/db/migrate.js';
import { startServer } from '../../server/src/server.js';
import type { Engine } from './args.js';
import { pgAdmin, pgCreateDatabase, pgDatabaseExists, pgDropDatabase, pgUrl } from './engines.js';
import { assertClean, runLoad } from './http-load.js';
import { makeLeads } from './leads-data.js';
import { DATA_ROOT } from './paths.js';
import { ADMIN, login, type Target } from './server-process.js';
import { fmtInt, nowMs } from './stats.js';

/** The seed of the read datasets: the same leads on both engines and on every machine. */
export const DATASET_SEED = 20240601;
export const BATCH = 100;
export const FILL_CLIENTS = 4;
const TWO_YEARS_MS = 2 * 365 * 24 * 60 * 60 * 1000;

export interface Dataset {
  target: Target;
  rows: number;
  reused: boolean;
  /** How the dataset was filled (from its marker). */
  fill: { seconds: number; recordsPerSecond: number; at: string };
}

interface Marker {
  rows: number;
  seed: number;
  seconds: number;
  recordsPerSecond: number;
  at: string;
}

const markerFile = (engine: Engine, rows: number) => path.join(DATA_ROOT, `${engine}-${rows}.json`);
export const sqliteDatasetDir = (rows: number) => path.join(DATA_ROOT, `sqlite-${rows}`);
export const pgDatasetName = (rows: number) => `rapport_bench_${rows}`;

function readMarker(engine: Engine, rows: number): Marker | undefined {
  try {
    const m = JSON.parse(fs.readFileSync(markerFile(engine, rows), 'utf8')) as Marker;
    return m.rows === rows && m.seed === DATASET_SEED ? m : undefined;
  } catch {
    return undefined;
  }
}

async function migrate(target: Target): Promise<void> {
  const database = openDatabase(
    target.engine === 'sqlite'
      ? { dataDir: target.dataDir }
      : { databaseUrl: target.databaseUrl, dataDir: path.join(DATA_ROOT, 'pg-files') },
  );
  try {
    await migrateToLatest(database);
  } finally {
    await database.close();
  }
}

async function countLeads(target: Target): Promise<number> {
  if (target.engine === 'sqlite') {
    const db = new SQLite(path.join(target.dataDir, 'rapport.db'), { readonly: true, fileMustExist: true });
    try {
      return (db.prepare('select count(*) as n from r_leads').get() as { n: number }).n;
    } finally {
      db.close();
    }
  }
  return pgAdmin(async (c) => Number((await c.query('select count(*) as n from r_leads')).rows[0].n), target.databaseUrl);
}

/**
 * The read dataset of `rows` leads: reused from .tmp/bench-data (SQLite) or the database
 * rapport_bench_<rows> (PostgreSQL) when a complete one exists, else built through the API.
 */
export async function prepareDataset(engine: Engine, rows: number, fresh: boolean, log: (s: string) => void): Promise<Dataset> {
  fs.mkdirSync(DATA_ROOT, { recursive: true });
  const target: Target =
    engine === 'sqlite' ? { engine, dataDir: sqliteDatasetDir(rows) } : { engine, databaseUrl: pgUrl(pgDatasetName(rows)) };
  const marker = fresh ? undefined : readMarker(engine, rows);
  if (marker) {
    const exists =
      engine === 'sqlite' ? fs.existsSync(path.join(sqliteDatasetDir(rows), 'rapport.db')) : await pgDatabaseExists(pgDatasetName(rows));
    // The benchmarks add nothing to the read dataset, so the count must still match (sessions aside).
    if (exists && (await countLeads(target)) === rows) {
      // The schema may have moved on since the dataset was built: migrate it as a server start would,
      // before the benchmarks read it directly.
      await migrate(target);
      return { target, rows, reused: true, fill: { seconds: marker.seconds, recordsPerSecond: marker.recordsPerSecond, at: marker.at } };
    }
  }
  fs.rmSync(markerFile(engine, rows), { force: true });
  if (engine === 'sqlite') fs.rmSync(sqliteDatasetDir(rows), { recursive: true, force: true });
  else {
    await pgDropDatabase(pgDatasetName(rows));
    await pgCreateDatabase(pgDatasetName(rows));
  }
  log(`building the ${engine} dataset of ${fmtInt(rows)} leads through the API (${FILL_CLIENTS} clients, batches of ${BATCH})…`);
  const { seconds, recordsPerSecond } = await fillThroughApi(target, rows, log);
  if (target.engine === 'postgres') {
    // What autovacuum would soon do on its own; measuring before it would measure its timing.
    log('vacuum analyze…');
    await pgAdmin((c) => c.query('vacuum analyze'), target.databaseUrl);
  } else {
    const db = new SQLite(path.join(sqliteDatasetDir(rows), 'rapport.db'));
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
  }
  const m: Marker = { rows, seed: DATASET_SEED, seconds, recordsPerSecond, at: new Date().toISOString() };
  fs.writeFileSync(markerFile(engine, rows), `${JSON.stringify(m, null, 2)}\n`);
  return { target, rows, reused: false, fill: { seconds, recordsPerSecond, at: m.at } };
}

/**
 * Creates the leads through POST /api/v1/records/leads (the record service's bulk path, so
 * history, outbox and search index are filled as in production). The server runs in this
 * process with the test clock, which we move from two years ago to now as batches go in, so
 * createdAt (and the time-ordered ids) spread over two years like a real CRM's.
 */
async function fillThroughApi(target: Target, rows: number, log: (s: string) => void) {
  const config = readConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    RAPPORT_DATA_DIR: target.engine === 'sqlite' ? target.dataDir : path.join(DATA_ROOT, 'pg-files'),
    ...(target.engine === 'postgres' ? { DATABASE_URL: target.databaseUrl } : {}),
    RAPPORT_ADMIN_EMAIL: ADMIN.email,
    RAPPORT_ADMIN_PASSWORD: ADMIN.password,
    RAPPORT_TEST_CLOCK: '1',
    LOG_LEVEL: 'silent',
  });
  const server = await startServer(config, { logger: false });
  try {
    const client = await login(server.url, FILL_CLIENTS);
    const clock = server.clock as AdjustableClock;
    const batches = Math.ceil(rows / BATCH);
    const step = TWO_YEARS_MS / batches;
    clock.advance(-TWO_YEARS_MS);
    let lastReport = nowMs();
    const t0 = nowMs();
    const r = await runLoad(client, {
      concurrency: FILL_CLIENTS,
      requests: batches,
      ok: [201],
      before: (i) => {
        clock.advance(step);
        if (nowMs() - lastReport > 10_000) {
          lastReport = nowMs();
          const done = i * BATCH;
          log(`  ${fmtInt(done)} / ${fmtInt(rows)} (${fmtInt((done / (nowMs() - t0)) * 1000)} records/s)`);
        }
      },
      make: (i) => ({
        method: 'POST',
        path: '/api/v1/records/leads',
        body: JSON.stringify({ data: makeLeads(DATASET_SEED, i * BATCH, Math.min(BATCH, rows - i * BATCH)) }),
      }),
    });
    assertClean('dataset fill', r);
    client.close();
    const seconds = r.elapsedMs / 1000;
    const recordsPerSecond = rows / seconds;
    log(`  filled ${fmtInt(rows)} leads in ${seconds.toFixed(1)} s (${fmtInt(recordsPerSecond)} records/s, server in this process)`);
    return { seconds, recordsPerSecond };
  } finally {
    await server.close();
  }
}
