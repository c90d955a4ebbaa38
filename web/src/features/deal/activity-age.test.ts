import { describe, expect, it } from 'vitest';
import { ageColor, daysSince } from './activity-age';

describe('last activity cue', () => {
  const now = Date.parse('2026-05-10T12:00:00Z');
  it('counts whole days since the last activity', () => {
    expect(daysSince(null, now)).toBeNull();
    expect(daysSince('2026-05-10T01:00:00Z', now)).toBe(0);
    expect(daysSince('2026-05-09T11:59:00Z', now)).toBe(1);
    expect(daysSince('2026-04-10T12:00:00Z', now)).toBe(30);
    expect(daysSince('garbage', now)).toBeNull();
  });
  it('colours by age: a week, a month, older', () => {
    expect(ageColor(null)).toBe('gray');
    expect(ageColor(0)).toBe('green');
    expect(ageColor(6)).toBe('green');
    expect(ageColor(7)).toBe('yellow');
    expect(ageColor(29)).toBe('yellow');
    expect(ageColor(30)).toBe('red');
  });
});
