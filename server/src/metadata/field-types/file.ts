import type { FieldType } from './types.js';
import { singleColumn } from './types.js';

/**
 * An uploaded file or image, referenced by its stored file id. Uploads are not open yet, so
 * the metadata service refuses to create file fields until they are.
 */
export const file: FieldType = {
  name: 'file',
  kind: 'opaque',
  columns: [{ suffix: '', kind: 'text' }],
  accepts: {},
  computed: true,
  parse: () => null,
  ...singleColumn((v) => (v == null ? null : JSON.stringify(v))),
  fromRow: (row, f) => (row[f.apiName] == null ? null : JSON.parse(row[f.apiName] as string)),
};
