import { invalidData } from '../../errors.js';
import { expectFiniteNumber, hasAtMostDecimals } from './check.js';
import type { FieldType } from './types.js';
import { singleColumn } from './types.js';

// Amounts below 10^13 keep 15 significant digits with their cents: exact as a JSON number.
const MAX_AMOUNT = 9_999_999_999_999.99;

/**
 * Money is stored exactly as integer minor units (cents) in a bigint column on both engines, so
 * sums and comparisons are exact; the API speaks JSON numbers with at most 2 decimals.
 */
export const toMinor = (v: number) => Math.round(v * 100);
export const fromMinor = (v: number) => v / 100;

export const currency: FieldType = {
  name: 'currency',
  kind: 'number',
  columns: [{ suffix: '', kind: 'bigint' }],
  accepts: {},
  parse(input, field) {
    if (input === null || input === undefined) return null;
    const v = expectFiniteNumber(input, field);
    if (!hasAtMostDecimals(v, 2)) throw invalidData(field.apiName, `'${field.apiName}' has more than 2 decimals`, { decimals: 2 });
    if (Math.abs(v) > MAX_AMOUNT) throw invalidData(field.apiName, `'${field.apiName}' is out of range`);
    return v;
  },
  ...singleColumn((v) => (v == null ? null : toMinor(v as number))),
  fromRow: (row, f) => (row[f.apiName] == null ? null : fromMinor(Number(row[f.apiName]))),
  toStorageScalar: (v) => (typeof v === 'number' ? toMinor(v) : v),
};
