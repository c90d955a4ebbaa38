import { invalidData } from '../../errors.js';
import { expectFiniteNumber } from './check.js';
import type { FieldType } from './types.js';
import { singleColumn } from './types.js';

export const bigint: FieldType = {
  name: 'bigint',
  kind: 'number',
  columns: [{ suffix: '', kind: 'bigint' }],
  accepts: {},
  parse(input, field) {
    if (input === null || input === undefined) return null;
    const v = expectFiniteNumber(input, field);
    if (!Number.isSafeInteger(v)) throw invalidData(field.apiName, `'${field.apiName}' must be a safe whole number`);
    return v;
  },
  ...singleColumn((v) => v ?? null),
  fromRow: (row, f) => (row[f.apiName] == null ? null : Number(row[f.apiName])),
};
