import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface RunningRapport {
  url: string;
  logFile: string;
  stop(): Promise<void>;
}

/**
 * Starts `rapport serve` as an operator would, on a fresh data folder, with no administrator in
 * the environment (the suite does the first-run setup through the web app).
 */
export async function startRapport(opts: { name: string; port: number; databaseUrl?: string }): Promise<RunningRapport> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `rapport-e2e-${opts.name}-`));
  const logFile = path.join(dataDir, 'server.log');
  const log = fs.openSync(logFile, 'a');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(opts.port),
    HOST: '127.0.0.1',
    RAPPORT_DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    // Tests move time (reminders, scheduled work) through POST /api/v1/test-clock/advance.
    RAPPORT_TEST_CLOCK: '1',
  };
  delete env.RAPPORT_ADMIN_EMAIL;
  delete env.RAPPORT_ADMIN_PASSWORD;
  delete env.DATABASE_URL;
  if (opts.databaseUrl) env.DATABASE_URL = opts.databaseUrl;
  // Global setup built web/dist once already; two servers must not build it at the same time.
  env.RAPPORT_SKIP_WEB_BUILD = '1';
  const child: ChildProcess = spawn(process.execPath, [path.join(ROOT, 'server/bin/rapport.mjs'), 'serve'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', log, log],
  });
  const url = `http://127.0.0.1:${opts.port}`;
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });

  const stop = async () => {
    if (!exited) {
      child.kill('SIGTERM');
      for (let i = 0; i < 50 && !exited; i++) await sleep(100);
      if (!exited) child.kill('SIGKILL');
    }
    fs.closeSync(log);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (exited) break;
    try {
      const res = await fetch(`${url}/api/v1/health`);
      if (res.ok) return { url, logFile, stop };
    } catch {
      // Not listening yet.
    }
    await sleep(200);
  }
  const output = fs.readFileSync(logFile, 'utf8');
  await stop();
  throw new Error(`Rapport (${opts.name}) did not start on ${url}:\n${output}`);
}
