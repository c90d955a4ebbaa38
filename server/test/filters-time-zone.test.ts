import { describe, expect, it } from 'vitest';
import { relativeDateSpan, relativeDates, relativeInstants, weekStart } from '../src/filters/relative-dates.js';
import { addLocalCalendar, localDate, startOfLocalDay, zoneOffset } from '../src/filters/time-zone.js';

const at = (iso: string) => Date.parse(iso);
const HOUR = 3_600_000;

describe('time zone arithmetic', () => {
  it('finds the local date of an instant', () => {
    expect(localDate(at('2024-03-30T23:30:00Z'), 'Europe/Warsaw')).toBe('2024-03-31');
    expect(localDate(at('2024-03-30T22:59:59.999Z'), 'Europe/Warsaw')).toBe('2024-03-30');
    expect(localDate(at('2024-11-04T04:59:59.999Z'), 'America/New_York')).toBe('2024-11-03');
    expect(localDate(at('2024-11-04T05:00:00Z'), 'America/New_York')).toBe('2024-11-04');
    expect(localDate(at('2024-01-01T18:29:00Z'), 'Asia/Kolkata')).toBe('2024-01-01');
    expect(localDate(at('2024-01-01T18:30:00Z'), 'Asia/Kolkata')).toBe('2024-01-02');
    expect(localDate(at('0099-06-01T12:00:00Z'), 'UTC')).toBe('0099-06-01');
  });

  it('measures offsets, including half hours and milliseconds before the second', () => {
    expect(zoneOffset(at('2024-01-15T12:00:00.999Z'), 'Europe/Warsaw')).toBe(HOUR);
    expect(zoneOffset(at('2024-07-15T12:00:00Z'), 'Europe/Warsaw')).toBe(2 * HOUR);
    expect(zoneOffset(at('2024-07-15T12:00:00Z'), 'America/New_York')).toBe(-4 * HOUR);
    expect(zoneOffset(at('2024-07-15T12:00:00Z'), 'Asia/Kolkata')).toBe(5.5 * HOUR);
    expect(zoneOffset(at('1969-12-31T23:59:59.500Z'), 'UTC')).toBe(0);
  });

  it('starts days at local midnight across the Warsaw spring-forward (a 23-hour day)', () => {
    const start = startOfLocalDay('2024-03-31', 'Europe/Warsaw');
    const next = startOfLocalDay('2024-04-01', 'Europe/Warsaw');
    expect(new Date(start).toISOString()).toBe('2024-03-30T23:00:00.000Z');
    expect(new Date(next).toISOString()).toBe('2024-03-31T22:00:00.000Z');
    expect(next - start).toBe(23 * HOUR);
  });

  it('starts days at local midnight across the Warsaw fall-back (a 25-hour day)', () => {
    const start = startOfLocalDay('2024-10-27', 'Europe/Warsaw');
    const next = startOfLocalDay('2024-10-28', 'Europe/Warsaw');
    expect(new Date(start).toISOString()).toBe('2024-10-26T22:00:00.000Z');
    expect(next - start).toBe(25 * HOUR);
  });

  it('starts days at local midnight in New York around both changes', () => {
    expect(new Date(startOfLocalDay('2024-03-10', 'America/New_York')).toISOString()).toBe('2024-03-10T05:00:00.000Z');
    expect(new Date(startOfLocalDay('2024-03-11', 'America/New_York')).toISOString()).toBe('2024-03-11T04:00:00.000Z');
    expect(new Date(startOfLocalDay('2024-11-03', 'America/New_York')).toISOString()).toBe('2024-11-03T04:00:00.000Z');
    expect(new Date(startOfLocalDay('2024-11-04', 'America/New_York')).toISOString()).toBe('2024-11-04T05:00:00.000Z');
  });

  it('starts a day whose midnight is skipped when the clocks jump (Havana springs forward at 00:00)', () => {
    const start = startOfLocalDay('2024-03-10', 'America/Havana');
    expect(new Date(start).toISOString()).toBe('2024-03-10T05:00:00.000Z');
    expect(localDate(start, 'America/Havana')).toBe('2024-03-10');
    expect(localDate(start - 1, 'America/Havana')).toBe('2024-03-09');
  });

  it('takes the earlier of two midnights (Havana falls back from 01:00 to 00:00)', () => {
    expect(new Date(startOfLocalDay('2024-11-03', 'America/Havana')).toISOString()).toBe('2024-11-03T04:00:00.000Z');
  });

  it('gives a skipped day no length (Apia skipped 2011-12-30)', () => {
    const skipped = startOfLocalDay('2011-12-30', 'Pacific/Apia');
    expect(new Date(skipped).toISOString()).toBe('2011-12-30T10:00:00.000Z');
    expect(startOfLocalDay('2011-12-31', 'Pacific/Apia')).toBe(skipped);
  });

  it('rejects an unknown zone', () => {
    expect(() => localDate(0, 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('relative date spans', () => {
  const span = (op: Parameters<typeof relativeDateSpan>[0], today: string, days = 0) => relativeDateSpan(op, days, today);

  it('starts weeks on Monday', () => {
    expect(weekStart('2024-06-09')).toBe('2024-06-03'); // a Sunday
    expect(weekStart('2024-06-10')).toBe('2024-06-10'); // a Monday
    expect(span('thisWeek', '2024-06-09')).toEqual({ from: '2024-06-03', to: '2024-06-10' });
    expect(span('lastWeek', '2024-01-03')).toEqual({ from: '2023-12-25', to: '2024-01-01' });
  });

  it('covers days, months, quarters and years', () => {
    expect(span('today', '2024-02-29')).toEqual({ from: '2024-02-29', to: '2024-03-01' });
    expect(span('yesterday', '2024-03-01')).toEqual({ from: '2024-02-29', to: '2024-03-01' });
    expect(span('tomorrow', '2024-12-31')).toEqual({ from: '2025-01-01', to: '2025-01-02' });
    expect(span('thisMonth', '2024-12-15')).toEqual({ from: '2024-12-01', to: '2025-01-01' });
    expect(span('lastMonth', '2024-01-31')).toEqual({ from: '2023-12-01', to: '2024-01-01' });
    expect(span('thisQuarter', '2024-08-31')).toEqual({ from: '2024-07-01', to: '2024-10-01' });
    expect(span('thisQuarter', '2024-12-31')).toEqual({ from: '2024-10-01', to: '2025-01-01' });
    expect(span('thisYear', '2024-06-01')).toEqual({ from: '2024-01-01', to: '2025-01-01' });
  });

  it('counts N days including today, and older than today − N', () => {
    expect(span('lastNDays', '2024-03-02', 3)).toEqual({ from: '2024-02-29', to: '2024-03-03' });
    expect(span('nextNDays', '2024-03-02', 3)).toEqual({ from: '2024-03-02', to: '2024-03-05' });
    expect(span('lastNDays', '2024-03-02', 0)).toEqual({ from: '2024-03-03', to: '2024-03-03' });
    expect(span('olderThanNDays', '2024-03-02', 2)).toEqual({ to: '2024-02-29' });
  });

  it('uses the local date of now in the zone', () => {
    const now = new Date('2024-06-30T22:30:00Z'); // already July 1st in Warsaw
    expect(relativeDates('thisMonth', 0, now, 'Europe/Warsaw')).toEqual({ from: '2024-07-01', to: '2024-08-01' });
    expect(relativeDates('thisMonth', 0, now, 'America/New_York')).toEqual({ from: '2024-06-01', to: '2024-07-01' });
  });

  it('turns spans into instants from local midnight to local midnight across DST', () => {
    const now = new Date('2024-03-31T10:00:00Z');
    const today = relativeInstants('today', 0, now, 'Europe/Warsaw');
    expect(today).toEqual({ from: at('2024-03-30T23:00:00Z'), to: at('2024-03-31T22:00:00Z') });
    const week = relativeInstants('thisWeek', 0, now, 'Europe/Warsaw');
    expect(week).toEqual({ from: at('2024-03-24T23:00:00Z'), to: at('2024-03-31T22:00:00Z') });
    expect(relativeInstants('olderThanNDays', 1, now, 'America/New_York')).toEqual({ to: at('2024-03-30T04:00:00Z') });
  });
});

describe('adding days and months on a zone\'s calendar (task repeats)', () => {
  const at = (iso: string) => Date.parse(iso);
  const iso = (ms: number) => new Date(ms).toISOString();

  it('keeps the local time of day across a spring-forward and a fall-back', () => {
    // Warsaw: 09:00 CET (08:00Z) on 28 March 2026; clocks go forward on the 29th → 09:00 CEST is 07:00Z.
    expect(iso(addLocalCalendar(at('2026-03-28T08:00:00.000Z'), 'Europe/Warsaw', { days: 1 }))).toBe('2026-03-29T07:00:00.000Z');
    // New York: weekly 09:00 EDT (13:00Z) on 29 Oct 2026 → 09:00 EST (14:00Z) on 5 Nov.
    expect(iso(addLocalCalendar(at('2026-10-29T13:00:00.000Z'), 'America/New_York', { days: 7 }))).toBe('2026-11-05T14:00:00.000Z');
  });

  it('ends a month that lacks the day on its last day, and a leap day on 28 February', () => {
    expect(iso(addLocalCalendar(at('2026-01-31T10:00:00.000Z'), 'UTC', { months: 1 }))).toBe('2026-02-28T10:00:00.000Z');
    expect(iso(addLocalCalendar(at('2028-02-29T10:00:00.000Z'), 'UTC', { months: 12 }))).toBe('2029-02-28T10:00:00.000Z');
    expect(iso(addLocalCalendar(at('2026-12-15T10:00:00.000Z'), 'UTC', { months: 1 }))).toBe('2027-01-15T10:00:00.000Z');
  });

  it('reads the day in the zone, not in UTC', () => {
    // 23:30 in Tokyo on 31 January is 14:30Z the same day; a month later is 23:30 on 28 February in Tokyo.
    expect(iso(addLocalCalendar(at('2026-01-31T14:30:00.000Z'), 'Asia/Tokyo', { months: 1 }))).toBe('2026-02-28T14:30:00.000Z');
    // 00:30 on 1 March in Auckland (NZDT, +13) is 11:30Z on 28 February; a day later is 00:30 on 2 March.
    expect(iso(addLocalCalendar(at('2026-02-28T11:30:00.000Z'), 'Pacific/Auckland', { days: 1 }))).toBe('2026-03-01T11:30:00.000Z');
  });
});
