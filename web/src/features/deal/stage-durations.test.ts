import { describe, expect, it } from 'vitest';
import { durationParts, stageSpans } from './stage-durations';

const change = (from: string | null, to: string, at: string) => ({
  from,
  to,
  at,
  user: { id: 'u', name: 'Ann' },
  amount: 100,
  pipeline: 'Sales',
});

describe('time spent in each stage', () => {
  it('lasts until the next change, the current stage until now', () => {
    const now = Date.parse('2026-03-10T00:00:00Z');
    const spans = stageSpans(
      [
        change(null, 'Qualification', '2026-03-01T00:00:00Z'),
        change('Qualification', 'Proposal', '2026-03-04T06:00:00Z'),
        change('Proposal', 'Won', '2026-03-04T08:30:00Z'),
      ],
      now,
    );
    expect(spans.map((s) => [s.stage, s.ms / 3_600_000, s.current])).toEqual([
      ['Qualification', 78, false],
      ['Proposal', 2.5, false],
      ['Won', 135.5, true],
    ]);
    expect(spans[0].user).toBe('Ann');
  });
  it('reads as days, hours or under an hour', () => {
    expect(durationParts(78 * 3_600_000)).toEqual({ unit: 'days', count: 3 });
    expect(durationParts(2.5 * 3_600_000)).toEqual({ unit: 'hours', count: 2 });
    expect(durationParts(59 * 60_000)).toEqual({ unit: 'lessThanHour', count: 0 });
  });
});
