import type { FieldType } from './types.js';
import { singleColumn } from './types.js';

/**
 * A read-only value computed from other fields. The type is registered so metadata, storage
 * and reads know it; defining formula fields (the expression language) is not open yet, so
 * the metadata service refuses to create one (see docs/decisions/custom-fields.md).
 */
export const formula: FieldType = {
  name: 'formula',
  kind: 'opaque',
  columns: [{ suffix: '', kind: 'text' }],
  accepts: {},
  computed: true,
  parse: () => null,
  ...singleColumn((v) => (v == null ? null : JSON.stringify(v))),
  fromRow: (row, f) => (row[f.apiName] == null ? null : JSON.parse(row[f.apiName] as string)),
};
