import { localDate, startOfLocalDay } from '../filters/index.js';

/** The calendar date `days` after a 'YYYY-MM-DD' date. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d + days);
  return t.toISOString().slice(0, 10);
}

/** Today and the windows the home page speaks of, as instants, in the organisation's time zone. */
export interface HomeDays {
  today: string;
  todayStart: number;
  tomorrowStart: number;
  /** The start of the 30 days that end today (the filter language's `lastNDays` 30). */
  last30Start: number;
  /** The end of the next 7 days including today (`nextNDays` 7). */
  next7End: number;
}

export function homeDays(now: Date, timeZone: string): HomeDays {
  const today = localDate(now.getTime(), timeZone);
  return {
    today,
    todayStart: startOfLocalDay(today, timeZone),
    tomorrowStart: startOfLocalDay(addDays(today, 1), timeZone),
    last30Start: startOfLocalDay(addDays(today, -29), timeZone),
    next7End: startOfLocalDay(addDays(today, 7), timeZone),
  };
}
