import type { FieldDef, LayoutDef, ModuleDef, PicklistOption, RecordNameRule } from './types.js';

/** Row ↔ domain mappers for the metadata tables. */
export interface FieldRow {
  module: string;
  apiName: string;
  label: string;
  type: string;
  required: number;
  unique: number;
  readOnly: number;
  custom: number;
  system: number;
  options: string | null;
  lookupModule: string | null;
  maxLength: number | null;
  decimals: number | null;
  defaultValue: string | null;
  tooltip: string | null;
  sortOrder: number;
}

export function fieldRowToField(r: FieldRow): FieldDef {
  return {
    module: r.module,
    apiName: r.apiName,
    label: r.label,
    type: r.type as FieldDef['type'],
    required: !!r.required,
    unique: !!r.unique,
    readOnly: !!r.readOnly,
    custom: !!r.custom,
    system: !!r.system,
    ...(r.options ? { options: JSON.parse(r.options) as PicklistOption[] } : {}),
    ...(r.lookupModule ? { lookupModule: r.lookupModule } : {}),
    ...(r.maxLength != null ? { maxLength: Number(r.maxLength) } : {}),
    ...(r.decimals != null ? { decimals: Number(r.decimals) } : {}),
    ...(r.defaultValue != null ? { defaultValue: JSON.parse(r.defaultValue) } : {}),
    ...(r.tooltip ? { tooltip: r.tooltip } : {}),
    sortOrder: Number(r.sortOrder),
  };
}

export function fieldToRow(f: FieldDef): FieldRow {
  return {
    module: f.module,
    apiName: f.apiName,
    label: f.label,
    type: f.type,
    required: f.required ? 1 : 0,
    unique: f.unique ? 1 : 0,
    readOnly: f.readOnly ? 1 : 0,
    custom: f.custom ? 1 : 0,
    system: f.system ? 1 : 0,
    options: f.options ? JSON.stringify(f.options) : null,
    lookupModule: f.lookupModule ?? null,
    maxLength: f.maxLength ?? null,
    decimals: f.decimals ?? null,
    defaultValue: f.defaultValue === undefined || f.defaultValue === null ? null : JSON.stringify(f.defaultValue),
    tooltip: f.tooltip ?? null,
    sortOrder: f.sortOrder,
  };
}

export interface ModuleRow {
  apiName: string;
  label: string;
  singularLabel: string;
  custom: number;
  hidden: number;
  tableName: string;
  recordName: string;
  sortOrder: number;
  createdAt: number;
}

export function moduleRowToModule(r: ModuleRow, fields: FieldDef[], layouts: LayoutDef[]): ModuleDef {
  const sorted = [...fields].sort((a, b) => a.sortOrder - b.sortOrder);
  return {
    apiName: r.apiName,
    label: r.label,
    singularLabel: r.singularLabel,
    custom: !!r.custom,
    hidden: !!r.hidden,
    tableName: r.tableName,
    recordName: JSON.parse(r.recordName) as RecordNameRule,
    sortOrder: Number(r.sortOrder),
    fields: sorted,
    fieldsByName: new Map(sorted.map((f) => [f.apiName, f])),
    layouts,
  };
}

export interface LayoutRow {
  id: string;
  module: string;
  name: string;
  isDefault: number;
  sections: string;
}

export const layoutRowToLayout = (r: LayoutRow): LayoutDef => ({
  id: r.id,
  module: r.module,
  name: r.name,
  isDefault: !!r.isDefault,
  sections: JSON.parse(r.sections),
});
