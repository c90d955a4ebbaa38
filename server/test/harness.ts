import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readConfig } from '../src/config.js';
import { type RunningServer, startServer } from '../src/server.js';
import { freshPostgresDatabase } from './pg.js';

export const ADMIN = { email: 'admin@example.com', password: 'correct horse battery staple' };

export interface TestServer {
  server: RunningServer;
  url: string;
  dialect: 'sqlite' | 'postgres';
  databaseUrl?: string;
  dataDir: string;
  /** A client signed in as the first administrator. */
  admin: Client;
  client(): Client;
  close(): Promise<void>;
}

export interface Response<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

/** A tiny HTTP client over real fetch that keeps the session cookie. */
export class Client {
  cookie: string | undefined;
  bearer: string | undefined;
  constructor(readonly baseUrl: string) {}

  async request<T = any>(method: string, p: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response<T>> {
    const h: Record<string, string> = { ...headers };
    if (this.cookie) h.cookie = this.cookie;
    if (this.bearer) h.authorization = `Bearer ${this.bearer}`;
    let payload: string | undefined;
    if (body !== undefined) {
      payload = typeof body === 'string' ? body : JSON.stringify(body);
      h['content-type'] ??= 'application/json';
    }
    const res = await fetch(this.baseUrl + p, { method, headers: h, body: payload });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) {
      const m = /rapport_session=([^;]*)/.exec(setCookie);
      if (m) this.cookie = m[1] ? `rapport_session=${m[1]}` : undefined;
    }
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {}
    return { status: res.status, headers: res.headers, body: parsed as T, text };
  }
  get<T = any>(p: string, headers?: Record<string, string>) {
    return this.request<T>('GET', p, undefined, headers);
  }
  post<T = any>(p: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('POST', p, body ?? {}, headers);
  }
  put<T = any>(p: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('PUT', p, body, headers);
  }
  patch<T = any>(p: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('PATCH', p, body, headers);
  }
  delete<T = any>(p: string, headers?: Record<string, string>) {
    return this.request<T>('DELETE', p, undefined, headers);
  }
  async login(email: string, password: string) {
    const r = await this.post('/api/v1/auth/login', { email, password });
    if (r.status !== 200) throw new Error(`login failed: ${r.status} ${r.text}`);
    return r;
  }
}

/** Starts a real server on a random port over a fresh database of the given engine. */
export async function startTestServer(
  dialect: 'sqlite' | 'postgres',
  env: Record<string, string> = {},
  opts: { emptyDatabase?: boolean } = {},
): Promise<TestServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-test-'));
  const pg = dialect === 'postgres' ? await freshPostgresDatabase() : undefined;
  const config = readConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    RAPPORT_DATA_DIR: dataDir,
    ...(opts.emptyDatabase ? {} : { RAPPORT_ADMIN_EMAIL: ADMIN.email, RAPPORT_ADMIN_PASSWORD: ADMIN.password }),
    LOG_LEVEL: 'silent',
    ...(pg ? { DATABASE_URL: pg.url } : {}),
    ...env,
  });
  const server = await startServer(config, { logger: false });
  const admin = new Client(server.url);
  if (!opts.emptyDatabase) await admin.login(ADMIN.email, ADMIN.password);
  return {
    server,
    url: server.url,
    dialect,
    databaseUrl: pg?.url,
    dataDir,
    admin,
    client: () => new Client(server.url),
    async close() {
      await server.close();
      await pg?.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Another app server on the same database as `t`, signed in as the same administrator. */
export interface SecondServer {
  server: RunningServer;
  url: string;
  admin: Client;
  client(): Client;
  close(): Promise<void>;
}

/**
 * Starts a second server on `t`'s PostgreSQL database, as a second process of the app would run:
 * its own data directory, its own workers. Closing it leaves the database to `t`.
 */
export async function startSecondServer(t: TestServer, env: Record<string, string> = {}): Promise<SecondServer> {
  if (!t.databaseUrl) throw new Error('a second server needs the first one on PostgreSQL');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-second-'));
  let server: RunningServer | undefined;
  let admin: Client;
  try {
    server = await startServer(
      readConfig({ DATABASE_URL: t.databaseUrl, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', RAPPORT_DATA_DIR: dataDir, ...env }),
      { logger: false },
    );
    admin = new Client(server.url);
    await admin.login(ADMIN.email, ADMIN.password);
  } catch (e) {
    // The caller's afterAll never sees this server: do not leave it or its directory behind.
    await server?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw e;
  }
  const started = server;
  return {
    server: started,
    url: started.url,
    admin,
    client: () => new Client(started.url),
    async close() {
      await started.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
