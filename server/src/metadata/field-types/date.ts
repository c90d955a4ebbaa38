import { invalidData } from '../../errors.js';
import { isEmptyInput } from './check.js';
import type { FieldType } from './types.js';
import { singleColumn } from './types.js';

/** A calendar date "YYYY-MM-DD" that exists (no 2023-02-30), years 0001–9999. */
export function isValidDate(v: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1 || mo < 1 || mo > 12 || d < 1) return false;
  const days = new Date(Date.UTC(2000, mo, 0)).getUTCDate(); // month length in a leap year
  if (d > days) return false;
  if (mo === 2 && d === 29) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return true;
}

// Stored as the same text on both engines: lexical order is date order.
export const date: FieldType = {
  name: 'date',
  kind: 'date',
  columns: [{ suffix: '', kind: 'text' }],
  accepts: {},
  parse(input, field) {
    if (isEmptyInput(input)) return null;
    if (typeof input !== 'string' || !isValidDate(input)) {
      throw invalidData(field.apiName, `'${field.apiName}' must be a date YYYY-MM-DD`);
    }
    return input;
  },
  ...singleColumn((v) => v ?? null),
  fromRow: (row, f) => (row[f.apiName] as string | null) ?? null,
};
