/** Percentile of already sorted values (nearest rank). */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export interface Summary {
  n: number;
  min: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
}

export function summarize(values: number[]): Summary {
  const s = [...values].sort((a, b) => a - b);
  const mean = s.reduce((a, b) => a + b, 0) / (s.length || 1);
  return { n: s.length, min: s[0], p50: percentile(s, 50), p90: percentile(s, 90), p99: percentile(s, 99), max: s[s.length - 1], mean };
}

export const median = (values: number[]) => summarize(values).p50;

/** Milliseconds since an arbitrary origin, sub-millisecond resolution. */
export const nowMs = () => Number(process.hrtime.bigint()) / 1e6;

export const fmtMs = (ms: number) => (ms < 10 ? ms.toFixed(2) : ms < 100 ? ms.toFixed(1) : ms.toFixed(0));
export const fmtInt = (n: number) => Math.round(n).toLocaleString('en');
export const fmtRatio = (r: number) => (Number.isFinite(r) ? r.toFixed(r < 1 ? 3 : 2) : '–');
