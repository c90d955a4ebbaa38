import { isEmptyInput, lookupId } from './check.js';
import type { FieldType } from './types.js';
import { singleColumn } from './types.js';

/** A link to one record of the field's `lookupModule`; `{"id", "name"}` in responses. */
export const lookup: FieldType = {
  name: 'lookup',
  kind: 'ref',
  columns: [{ suffix: '', kind: 'text' }],
  accepts: { lookupModule: true },
  parse(input, field) {
    if (isEmptyInput(input)) return null;
    return { id: lookupId(input, field), name: null };
  },
  ...singleColumn((v) => (v == null ? null : (v as { id: string }).id)),
  fromRow: (row, f) => (row[f.apiName] == null ? null : { id: row[f.apiName] as string, name: null }),
  references: (v, f) => (v == null ? [] : [{ module: f.lookupModule ?? '', id: (v as { id: string }).id, field: f.apiName }]),
};
