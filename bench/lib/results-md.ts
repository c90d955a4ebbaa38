import fs from 'node:fs';
import path from 'node:path';
import { DOMINATES } from '../notes.js';
import type { BenchArgs } from './args.js';
import { busyNote, fmtLoad, type MachineInfo } from './machine.js';
import { BENCH_DIR } from './paths.js';
import { type BenchResult, markdownTable } from './report.js';
import { SERVER_LOG_LEVEL } from './server-process.js';

export function writeResultsMd(args: BenchArgs, machine: MachineInfo, results: BenchResult[], datasetNotes: string[]): string {
  const file = path.join(BENCH_DIR, 'RESULTS.md');
  const loaded = [machine.loadStart, machine.loadEnd ?? machine.loadStart].some((l) => l[0] > machine.cores * 0.5);
  const names = [...new Set(results.map((r) => r.name))];
  const out: string[] = [
    '# Benchmark results',
    '',
    'Written by `npm run bench` at the end of a full run; do not edit by hand (the "what dominates" lines come from `bench/notes.ts`).',
    '',
    `- date: ${machine.date}`,
    `- command: \`npm run bench -- ${process.argv.slice(2).join(' ')}\``.replace(/ -- `$/, '`'),
    `- machine: ${machine.cpu}, ${machine.cores} cores, ${machine.ramGb} GB RAM, ${machine.os}`,
    `- Node ${machine.node}, SQLite ${machine.sqlite ?? '–'}, PostgreSQL ${machine.postgres ?? '–'}${machine.postgresSettings ? ` (${machine.postgresSettings})` : ''}`,
    `- load average (1/5/15 min) at start ${fmtLoad(machine.loadStart)}, at end ${fmtLoad(machine.loadEnd)}: ${busyNote(machine.loadStart, machine.cores)}${loaded ? ' — **other work was running on this machine, so the figures are noisy and probably pessimistic**' : ''}`,
    '- wall-clock figures (rates, latencies) move with other load on the machine; the "server CPU" rows (from /proc, per request or batch) move much less and say what one core can do: 1000 / (CPU ms per request) requests per CPU-second',
    `- servers: \`node server/bin/rapport.mjs serve\` child processes, LOG_LEVEL=${SERVER_LOG_LEVEL}, load from this process over keep-alive HTTP (node:http)`,
    `- read dataset: ${args.rows.toLocaleString('en')} leads per engine`,
    ...datasetNotes.map((n) => `  - ${n}`),
    '',
  ];
  for (const name of names) {
    const rs = results.filter((r) => r.name === name);
    out.push(`## ${rs[0].title}`, '', markdownTable(rs), '');
    // A note every engine gave is written once.
    const common = rs[0].notes.filter((n) => rs.every((r) => r.notes.includes(n)));
    if (rs.length > 1) for (const n of common) out.push(`- ${n}`);
    for (const r of rs) for (const n of r.notes) if (rs.length === 1 || !common.includes(n)) out.push(`- ${r.engine}: ${n}`);
    const dom = DOMINATES[name];
    if (dom) {
      out.push('', '**What dominates:**', '');
      for (const [engine, text] of Object.entries(dom)) out.push(`- ${engine}: ${text}`);
    }
    out.push('');
  }
  const evidence = results.filter((r) => r.evidence);
  if (evidence.length) {
    out.push('## Query plans', '');
    for (const r of evidence) out.push(`### ${r.title} [${r.engine}]`, '', '```', r.evidence as string, '```', '');
  }
  fs.writeFileSync(file, `${out.join('\n').trimEnd()}\n`);
  return file;
}
