import type { StageChange } from '../../hooks/api/sales';

export interface StageSpan {
  stage: string;
  from: string | null;
  enteredAt: string;
  user: string | null;
  amount: number | null;
  /** Milliseconds spent in the stage (until the next change, or until now for the current one). */
  ms: number;
  current: boolean;
}

/** Time spent in each stage from the stage history (oldest first): each entry lasts until the next. */
export function stageSpans(history: readonly StageChange[], now = Date.now()): StageSpan[] {
  return history.map((h, i) => {
    const next = history[i + 1];
    const end = next ? Date.parse(next.at) : now;
    return {
      stage: h.to,
      from: h.from,
      enteredAt: h.at,
      user: h.user?.name ?? null,
      amount: h.amount,
      ms: Math.max(0, end - Date.parse(h.at)),
      current: !next,
    };
  });
}

/** A duration as whole days, else whole hours, else "under an hour". */
export function durationParts(ms: number): { unit: 'days' | 'hours' | 'lessThanHour'; count: number } {
  const hours = Math.floor(ms / 3_600_000);
  if (hours >= 24) return { unit: 'days', count: Math.floor(hours / 24) };
  if (hours >= 1) return { unit: 'hours', count: hours };
  return { unit: 'lessThanHour', count: 0 };
}
