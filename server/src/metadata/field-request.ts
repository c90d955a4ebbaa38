import { invalidData } from '../errors.js';
import { fieldType } from './field-types/index.js';
import { parseOptions } from './options.js';
import type { FieldDef, FieldTypeName, MetadataSnapshot, ModuleDef } from './types.js';
import { FIELD_TYPES } from './types.js';

/** Types an administrator can add today (formula and file wait for their issues; see docs). */
export const CREATABLE_TYPES: FieldTypeName[] = FIELD_TYPES.filter(
  (t) => !['formula', 'file', 'relatedTo', 'participants'].includes(t),
);
const UNIQUE_TYPES = new Set<FieldTypeName>(['text', 'email', 'phone', 'url', 'integer', 'bigint']);

export interface FieldRequest {
  label?: unknown;
  type?: unknown;
  apiName?: unknown;
  required?: unknown;
  unique?: unknown;
  options?: unknown;
  lookupModule?: unknown;
  maxLength?: unknown;
  decimals?: unknown;
  defaultValue?: unknown;
  tooltip?: unknown;
}

export function parseLabel(v: unknown, field = 'label'): string {
  if (typeof v !== 'string' || !v.trim() || [...v].length > 100 || /\p{Cc}/u.test(v)) {
    throw invalidData(field, `'${field}' must be 1–100 characters without control characters`);
  }
  return v.trim();
}

/** Checks the type-specific properties of a field definition and returns the cleaned field. */
export function checkFieldShape(field: FieldDef, req: FieldRequest, meta: MetadataSnapshot, module: ModuleDef): FieldDef {
  const t = fieldType(field.type);
  const out: FieldDef = { ...field };
  if (req.options !== undefined) {
    if (!t.accepts.options) throw invalidData('options', `A ${field.type} field has no options`);
    out.options = parseOptions(req.options);
  } else if (t.accepts.options && !out.options) throw invalidData('options', 'A picklist needs its options');
  if (req.lookupModule !== undefined || field.type === 'lookup') {
    if (!t.accepts.lookupModule) throw invalidData('lookupModule', `A ${field.type} field has no lookupModule`);
    const lm = req.lookupModule ?? field.lookupModule;
    if (typeof lm !== 'string' || !meta.modulesByName.has(lm)) throw invalidData('lookupModule', 'lookupModule must name a module');
    out.lookupModule = lm;
  }
  if (req.maxLength !== undefined) {
    const max = t.accepts.maxLength;
    if (!max) throw invalidData('maxLength', `A ${field.type} field has no maxLength`);
    if (typeof req.maxLength !== 'number' || !Number.isInteger(req.maxLength) || req.maxLength < 1 || req.maxLength > max) {
      throw invalidData('maxLength', `maxLength must be 1–${max}`);
    }
    out.maxLength = req.maxLength;
  }
  if (req.decimals !== undefined) {
    const max = t.accepts.decimals;
    if (max === undefined) throw invalidData('decimals', `A ${field.type} field has no decimals setting`);
    if (typeof req.decimals !== 'number' || !Number.isInteger(req.decimals) || req.decimals < 0 || req.decimals > max) {
      throw invalidData('decimals', `decimals must be 0–${max}`);
    }
    out.decimals = req.decimals;
  }
  for (const key of ['required', 'unique'] as const) {
    if (req[key] !== undefined && typeof req[key] !== 'boolean') throw invalidData(key, `'${key}' must be true or false`);
  }
  if (req.required === true && t.computed) throw invalidData('required', `A ${field.type} field is filled by Rapport and cannot be required`);
  if (req.required !== undefined) out.required = req.required as boolean;
  if (req.unique !== undefined) {
    if (req.unique && !UNIQUE_TYPES.has(field.type)) throw invalidData('unique', `A ${field.type} field cannot be unique`);
    out.unique = req.unique as boolean;
  }
  if (req.tooltip !== undefined) {
    if (req.tooltip !== null && (typeof req.tooltip !== 'string' || [...req.tooltip].length > 255)) {
      throw invalidData('tooltip', 'tooltip must be at most 255 characters');
    }
    out.tooltip = (req.tooltip as string | null) ?? undefined;
  }
  if (req.defaultValue !== undefined) {
    if (req.defaultValue === null) out.defaultValue = undefined;
    else {
      if (out.unique) throw invalidData('defaultValue', 'A unique field cannot have a default value');
      if (['lookup', 'user', 'autonumber'].includes(field.type)) throw invalidData('defaultValue', `A ${field.type} field has no default`);
      try {
        out.defaultValue = t.parse(req.defaultValue, out, { current: null });
      } catch {
        throw invalidData('defaultValue', `The default value is not a valid ${field.type} value`);
      }
    }
  }
  if (module.fields.filter((f) => f.custom).length >= 300 && !module.fieldsByName.has(field.apiName)) {
    throw invalidData(undefined, 'A module has at most 300 custom fields');
  }
  return out;
}
