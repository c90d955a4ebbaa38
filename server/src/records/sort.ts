import { type RawBuilder, sql } from 'kysely';
import type { DialectName } from '../db/connection.js';
import { collateC, foldSql } from '../db/dialect.js';
import { invalidRequest } from '../errors.js';
import { fieldType } from '../metadata/field-types/index.js';
import type { MetadataSnapshot, ModuleDef } from '../metadata/types.js';

export interface SortKey {
  field: string;
  desc: boolean;
  expr: RawBuilder<unknown>;
  /** Never NULL (system columns): no NULLS clause, so both engines can walk an index. */
  notNull: boolean;
  /** What a cursor may carry for this key. */
  valueType: 'text' | 'integer' | 'number';
}

const NOT_NULL = new Set(['id', 'createdAt', 'modifiedAt']);
export const MAX_SORT_KEYS = 3;

/**
 * Parses `sort` ("field,-other"). One rule on both engines: text case-insensitive in code point
 * order, empty values last in either direction, ties broken by id so pages never overlap.
 */
export function parseSort(spec: string | undefined, module: ModuleDef, meta: MetadataSnapshot, dialect: DialectName): SortKey[] {
  const parts = (spec ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (parts.length === 0) parts.push('-createdAt');
  if (parts.length > MAX_SORT_KEYS) throw invalidRequest(`Sort by at most ${MAX_SORT_KEYS} fields`, { field: 'sort' });
  return parts.map((p) => {
    const desc = p.startsWith('-');
    const name = desc ? p.slice(1) : p;
    if (name === 'id') return { field: 'id', desc, expr: sql.ref('id'), notNull: true, valueType: 'text' as const };
    const field = module.fieldsByName.get(name);
    if (!field) throw invalidRequest(`Cannot sort by '${name}': not a field of ${module.apiName}`, { field: name });
    const kind = fieldType(field.type).kind;
    const col = sql.ref(field.apiName);
    let expr: RawBuilder<unknown>;
    if (kind === 'text') expr = collateC(dialect, foldSql(dialect, sql`${col}`));
    else if (kind === 'number' || kind === 'date' || kind === 'datetime' || kind === 'boolean') expr = sql`${col}`;
    else if (field.type === 'lookup' && field.lookupModule && meta.modulesByName.has(field.lookupModule)) {
      const target = meta.modulesByName.get(field.lookupModule)?.tableName as string;
      expr = collateC(dialect, foldSql(dialect, sql`(select t._name from ${sql.table(target)} t where t.id = ${col})`));
    } else if (field.type === 'user') {
      expr = collateC(dialect, foldSql(dialect, sql`(select u.name from users u where u.id = ${col})`));
    } else throw invalidRequest(`Cannot sort by '${name}' (${field.type})`, { field: name });
    const valueType =
      kind === 'number' || kind === 'datetime' || kind === 'boolean'
        ? field.type === 'decimal' || field.type === 'percent'
          ? ('number' as const)
          : ('integer' as const)
        : ('text' as const);
    return { field: name, desc, expr, notNull: NOT_NULL.has(name), valueType };
  });
}

export function orderBySql(keys: SortKey[]): RawBuilder<unknown> {
  const parts = keys.map((k) => sql`${k.expr} ${sql.raw(k.desc ? 'desc' : 'asc')}${sql.raw(k.notNull ? '' : ' nulls last')}`);
  if (!keys.some((k) => k.field === 'id')) parts.push(sql`id asc`);
  return sql.join(parts);
}

/**
 * Keyset condition "after the row whose sort values are `values` and id is `id`", following the
 * same order (including empty values last), so cursors stay fast on deep pages.
 */
export function afterSql(keys: SortKey[], values: unknown[], id: string): RawBuilder<unknown> {
  const ors: RawBuilder<unknown>[] = [];
  const eqs: RawBuilder<unknown>[] = [];
  keys.forEach((k, i) => {
    if (k.field === 'id') return;
    const v = values[i];
    if (v !== null && v !== undefined) {
      const after = k.desc ? sql`${k.expr} < ${v}` : sql`${k.expr} > ${v}`;
      ors.push(sql.join([...eqs, k.notNull ? after : sql`(${after} or ${k.expr} is null)`], sql` and `));
      eqs.push(sql`${k.expr} = ${v}`);
    } else {
      eqs.push(sql`${k.expr} is null`);
    }
  });
  const idKey = keys.find((k) => k.field === 'id');
  ors.push(sql.join([...eqs, idKey?.desc ? sql`id < ${id}` : sql`id > ${id}`], sql` and `));
  return sql`(${sql.join(ors.map((o) => sql`(${o})`), sql` or `)})`;
}
