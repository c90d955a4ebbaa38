import { invalidFilter } from '../errors.js';
import { fieldType } from '../metadata/field-types/index.js';
import type { FieldDef, MetadataSnapshot, ModuleDef } from '../metadata/types.js';
import type { CompareKind, Subject } from './types.js';

export interface ResolvedSubject {
  subject: Subject;
  kind: CompareKind;
}

/** Finds what a condition's `field` names: a field, the record id, or `<lookup>.name`. */
export function resolveSubject(path: string, module: ModuleDef, meta: MetadataSnapshot): ResolvedSubject {
  if (path === 'id') return { subject: { source: 'id' }, kind: 'id' };
  const dot = path.indexOf('.');
  if (dot >= 0) return resolveRelatedName(path, path.slice(0, dot), path.slice(dot + 1), module, meta);
  const field = module.fieldsByName.get(path);
  if (!field) throw unknownField(path, module);
  return { subject: { source: 'field', field }, kind: kindOf(field) };
}

function kindOf(field: FieldDef): CompareKind {
  if (field.type === 'picklist') return 'picklist';
  return fieldType(field.type).kind;
}

function resolveRelatedName(path: string, base: string, part: string, module: ModuleDef, meta: MetadataSnapshot): ResolvedSubject {
  const field = module.fieldsByName.get(base);
  if (!field) throw unknownField(path, module);
  if (part !== 'name' || (field.type !== 'lookup' && field.type !== 'user')) {
    throw invalidFilter(`'${path}' is not a field of '${module.apiName}': only a lookup or user field followed by '.name' may be used`, {
      field: path,
    });
  }
  if (field.type === 'user') {
    return { subject: { source: 'relatedName', field, table: 'users', nameColumn: 'name' }, kind: 'text' };
  }
  const target = field.lookupModule ? meta.modulesByName.get(field.lookupModule) : undefined;
  if (!target) throw invalidFilter(`The module that '${base}' points to does not exist`, { field: path });
  return { subject: { source: 'relatedName', field, table: target.tableName, nameColumn: '_name' }, kind: 'text' };
}

const unknownField = (path: string, module: ModuleDef) =>
  invalidFilter(`Unknown field '${path}' in module '${module.apiName}'`, { field: path });
