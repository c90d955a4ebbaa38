import { invalidData } from '../../errors.js';
import { canonicalOption } from './picklist.js';
import type { FieldType } from './types.js';
import { singleColumn } from './types.js';

/**
 * Stored as the options wrapped in a separator that no option may contain (U+001E), e.g.
 * "\u001eA\u001eB\u001e", so "includes" is a plain substring test on both engines.
 */
export const MULTI_SEP = '\u001e';

export function encodeMulti(values: readonly string[] | null): string | null {
  if (!values || values.length === 0) return null;
  return MULTI_SEP + values.join(MULTI_SEP) + MULTI_SEP;
}

export function decodeMulti(stored: unknown): string[] | null {
  if (typeof stored !== 'string' || stored === '') return null;
  return stored.split(MULTI_SEP).filter((s) => s !== '');
}

export const multiselect: FieldType = {
  name: 'multiselect',
  kind: 'multi',
  columns: [{ suffix: '', kind: 'text' }],
  accepts: { options: true },
  parse(input, field, pc) {
    if (input === null || input === undefined) return null;
    if (!Array.isArray(input)) throw invalidData(field.apiName, `'${field.apiName}' must be an array of options`);
    if (input.length > 500) throw invalidData(field.apiName, `'${field.apiName}' has too many values`);
    const current = Array.isArray(pc.current) ? pc.current : [];
    const out: string[] = [];
    for (const item of input) {
      const v = canonicalOption(field, item, current);
      if (out.includes(v)) throw invalidData(field.apiName, `'${v}' is given twice in '${field.apiName}'`, { value: v });
      out.push(v);
    }
    return out.length ? out : null;
  },
  ...singleColumn((v) => encodeMulti(v as string[] | null)),
  fromRow: (row, f) => decodeMulti(row[f.apiName]),
};
