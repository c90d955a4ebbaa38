import { invalidData } from '../../errors.js';
import { isEmptyInput } from './check.js';
import { isValidDate } from './date.js';
import type { FieldType } from './types.js';
import { singleColumn } from './types.js';

// The last instant written out: a bulk write's records share their createdAt and modifiedAt.
let lastMs = Number.NaN;
let lastIso = '';
function isoOf(ms: number): string {
  if (ms !== lastMs) {
    lastIso = new Date(ms).toISOString();
    lastMs = ms;
  }
  return lastIso;
}

const MIN_INSTANT = new Date('0001-01-01T00:00:00Z').getTime();
const MAX_INSTANT = new Date('9999-12-31T23:59:59.999Z').getTime();
const ISO = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/;

/** Parses ISO 8601 with a zone (Z or ±hh:mm) to epoch milliseconds, or null if it is not one. */
export function parseInstant(v: string): number | null {
  const m = ISO.exec(v);
  if (!m || !isValidDate(m[1])) return null;
  if (Number(m[2]) > 23 || Number(m[3]) > 59 || Number(m[4] ?? 0) > 59) return null;
  if (m[6] !== 'Z' && (Number(m[6].slice(1, 3)) > 23 || Number(m[6].slice(4)) > 59)) return null;
  const ms = Date.parse(v);
  // In UTC the instant must still be a year 0001–9999 date-time.
  return Number.isFinite(ms) && ms >= MIN_INSTANT && ms <= MAX_INSTANT ? ms : null;
}

// Stored as epoch milliseconds (bigint) on both engines: exact, and compares as numbers.
export const datetime: FieldType = {
  name: 'datetime',
  kind: 'datetime',
  columns: [{ suffix: '', kind: 'bigint' }],
  accepts: {},
  parse(input, field) {
    if (isEmptyInput(input)) return null;
    const ms = typeof input === 'string' ? parseInstant(input) : null;
    if (ms === null) {
      throw invalidData(field.apiName, `'${field.apiName}' must be an ISO 8601 date-time with a zone, e.g. 2026-05-01T09:30:00Z`);
    }
    return new Date(ms).toISOString();
  },
  ...singleColumn((v) => (v == null ? null : Date.parse(v as string))),
  fromRow: (row, f) => {
    const ms = row[f.apiName];
    return ms == null ? null : isoOf(Number(ms));
  },
  toStorageScalar: (v) => (typeof v === 'string' ? parseInstant(v) : v),
};
