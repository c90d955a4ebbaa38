import { invalidData } from '../../errors.js';
import type { FieldType } from './types.js';
import { singleColumn } from './types.js';

// Stored as 0/1 in an integer column on both engines. A checkbox is never empty: unset is false.
export const boolean: FieldType = {
  name: 'boolean',
  kind: 'boolean',
  columns: [{ suffix: '', kind: 'integer' }],
  accepts: {},
  parse(input, field) {
    if (input === null || input === undefined) return false;
    if (typeof input !== 'boolean') throw invalidData(field.apiName, `'${field.apiName}' must be true or false`);
    return input;
  },
  ...singleColumn((v) => (v == null ? null : v ? 1 : 0)),
  fromRow: (row, f) => Number(row[f.apiName] ?? 0) === 1,
  toStorageScalar: (v) => (typeof v === 'boolean' ? (v ? 1 : 0) : v),
};
