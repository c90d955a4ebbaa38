import { parseArgs } from 'node:util';

export type Engine = 'sqlite' | 'postgres';

export const BENCHMARKS = ['bulk-create', 'list-filter', 'search', 'single-create', 'list-concurrent', 'startup', 'board', 'web-list', 'automation', 'home'] as const;
export type BenchName = (typeof BENCHMARKS)[number];

export interface BenchArgs {
  only: BenchName[];
  rows: number;
  engines: Engine[];
  /** Rebuild the cached 1M-lead datasets instead of reusing them. */
  fresh: boolean;
  /** Write bench/RESULTS.md even when the run is partial (by default only a full 1M run writes it). */
  write: boolean;
  /** Run the benchmark servers under --cpu-prof and print their hottest functions. */
  profile: boolean;
  /** Seconds each duration-based load runs. */
  seconds: number;
  full: boolean;
}

export const DEFAULT_ROWS = 1_000_000;

export const USAGE = `npm run bench -- [options]

  --only NAME[,NAME]     run some benchmarks: ${BENCHMARKS.join(', ')}
  --rows N               leads in the read dataset (default ${DEFAULT_ROWS.toLocaleString('en')}; e.g. 20000 to try things out)
  --engines LIST         sqlite,postgres (default both; PostgreSQL from BENCH_PG_URL or TEST_PG_URL
                         or postgres://postgres@127.0.0.1:5432/postgres)
  --fresh                rebuild the cached datasets (.tmp/bench-data/<engine>-<rows>, database rapport_bench_<rows>)
  --seconds S            length of each timed load (default 8)
  --profile              run the benchmark servers with --cpu-prof and print their hottest functions
  --write                write bench/RESULTS.md even for a partial run`;

export function readArgs(argv: string[]): BenchArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      only: { type: 'string' },
      rows: { type: 'string' },
      engines: { type: 'string' },
      fresh: { type: 'boolean', default: false },
      write: { type: 'boolean', default: false },
      profile: { type: 'boolean', default: false },
      seconds: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    allowPositionals: false,
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const only = (values.only ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const o of only) {
    if (!(BENCHMARKS as readonly string[]).includes(o)) throw new Error(`Unknown benchmark '${o}'. Known: ${BENCHMARKS.join(', ')}`);
  }
  const engines = (values.engines ?? 'sqlite,postgres')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const e of engines) if (e !== 'sqlite' && e !== 'postgres') throw new Error(`Unknown engine '${e}'`);
  const rows = Number((values.rows ?? String(DEFAULT_ROWS)).replace(/[_,]/g, ''));
  if (!Number.isInteger(rows) || rows < 1000) throw new Error('--rows must be an integer ≥ 1000');
  const seconds = Number(values.seconds ?? 8);
  if (!(seconds > 0)) throw new Error('--seconds must be positive');
  return {
    only: only as BenchName[],
    rows,
    engines: engines as Engine[],
    fresh: values.fresh ?? false,
    write: values.write ?? false,
    profile: values.profile ?? false,
    seconds,
    full: only.length === 0,
  };
}

export const wants = (args: BenchArgs, name: BenchName) => args.only.length === 0 || args.only.includes(name);
