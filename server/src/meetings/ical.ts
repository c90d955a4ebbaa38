/**
 * iCalendar (RFC 5545) text, written by hand: the few properties invitations and feeds need,
 * with TEXT escaping (3.3.11) and line folding at 75 octets (3.1). Times are written in UTC
 * (DTSTART:...Z), which every client converts to its own zone; all-day events are DATE values
 * of the organiser's time zone.
 */

export type PartStat = 'NEEDS-ACTION' | 'ACCEPTED' | 'DECLINED' | 'TENTATIVE';

export interface IcalPerson {
  name: string | null;
  email: string;
}

export interface IcalAttendee extends IcalPerson {
  partstat: PartStat;
  rsvp?: boolean;
}

export interface IcalEvent {
  uid: string;
  sequence: number;
  /** When this version of the event was written (DTSTAMP). */
  stamp: Date;
  summary: string;
  description?: string | null;
  location?: string | null;
  start: Date;
  end: Date;
  /** All-day: DTSTART/DTEND become dates of `timeZone` (DTEND exclusive). */
  allDay?: boolean;
  timeZone?: string;
  status?: 'CONFIRMED' | 'CANCELLED';
  organiser?: IcalPerson;
  attendees?: IcalAttendee[];
  url?: string;
}

const PRODID = '-//Rapport//Rapport CRM//EN';

/** TEXT value escaping: backslash, semicolon, comma and line breaks. */
export function escapeText(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** A parameter value: quoted, without the characters a quoted value may not hold. */
function paramValue(s: string): string {
  // Control characters (code < 32) and quotes cannot appear in a quoted parameter value.
  const clean = [...s].filter((c) => c !== '"' && c.charCodeAt(0) >= 32).join('');
  return `"${clean}"`;
}

/** Folds a content line into chunks of at most 75 octets, never splitting a UTF-8 character. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    const limit = out.length === 0 ? 75 : 74; // continuation lines start with a space
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** 20261123T090000Z */
export function utcStamp(d: Date): string {
  return `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;
}

/** The calendar date of an instant in a time zone, as YYYYMMDD (UTC when the zone is unknown). */
export function localDate(d: Date, timeZone = 'UTC'): string {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(d);
  } catch {
    parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(d);
  }
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}${get('month')}${get('day')}`;
}

function nextDay(yyyymmdd: string): string {
  const d = new Date(Date.UTC(Number(yyyymmdd.slice(0, 4)), Number(yyyymmdd.slice(4, 6)) - 1, Number(yyyymmdd.slice(6, 8)) + 1));
  return `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`;
}

function person(prop: string, p: IcalPerson, params: string[] = []): string {
  const cn = p.name ? [`CN=${paramValue(p.name)}`] : [];
  return `${[prop, ...cn, ...params].join(';')}:mailto:${p.email}`;
}

/** The content lines of one VEVENT. */
export function veventLines(ev: IcalEvent): string[] {
  const lines = ['BEGIN:VEVENT', `UID:${ev.uid}`, `SEQUENCE:${ev.sequence}`, `DTSTAMP:${utcStamp(ev.stamp)}`];
  if (ev.allDay) {
    const start = localDate(ev.start, ev.timeZone);
    const lastDay = localDate(ev.end, ev.timeZone);
    lines.push(`DTSTART;VALUE=DATE:${start}`, `DTEND;VALUE=DATE:${nextDay(String(Math.max(Number(start), Number(lastDay))))}`);
  } else {
    lines.push(`DTSTART:${utcStamp(ev.start)}`, `DTEND:${utcStamp(ev.end)}`);
  }
  lines.push(`SUMMARY:${escapeText(ev.summary)}`);
  if (ev.description) lines.push(`DESCRIPTION:${escapeText(ev.description)}`);
  if (ev.location) lines.push(`LOCATION:${escapeText(ev.location)}`);
  if (ev.url) lines.push(`URL:${ev.url}`);
  lines.push(`STATUS:${ev.status ?? 'CONFIRMED'}`);
  if (ev.organiser) lines.push(person('ORGANIZER', ev.organiser));
  for (const a of ev.attendees ?? []) {
    lines.push(
      person('ATTENDEE', a, ['CUTYPE=INDIVIDUAL', 'ROLE=REQ-PARTICIPANT', `PARTSTAT=${a.partstat}`, ...(a.rsvp ? ['RSVP=TRUE'] : [])]),
    );
  }
  lines.push('END:VEVENT');
  return lines;
}

/** A whole VCALENDAR: CRLF line ends, folded lines. */
export function calendarText(events: IcalEvent[], opts: { method?: 'REQUEST' | 'CANCEL' | 'PUBLISH'; name?: string } = {}): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${PRODID}`, 'CALSCALE:GREGORIAN'];
  if (opts.method) lines.push(`METHOD:${opts.method}`);
  if (opts.name) lines.push(`X-WR-CALNAME:${escapeText(opts.name)}`);
  for (const ev of events) lines.push(...veventLines(ev));
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}

export const PARTSTAT: Record<string, PartStat> = {
  needsAction: 'NEEDS-ACTION',
  accepted: 'ACCEPTED',
  declined: 'DECLINED',
  tentative: 'TENTATIVE',
};
