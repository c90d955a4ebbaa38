import { invalidData } from '../../errors.js';
import { expectFiniteNumber, hasAtMostDecimals } from './check.js';
import type { FieldType } from './types.js';
import { singleColumn } from './types.js';

export const DECIMAL_LIMIT = 1e15;

// A measured quantity (not money): stored as a double on both engines, rounded to its decimals.
export const decimal: FieldType = {
  name: 'decimal',
  kind: 'number',
  columns: [{ suffix: '', kind: 'real' }],
  accepts: { decimals: 9 },
  parse(input, field) {
    if (input === null || input === undefined) return null;
    const v = expectFiniteNumber(input, field);
    const decimals = field.decimals ?? 2;
    if (Math.abs(v) >= DECIMAL_LIMIT) throw invalidData(field.apiName, `'${field.apiName}' is out of range`);
    if (!hasAtMostDecimals(v, decimals)) {
      throw invalidData(field.apiName, `'${field.apiName}' has more than ${decimals} decimals`, { decimals });
    }
    return v;
  },
  ...singleColumn((v) => v ?? null),
  fromRow: (row, f) => (row[f.apiName] == null ? null : Number(row[f.apiName])),
};
