import { spawnSync } from 'node:child_process';

/** Debian's Chromium (apt-get install chromium); Playwright's own browser downloads are not used. */
export const CHROMIUM = process.env.RAPPORT_E2E_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** The databases the suite runs on; each gets its own Rapport server and a `<db>-setup` project. */
export const DATABASES = ['sqlite', 'postgres'] as const;
export type Database = (typeof DATABASES)[number];

export const portVar = (db: Database) => `RAPPORT_E2E_${db.toUpperCase()}_PORT`;
/** Set by global setup when a database's server could not be started outside CI: its tests are skipped. */
export const skipVar = (db: Database) => `RAPPORT_E2E_${db.toUpperCase()}_SKIP`;
export const SKIP_ALL_VAR = 'RAPPORT_E2E_SKIP';

/** A free TCP port, found synchronously so the config (and the workers that inherit its env) agree on it. */
export function freePort(): number {
  const r = spawnSync(
    process.execPath,
    ['-e', "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})"],
    { encoding: 'utf8' },
  );
  const port = Number(r.stdout);
  if (!Number.isInteger(port) || port <= 0) throw new Error(`Could not find a free port: ${r.stderr}`);
  return port;
}

export function baseUrl(db: Database): string {
  return `http://127.0.0.1:${process.env[portVar(db)]}`;
}
