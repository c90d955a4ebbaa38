import { invalidData } from '../../errors.js';
import type { FieldDef, FieldTypeName } from '../types.js';
import { expectMaxLength, expectString, isEmptyInput } from './check.js';
import type { FieldType } from './types.js';
import { singleColumn } from './types.js';

/** The shape shared by the string types; each type file adds its own format check. */
export function textLike(name: FieldTypeName, defaultMax: number, format?: (v: string, field: FieldDef) => string): FieldType {
  return {
    name,
    kind: 'text',
    columns: [{ suffix: '', kind: 'text' }],
    accepts: { maxLength: defaultMax },
    parse(input, field) {
      if (isEmptyInput(input)) return null;
      let v = expectString(input, field);
      v = expectMaxLength(v, field.maxLength ?? defaultMax, field);
      if (format) v = format(v, field);
      if (v === '') return null;
      return v;
    },
    ...singleColumn((v) => v ?? null),
    fromRow: (row, f) => (row[f.apiName] as string | null) ?? null,
  };
}

export const formatError = (field: FieldDef, what: string) => invalidData(field.apiName, `'${field.apiName}' must be ${what}`);
