#!/usr/bin/env node
// `npm test`: runs every suite and ends with one plain line "N passed, N failed, N skipped":
//   server  Vitest over server/test (API tests on SQLite and PostgreSQL)
//   web     Vitest over web/src (component tests, jsdom)
//   e2e     Playwright over e2e/ (Debian's Chromium against real servers on SQLite and PostgreSQL)
//
//   npm test                               all three
//   npm test -- --suite=web,e2e            some of them
//   npm test -- server/test/records.test.ts   arguments go to the server suite (then it runs alone)
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const suiteArg = args.find((a) => a.startsWith('--suite='));
const extra = args.filter((a) => !a.startsWith('--suite='));
const suites = suiteArg ? suiteArg.slice('--suite='.length).split(',') : extra.length ? ['server'] : ['server', 'web', 'e2e'];

const vitestBin = path.join(root, 'node_modules/vitest/vitest.mjs');
const playwrightBin = path.join(root, 'node_modules/@playwright/test/cli.js');
const tmp = (name) => path.join(os.tmpdir(), `rapport-${name}-${process.pid}.json`);

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  } finally {
    fs.rmSync(file, { force: true });
  }
}

function vitestArgs(report, args) {
  return [vitestBin, 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...args];
}

/** Vitest's JSON report → counts. A file that failed to load counts as a failure though it ran no test. */
function vitestCounts(status, report) {
  const r = readJson(report);
  const c = { passed: 0, failed: 0, skipped: 0 };
  if (r) {
    c.passed = r.numPassedTests;
    c.failed = r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0);
    c.skipped = r.numPendingTests + r.numTodoTests;
    for (const f of r.testResults ?? []) if (f.status === 'failed' && (f.assertionResults ?? []).length === 0) c.failed++;
  }
  if ((status !== 0 || !r) && c.failed === 0) c.failed = 1;
  return c;
}

function runVitest(name, args) {
  const report = tmp(`vitest-${name}`);
  const run = spawnSync(process.execPath, vitestArgs(report, args), { cwd: root, stdio: 'inherit', env: process.env });
  return vitestCounts(run.status, report);
}

/**
 * The web suite started in the background (jsdom, no database: it only needs a core the server
 * suite leaves idle while it waits on the databases); its output goes to a file, printed in its
 * turn so the log reads suite by suite.
 */
function startVitestInBackground(name, args) {
  const report = tmp(`vitest-${name}`);
  const logFile = tmp(`vitest-${name}-log`).replace(/\.json$/, '.log');
  const out = fs.openSync(logFile, 'w');
  const child = spawn(process.execPath, vitestArgs(report, args), { cwd: root, stdio: ['ignore', out, out], env: process.env });
  const done = new Promise((resolve) => child.on('close', (code) => resolve(code ?? 1)));
  return async () => {
    const status = await done;
    fs.closeSync(out);
    process.stdout.write(fs.readFileSync(logFile, 'utf8'));
    fs.rmSync(logFile, { force: true });
    return vitestCounts(status, report);
  };
}

/** Playwright's JSON report → counts (a flaky test that passed on retry counts as passed). */
function runPlaywright() {
  const report = tmp('playwright');
  const run = spawnSync(process.execPath, [playwrightBin, 'test', '-c', 'e2e/playwright.config.ts', '--reporter=list,json'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: report },
  });
  const r = readJson(report);
  const c = { passed: 0, failed: 0, skipped: 0 };
  // Flaky tests stay visible: they passed on CI's one retry, and each is a bug to fix.
  for (const name of flakyTests(r?.suites ?? [])) console.log(`  flaky (passed on retry): ${name}`);
  if (r?.stats) {
    c.passed = r.stats.expected + r.stats.flaky;
    c.failed = r.stats.unexpected + (r.errors?.length ?? 0);
    c.skipped = r.stats.skipped;
  }
  if ((run.status !== 0 || !r) && c.failed === 0) c.failed = 1;
  return c;
}

function flakyTests(suites, found = []) {
  for (const suite of suites) {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) if (t.status === 'flaky') found.push(`[${t.projectName}] ${spec.file} › ${spec.title}`);
    }
    flakyTests(suite.suites ?? [], found);
  }
  return found;
}

const total = { passed: 0, failed: 0, skipped: 0 };
const lines = [];
const WEB_ARGS = ['--config', 'web/vitest.config.ts'];
const webInBackground = suites.includes('server') && suites.includes('web') ? startVitestInBackground('web', WEB_ARGS) : null;
for (const suite of suites) {
  console.log(`\n=== ${suite} ===`);
  let c;
  if (suite === 'server') c = runVitest('server', extra);
  else if (suite === 'web') c = webInBackground ? await webInBackground() : runVitest('web', WEB_ARGS);
  else if (suite === 'e2e') c = runPlaywright();
  else {
    console.error(`Unknown suite '${suite}' (server, web, e2e)`);
    c = { passed: 0, failed: 1, skipped: 0 };
  }
  lines.push(`  ${suite.padEnd(6)} ${c.passed} passed / ${c.failed} failed / ${c.skipped} skipped`);
  for (const k of Object.keys(total)) total[k] += c[k];
}
console.log(`\n${lines.join('\n')}`);
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 ? 1 : 0);
