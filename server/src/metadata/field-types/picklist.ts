import { fold } from '../../db/fold.js';
import { invalidData } from '../../errors.js';
import type { FieldDef } from '../types.js';
import { expectString, isEmptyInput } from './check.js';
import type { FieldType } from './types.js';
import { singleColumn } from './types.js';

/** Finds the option a value names (case-insensitively), so stored values are always canonical. */
export function matchOption(field: FieldDef, value: string) {
  const opts = field.options ?? [];
  return opts.find((o) => o.value === value) ?? opts.find((o) => fold(o.value) === fold(value));
}

export function canonicalOption(field: FieldDef, input: unknown, current: readonly unknown[]): string {
  const v = expectString(input, field);
  const opt = matchOption(field, v);
  if (!opt) throw invalidData(field.apiName, `'${v}' is not an option of '${field.apiName}'`, { value: v });
  // A retired option stays valid on records that already hold it.
  if (opt.retired && !current.includes(opt.value)) {
    throw invalidData(field.apiName, `'${v}' is a retired option of '${field.apiName}'`, { value: v });
  }
  return opt.value;
}

export const picklist: FieldType = {
  name: 'picklist',
  kind: 'text',
  columns: [{ suffix: '', kind: 'text' }],
  accepts: { options: true },
  parse(input, field, pc) {
    if (isEmptyInput(input)) return null;
    return canonicalOption(field, input, [pc.current]);
  },
  ...singleColumn((v) => v ?? null),
  fromRow: (row, f) => (row[f.apiName] as string | null) ?? null,
};
