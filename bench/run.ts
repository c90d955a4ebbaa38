import os from 'node:os';
import { boardBench } from './board.js';
import { bulkCreate } from './bulk-create.js';
import { type BenchArgs, type BenchName, DEFAULT_ROWS, type Engine, readArgs, wants } from './lib/args.js';
import { type BenchContext, makeScratch, runWithServer } from './lib/context.js';
import { type Dataset, prepareDataset } from './lib/dataset.js';
import { PG_ADMIN_URL, pgReachable, pgVersion, sqliteVersion } from './lib/engines.js';
import { fmtLoad, machineInfo } from './lib/machine.js';
import { type BenchResult, printResult } from './lib/report.js';
import { writeResultsMd } from './lib/results-md.js';
import { fmtInt } from './lib/stats.js';
import { listConcurrent } from './list-concurrent.js';
import { listFilter } from './list-filter.js';
import { search } from './search.js';
import { singleCreate } from './single-create.js';
import { startup } from './startup.js';
import { webList } from './web-list.js';
import { automationBench } from './automation.js';
import { homeBench } from './home.js';

const RUNNERS: Record<BenchName, (ctx: BenchContext) => Promise<BenchResult>> = {
  'bulk-create': bulkCreate,
  'single-create': singleCreate,
  'list-filter': listFilter,
  search,
  'list-concurrent': listConcurrent,
  startup,
  board: boardBench,
  'web-list': webList,
  automation: automationBench,
  home: homeBench,
};

const log = (s: string) => console.log(s);

async function main() {
  const args: BenchArgs = readArgs(process.argv.slice(2));
  const machine = machineInfo();
  machine.sqlite = sqliteVersion();
  const engines: Engine[] = [];
  for (const e of args.engines) {
    if (e === 'postgres' && !(await pgReachable())) {
      console.warn(`PostgreSQL at ${PG_ADMIN_URL} is unreachable: skipping the PostgreSQL benchmarks`);
      continue;
    }
    engines.push(e);
  }
  if (engines.includes('postgres')) {
    const v = await pgVersion();
    machine.postgres = v.version;
    machine.postgresSettings = v.settings;
  }
  log(
    `Rapport benchmarks — ${machine.cpu}, ${machine.cores} cores, ${machine.ramGb} GB, Node ${machine.node}, SQLite ${machine.sqlite}${machine.postgres ? `, PostgreSQL ${machine.postgres}` : ''}`,
  );
  log(`load average ${fmtLoad(machine.loadStart)}; read dataset ${fmtInt(args.rows)} leads; engines ${engines.join(', ')}`);

  const results: BenchResult[] = [];
  const datasetNotes: string[] = [];
  const failures: string[] = [];
  for (const engine of engines) {
    let dataset: Promise<Dataset> | undefined;
    const ctx: BenchContext = {
      args,
      engine,
      log,
      dataset: () => {
        dataset ??= prepareDataset(engine, args.rows, args.fresh, log).then((d) => {
          const how = `filled through the API in ${d.fill.seconds.toFixed(0)} s (${fmtInt(d.fill.recordsPerSecond)} records/s, in-process server) on ${d.fill.at.slice(0, 10)}`;
          datasetNotes.push(`${engine}: ${d.reused ? 'reused cached dataset, ' : ''}${how}`);
          log(`${engine} dataset: ${d.reused ? 'reused' : 'built'} (${how})`);
          return d;
        });
        return dataset;
      },
      scratch: (label) => makeScratch(engine, label),
      withServer: (target, label, fn) => runWithServer(args, engine, target, label, log, fn),
    };
    for (const name of Object.keys(RUNNERS) as BenchName[]) {
      if (!wants(args, name)) continue;
      log(`\n--- ${name} [${engine}] ---`);
      try {
        const r = await RUNNERS[name](ctx);
        results.push(r);
        printResult(r);
      } catch (err) {
        failures.push(`${name} [${engine}]: ${err instanceof Error ? err.stack : err}`);
        console.error(`${name} [${engine}] failed:`, err);
      }
    }
  }
  machine.loadEnd = os.loadavg();

  log('\n==== summary ====');
  for (const r of results) {
    for (const row of r.rows)
      if (row.pass !== undefined)
        log(`${row.pass ? 'PASS' : 'MISS'}  ${r.name} [${r.engine}] ${row.metric.trim()}: ${row.value} (target ${row.target})`);
  }
  for (const f of failures) log(`FAILED ${f.split('\n')[0]}`);
  log(`load average at end ${fmtLoad(machine.loadEnd)}`);
  const full = args.full && args.rows === DEFAULT_ROWS && failures.length === 0;
  if (full || args.write) log(`\nwrote ${writeResultsMd(args, machine, results, datasetNotes)}`);
  else log('\nbench/RESULTS.md not written (only a full run of 1,000,000 rows without failures writes it; --write forces it)');
  if (failures.length) process.exitCode = 1;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
