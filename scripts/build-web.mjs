#!/usr/bin/env node
// Builds the web app (web/dist) when it is missing or older than its sources. Runs after
// `npm install`/`npm ci` (root postinstall) and before `rapport serve` (`npm start`), so a fresh
// clone needs no extra command. Up to date, it costs a directory walk of a few milliseconds.
//
//   node scripts/build-web.mjs          build if stale
//   node scripts/build-web.mjs --force  build anyway
//
// A failed build prints Vite's errors and exits non-zero (so `npm ci` fails loudly).
// Several processes may start at once (app servers on one PostgreSQL, test servers): builds take
// a lock, and each writes to a folder of its own that replaces web/dist in one rename, so no server
// ever sees a half-written web/dist.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const webDir = path.join(root, 'web');
const distDir = path.join(webDir, 'dist');
const builtIndex = path.join(distDir, 'index.html');
const lockDir = path.join(webDir, '.build-lock');
const LOCK_STALE_MS = 5 * 60_000;

/** What the build reads: a change to any of these makes web/dist stale. */
const INPUTS = ['src', 'public', 'build', 'index.html', 'vite.config.ts', 'package.json'].map((p) => path.join(webDir, p));

function newestMtime(p) {
  let stat;
  try {
    stat = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

export function webBuildIsStale() {
  if (!fs.existsSync(builtIndex)) return true;
  const built = fs.statSync(builtIndex).mtimeMs;
  return INPUTS.some((p) => newestMtime(p) > built);
}

function viteBin() {
  const require = createRequire(path.join(webDir, 'package.json'));
  try {
    return path.join(path.dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');
  } catch {
    return null;
  }
}

const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Waits for another process's build to finish (or its lock to go stale), then holds the lock. */
function acquireLock() {
  for (;;) {
    try {
      fs.mkdirSync(lockDir);
      return;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
    }
    try {
      if (Date.now() - fs.statSync(lockDir).mtimeMs > LOCK_STALE_MS) fs.rmSync(lockDir, { recursive: true, force: true });
    } catch {
      // Released meanwhile.
    }
    sleep(200);
  }
}

/** Puts a finished build in place of web/dist with renames (the old one is removed after). */
function swapIntoPlace(outDir) {
  const old = `${distDir}.old-${process.pid}`;
  if (fs.existsSync(distDir)) fs.renameSync(distDir, old);
  fs.renameSync(outDir, distDir);
  fs.rmSync(old, { recursive: true, force: true });
}

/**
 * Builds web/dist if stale (or `force`). Returns true when it built. Throws when the build fails,
 * or when Vite is not installed and there is no build to serve.
 */
export function buildWebIfStale({ force = false } = {}) {
  if (!force && !webBuildIsStale()) return false;
  const vite = viteBin();
  if (!vite) {
    if (fs.existsSync(builtIndex)) {
      console.warn('rapport: web/ sources changed but Vite is not installed (npm install); serving the previous build.');
      return false;
    }
    throw new Error('Cannot build the web app: Vite is not installed. Run `npm install` first.');
  }
  acquireLock();
  const outDir = path.join(webDir, `.dist-build-${process.pid}`);
  try {
    // Another process may have built it while this one waited for the lock.
    if (!force && !webBuildIsStale()) return false;
    console.log('rapport: building the web app (web/dist)…');
    const started = Date.now();
    const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn', '--outDir', outDir, '--emptyOutDir'], {
      cwd: webDir,
      stdio: 'inherit',
      env: process.env,
    });
    if (result.status !== 0) {
      throw new Error(`The web app build failed (vite exited with ${result.status ?? result.signal}). See the errors above.`);
    }
    // The staleness check compares sources with index.html: date it at the end of the build.
    const now = new Date();
    fs.utimesSync(path.join(outDir, 'index.html'), now, now);
    swapIntoPlace(outDir);
    console.log(`rapport: web app built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return true;
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    buildWebIfStale({ force: process.argv.includes('--force') });
  } catch (err) {
    console.error(`rapport: ${err instanceof Error ? err.message : err}`);
    process.exit(1);
  }
}
