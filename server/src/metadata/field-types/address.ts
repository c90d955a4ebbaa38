import { invalidData } from '../../errors.js';
import { expectMaxLength, expectString } from './check.js';
import type { FieldType } from './types.js';
import { singleColumn } from './types.js';

export const ADDRESS_PARTS = ['street', 'city', 'state', 'postalCode', 'country'] as const;
type Address = Partial<Record<(typeof ADDRESS_PARTS)[number], string>>;

/** One field made of parts (street, city, state, postal code, country), kept as JSON text. */
export const address: FieldType = {
  name: 'address',
  kind: 'opaque',
  columns: [{ suffix: '', kind: 'text' }],
  accepts: {},
  parse(input, field) {
    if (input === null || input === undefined) return null;
    if (typeof input !== 'object' || Array.isArray(input)) {
      throw invalidData(field.apiName, `'${field.apiName}' must be an object with ${ADDRESS_PARTS.join(', ')}`);
    }
    const out: Address = {};
    for (const [k, v] of Object.entries(input as Record<string, unknown>)) {
      if (!(ADDRESS_PARTS as readonly string[]).includes(k)) {
        throw invalidData(field.apiName, `'${k}' is not a part of an address`, { part: k });
      }
      if (v === null || v === '') continue;
      const s = expectMaxLength(expectString(v, field), k === 'street' ? 1000 : 255, field);
      out[k as keyof Address] = s;
    }
    return Object.keys(out).length ? out : null;
  },
  ...singleColumn((v) => (v == null ? null : JSON.stringify(v))),
  fromRow: (row, f) => (row[f.apiName] == null ? null : JSON.parse(row[f.apiName] as string)),
};
