/**
 * Calendar dates and instants in an IANA time zone, with nothing but Intl: the local date of
 * an instant, and the instant a local date begins (which daylight-saving changes move).
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
      era: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallTime(instantMs: number, timeZone: string): WallTime {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(instantMs))) parts[p.type] = p.value;
  const year = Number(parts.year);
  return {
    // Astronomical numbering (1 BC is year 0), as Date.UTC uses.
    year: parts.era === 'BC' || parts.era === 'B' ? 1 - year : year,
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** UTC milliseconds of a wall time read as if it were UTC. */
function wallAsUtc(w: Pick<WallTime, 'year' | 'month' | 'day'> & Partial<WallTime>): number {
  const d = new Date(0);
  d.setUTCFullYear(w.year, w.month - 1, w.day);
  d.setUTCHours(w.hour ?? 0, w.minute ?? 0, w.second ?? 0, 0);
  return d.getTime();
}

/** The zone's offset from UTC at an instant, in milliseconds (local = UTC + offset). */
export function zoneOffset(instantMs: number, timeZone: string): number {
  const wholeSecond = instantMs - (((instantMs % 1000) + 1000) % 1000);
  return wallAsUtc(wallTime(instantMs, timeZone)) - wholeSecond;
}

/**
 * The instant `days` and `months` later on the zone's calendar at the same wall-clock time: a
 * daily 09:00 stays 09:00 across a daylight-saving change. A month that lacks the day ends on its
 * last day (31 January + 1 month → 28/29 February); a wall time the clocks skip moves past the gap.
 */
export function addLocalCalendar(instantMs: number, timeZone: string, by: { days?: number; months?: number }): number {
  const w = wallTime(instantMs, timeZone);
  const monthIndex = w.month - 1 + (by.months ?? 0);
  const year = w.year + Math.floor(monthIndex / 12);
  const month = (((monthIndex % 12) + 12) % 12) + 1;
  const lastDay = new Date(wallAsUtc({ year, month: month + 1, day: 0 })).getUTCDate();
  const target = wallAsUtc({ ...w, year, month, day: Math.min(w.day, lastDay) }) + (by.days ?? 0) * DAY;
  const first = target - zoneOffset(target, timeZone);
  return target - zoneOffset(first, timeZone) + (instantMs % 1000);
}

/** The calendar date ('YYYY-MM-DD') in the zone at an instant. */
export function localDate(instantMs: number, timeZone: string): string {
  const w = wallTime(instantMs, timeZone);
  return formatDate(w.year, w.month, w.day);
}

export function formatDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The first instant whose local date is `date` (normally local midnight). Where midnight happens
 * twice (a fall-back at midnight) it is the earlier one; where it does not happen (a
 * spring-forward at midnight, or a skipped day) it is the instant the clocks jump past it.
 */
export function startOfLocalDay(date: string, timeZone: string): number {
  const [year, month, day] = date.split('-').map(Number);
  const wall = wallAsUtc({ year, month, day });
  // One of the offsets a day before and a day after is in force at local midnight.
  const candidates = [wall - zoneOffset(wall - DAY, timeZone), wall - zoneOffset(wall + DAY, timeZone)];
  const exact = candidates.filter((t) => t + zoneOffset(t, timeZone) === wall);
  if (exact.length) return Math.min(...exact);
  return firstInstantOnOrAfter(date, Math.min(...candidates), Math.max(...candidates), timeZone);
}

/** Binary search in a clock jump for the first instant whose local date is `date` or later. */
function firstInstantOnOrAfter(date: string, before: number, after: number, timeZone: string): number {
  let lo = before;
  let hi = after;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (localDate(mid, timeZone) >= date) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** Throws a RangeError for a zone Intl does not know, before any arithmetic is done with it. */
export function assertTimeZone(timeZone: string): void {
  formatter(timeZone);
}
