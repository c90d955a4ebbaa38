import { invalidData } from '../../errors.js';
import { expectFiniteNumber, hasAtMostDecimals } from './check.js';
import type { FieldType } from './types.js';
import { singleColumn } from './types.js';

export const percent: FieldType = {
  name: 'percent',
  kind: 'number',
  columns: [{ suffix: '', kind: 'real' }],
  accepts: {},
  parse(input, field) {
    if (input === null || input === undefined) return null;
    const v = expectFiniteNumber(input, field);
    if (v < 0 || v > 100) throw invalidData(field.apiName, `'${field.apiName}' must be between 0 and 100`);
    if (!hasAtMostDecimals(v, 2)) throw invalidData(field.apiName, `'${field.apiName}' has more than 2 decimals`);
    return v;
  },
  ...singleColumn((v) => v ?? null),
  fromRow: (row, f) => (row[f.apiName] == null ? null : Number(row[f.apiName])),
};
