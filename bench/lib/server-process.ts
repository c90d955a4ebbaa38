import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { HttpClient } from './http-load.js';
import { cpuMs } from './machine.js';
import { REPO_ROOT } from './paths.js';
import { nowMs } from './stats.js';

export const ADMIN = { email: 'bench-admin@example.com', password: 'bench password for rapport' };

/** Where a server keeps its data: a SQLite data directory or a PostgreSQL URL. */
export type Target = { engine: 'sqlite'; dataDir: string } | { engine: 'postgres'; databaseUrl: string };

export interface ServerProcess {
  url: string;
  pid: number;
  child: ChildProcess;
  /** Milliseconds from spawn to the first 200 from /api/v1/health. */
  startMs: number;
  /** A keep-alive client signed in as the administrator. */
  client(maxSockets?: number): Promise<HttpClient>;
  stop(): Promise<void>;
  stderr(): string;
  /** CPU time the server process has used so far (ms): per-request cost that machine load does not inflate much. */
  cpuMs(): number;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/** The log level of benchmark servers: the product default (info) unless BENCH_LOG_LEVEL says otherwise. */
export const SERVER_LOG_LEVEL = process.env.BENCH_LOG_LEVEL ?? 'info';

export function serverEnv(target: Target, port: number): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    RAPPORT_ADMIN_EMAIL: ADMIN.email,
    RAPPORT_ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: SERVER_LOG_LEVEL,
  };
  delete env.DATABASE_URL;
  delete env.RAPPORT_TEST_CLOCK;
  if (target.engine === 'sqlite') env.RAPPORT_DATA_DIR = target.dataDir;
  else {
    env.DATABASE_URL = target.databaseUrl;
    env.RAPPORT_DATA_DIR = path.join(REPO_ROOT, '.tmp', 'bench-data', 'pg-files');
  }
  return env;
}

export async function login(base: string, maxSockets = 64): Promise<HttpClient> {
  const anon = new HttpClient(base, {}, 1);
  const res = await anon.request({ method: 'POST', path: '/api/v1/auth/login', body: JSON.stringify(ADMIN) });
  anon.close();
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${res.body.toString()}`);
  const setCookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []).join(';');
  const m = /rapport_session=([^;]+)/.exec(setCookie);
  if (!m) throw new Error('login answered without a session cookie');
  return new HttpClient(base, { cookie: `rapport_session=${m[1]}` }, maxSockets);
}

/**
 * Spawns `node server/bin/rapport.mjs serve` as an operator would, and waits until
 * /api/v1/health answers 200.
 */
export async function startServerProcess(target: Target, opts: { profileDir?: string; timeoutMs?: number } = {}): Promise<ServerProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const nodeArgs: string[] = [];
  if (opts.profileDir) {
    fs.mkdirSync(opts.profileDir, { recursive: true });
    nodeArgs.push('--cpu-prof', `--cpu-prof-dir=${opts.profileDir}`);
  }
  const t0 = nowMs();
  const child = spawn(process.execPath, [...nodeArgs, 'server/bin/rapport.mjs', 'serve'], {
    cwd: REPO_ROOT,
    env: serverEnv(target, port),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => {
    stderr = (stderr + c.toString()).slice(-20000);
  });
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      resolve();
    }),
  );
  const probe = new HttpClient(url, {}, 1);
  const deadline = t0 + (opts.timeoutMs ?? 120_000);
  let startMs = 0;
  for (;;) {
    if (exited) throw new Error(`server exited before it was healthy:\n${stderr}`);
    if (nowMs() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server not healthy after ${opts.timeoutMs ?? 120_000} ms:\n${stderr}`);
    }
    try {
      const res = await probe.request({ method: 'GET', path: '/api/v1/health' });
      if (res.status === 200) {
        startMs = nowMs() - t0;
        break;
      }
    } catch {}
    await new Promise((r) => setTimeout(r, 5));
  }
  probe.close();
  const clients: HttpClient[] = [];
  return {
    url,
    pid: child.pid as number,
    child,
    startMs,
    async client(maxSockets = 64) {
      const c = await login(url, maxSockets);
      clients.push(c);
      return c;
    },
    async stop() {
      for (const c of clients) c.close();
      if (!exited) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await exit;
        clearTimeout(timer);
      }
    },
    stderr: () => stderr,
    cpuMs: () => cpuMs(child.pid as number),
  };
}
