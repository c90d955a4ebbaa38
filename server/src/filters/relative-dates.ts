import type { RelativeDateOp } from './operators.js';
import { formatDate, localDate, startOfLocalDay } from './time-zone.js';

/** A span of local dates: `from` inclusive, `to` exclusive; a missing end is open. */
export interface DateSpan {
  from?: string;
  to?: string;
}

/** The same span as instants (epoch ms), `from` inclusive, `to` exclusive. */
export interface InstantSpan {
  from?: number;
  to?: number;
}

function parts(date: string): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number);
  return [y, m, d];
}

function civil(year: number, month: number, day: number): string {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return formatDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = parts(date);
  return civil(y, m, d + days);
}

/** The first day of the month `months` months after the month of `date`. */
export function monthStart(date: string, months = 0): string {
  const [y, m] = parts(date);
  return civil(y, m + months, 1);
}

/** Weeks start on Monday (ISO 8601). */
export function weekStart(date: string): string {
  const [y, m, d] = parts(date);
  const probe = new Date(0);
  probe.setUTCFullYear(y, m - 1, d);
  const sinceMonday = (probe.getUTCDay() + 6) % 7;
  return addDays(date, -sinceMonday);
}

/**
 * The local dates a relative operator covers, given today's local date. `lastNDays` is the last
 * N days including today, `nextNDays` the next N days including today (0 days is an empty span),
 * `olderThanNDays` everything before today − N days.
 */
export function relativeDateSpan(op: RelativeDateOp, days: number, today: string): DateSpan {
  switch (op) {
    case 'today':
      return { from: today, to: addDays(today, 1) };
    case 'yesterday':
      return { from: addDays(today, -1), to: today };
    case 'tomorrow':
      return { from: addDays(today, 1), to: addDays(today, 2) };
    case 'thisWeek':
      return { from: weekStart(today), to: addDays(weekStart(today), 7) };
    case 'lastWeek':
      return { from: addDays(weekStart(today), -7), to: weekStart(today) };
    case 'thisMonth':
      return { from: monthStart(today), to: monthStart(today, 1) };
    case 'lastMonth':
      return { from: monthStart(today, -1), to: monthStart(today) };
    case 'thisQuarter': {
      const monthInQuarter = (parts(today)[1] - 1) % 3;
      return { from: monthStart(today, -monthInQuarter), to: monthStart(today, 3 - monthInQuarter) };
    }
    case 'thisYear': {
      const year = parts(today)[0];
      return { from: civil(year, 1, 1), to: civil(year + 1, 1, 1) };
    }
    case 'lastNDays':
      return { from: addDays(today, 1 - days), to: addDays(today, 1) };
    case 'nextNDays':
      return { from: today, to: addDays(today, days) };
    case 'olderThanNDays':
      return { to: addDays(today, -days) };
  }
}

/** The span for a date field: local dates in `timeZone` as of `now`. */
export function relativeDates(op: RelativeDateOp, days: number, now: Date, timeZone: string): DateSpan {
  return relativeDateSpan(op, days, localDate(now.getTime(), timeZone));
}

/** The span for a date-time field: from local midnight to local midnight, across DST changes. */
export function relativeInstants(op: RelativeDateOp, days: number, now: Date, timeZone: string): InstantSpan {
  const span = relativeDates(op, days, now, timeZone);
  return {
    ...(span.from !== undefined ? { from: startOfLocalDay(span.from, timeZone) } : {}),
    ...(span.to !== undefined ? { to: startOfLocalDay(span.to, timeZone) } : {}),
  };
}

/** The span in the comparison form of the field: date strings for dates, epoch ms for date-times. */
export function relativeSpan(
  kind: 'date' | 'datetime',
  op: RelativeDateOp,
  days: number,
  now: Date,
  timeZone: string,
): { from?: string | number; to?: string | number } {
  return kind === 'date' ? relativeDates(op, days, now, timeZone) : relativeInstants(op, days, now, timeZone);
}
