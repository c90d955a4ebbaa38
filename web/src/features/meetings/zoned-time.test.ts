import { describe, expect, it } from 'vitest';
import { fromZonedInput, toZonedInput } from './zoned-time';

describe('zoned wall-clock times', () => {
  it('reads and writes times of the user time zone, across daylight saving', () => {
    expect(fromZonedInput('2030-01-15T09:30', 'Europe/Berlin')).toBe('2030-01-15T08:30:00.000Z');
    expect(fromZonedInput('2030-07-15T09:30', 'Europe/Berlin')).toBe('2030-07-15T07:30:00.000Z');
    expect(fromZonedInput('2030-07-15T09:30', 'UTC')).toBe('2030-07-15T09:30:00.000Z');
    expect(toZonedInput('2030-07-15T07:30:00.000Z', 'Europe/Berlin')).toBe('2030-07-15T09:30');
    expect(toZonedInput('2030-03-01T23:30:00.000Z', 'Asia/Tokyo')).toBe('2030-03-02T08:30');
    expect(fromZonedInput('not a time', 'UTC')).toBeUndefined();
  });
});
