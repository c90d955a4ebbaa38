import { isEmptyInput, lookupId } from './check.js';
import type { FieldType } from './types.js';
import { singleColumn } from './types.js';

/** A link to a user; the owner, createdBy and modifiedBy system fields are of this type. */
export const user: FieldType = {
  name: 'user',
  kind: 'ref',
  columns: [{ suffix: '', kind: 'text' }],
  accepts: {},
  parse(input, field) {
    if (isEmptyInput(input)) return null;
    return { id: lookupId(input, field), name: null };
  },
  ...singleColumn((v) => (v == null ? null : (v as { id: string }).id)),
  fromRow: (row, f) => (row[f.apiName] == null ? null : { id: row[f.apiName] as string, name: null }),
  references: (v, f) => (v == null ? [] : [{ module: 'users', id: (v as { id: string }).id, field: f.apiName }]),
};
