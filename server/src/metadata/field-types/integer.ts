import { invalidData } from '../../errors.js';
import { expectFiniteNumber } from './check.js';
import type { FieldType } from './types.js';
import { singleColumn } from './types.js';

export const integer: FieldType = {
  name: 'integer',
  kind: 'number',
  columns: [{ suffix: '', kind: 'integer' }],
  accepts: {},
  parse(input, field) {
    if (input === null || input === undefined) return null;
    const v = expectFiniteNumber(input, field);
    if (!Number.isInteger(v) || v < -2147483648 || v > 2147483647) {
      throw invalidData(field.apiName, `'${field.apiName}' must be a whole number between -2147483648 and 2147483647`);
    }
    return v;
  },
  ...singleColumn((v) => v ?? null),
  fromRow: (row, f) => (row[f.apiName] == null ? null : Number(row[f.apiName])),
};
