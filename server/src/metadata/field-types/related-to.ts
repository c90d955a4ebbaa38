import { invalidData } from '../../errors.js';
import { lookupId } from './check.js';
import type { FieldType } from './types.js';

/**
 * A link to one record of any module: `{"module", "id"}` in, `{"module", "id", "name"}` out.
 * Two columns: the id (the field's own column, indexed for related lists) and the module.
 */
export const relatedTo: FieldType = {
  name: 'relatedTo',
  kind: 'ref',
  columns: [
    { suffix: '', kind: 'text' },
    { suffix: 'module', kind: 'text' },
  ],
  accepts: {},
  parse(input, field) {
    if (input === null || input === undefined) return null;
    if (typeof input !== 'object' || Array.isArray(input)) {
      throw invalidData(field.apiName, `'${field.apiName}' must be {"module", "id"}`);
    }
    const { module, id } = input as { module?: unknown; id?: unknown };
    if (typeof module !== 'string' || !/^[a-z][a-zA-Z0-9]{0,62}$/.test(module) || module === 'users') {
      throw invalidData(field.apiName, `'${field.apiName}.module' must be a module API name`);
    }
    return { module, id: lookupId(id, field), name: null };
  },
  toRow: (v, f) => {
    const r = v as { module: string; id: string } | null;
    return { [f.apiName]: r?.id ?? null, [`${f.apiName}__module`]: r?.module ?? null };
  },
  fromRow: (row, f) =>
    row[f.apiName] == null
      ? null
      : { module: row[`${f.apiName}__module`] as string, id: row[f.apiName] as string, name: null },
  references: (v, f) => {
    const r = v as { module: string; id: string } | null;
    return r ? [{ module: r.module, id: r.id, field: f.apiName }] : [];
  },
};
