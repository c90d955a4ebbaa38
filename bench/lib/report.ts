import type { Engine } from './args.js';

export interface Row {
  metric: string;
  value: string;
  target?: string;
  /** Against the raw engine measured in the same run. */
  ratio?: string;
  pass?: boolean;
}

export interface BenchResult {
  name: string;
  title: string;
  engine: Engine;
  rows: Row[];
  /** Setup and data notes (sizes, match counts). */
  notes: string[];
  /** Query plans and other evidence for RESULTS.md. */
  evidence?: string;
}

const verdict = (p: boolean | undefined) => (p === undefined ? '' : p ? 'PASS' : 'MISS');

export function table(rows: Row[]): string {
  const head = ['figure', 'value', 'target', 'ratio to raw', 'result'];
  const body = rows.map((r) => [r.metric, r.value, r.target ?? '', r.ratio ?? '', verdict(r.pass)]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

export function printResult(r: BenchResult) {
  console.log(`\n== ${r.title} [${r.engine}] ==`);
  console.log(table(r.rows));
  for (const n of r.notes) console.log(`   · ${n}`);
}

/** A Markdown table laid out as the repository's formatter (Biome) writes it: trimmed cells, padded columns. */
export function markdownTable(results: BenchResult[]): string {
  const head = ['engine', 'figure', 'value', 'target', 'ratio to raw', 'result'];
  const body = results.flatMap((r) =>
    r.rows.map((row) => [r.engine, row.metric, row.value, row.target ?? '', row.ratio ?? '', verdict(row.pass)].map((c) => c.trim())),
  );
  const widths = head.map((h, i) => Math.max(3, h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}
