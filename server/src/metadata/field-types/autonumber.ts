import type { FieldType } from './types.js';
import { singleColumn } from './types.js';

/** A number the record service assigns from a per-field counter on create; never written by clients. */
export const autonumber: FieldType = {
  name: 'autonumber',
  kind: 'number',
  columns: [{ suffix: '', kind: 'bigint' }],
  accepts: {},
  computed: true,
  parse: (input) => input ?? null,
  ...singleColumn((v) => v ?? null),
  fromRow: (row, f) => (row[f.apiName] == null ? null : Number(row[f.apiName])),
};
