import { requireManageSettings } from '../access/index.js';
import type { Ctx } from '../context.js';
import { invalidData, limitExceeded } from '../errors.js';
import type { FieldDef, MetadataSnapshot } from '../metadata/types.js';
import { isCompatible, isWritableTarget } from './field-compatibility.js';

/**
 * Settings › Lead conversion: which contact, account or deal field each custom lead field is
 * copied into when a lead is converted. Stored in `settings`; standard lead fields have their own
 * built-in mapping (convert-lead.ts).
 */
export const CONVERSION_MODULES = ['contacts', 'accounts', 'deals'] as const;
export type ConversionModule = (typeof CONVERSION_MODULES)[number];

export interface FieldMapping {
  leadField: string;
  module: ConversionModule;
  field: string;
}

export interface MappingOption {
  leadField: string;
  label: string;
  type: string;
  /** The fields of each module this lead field may map to (compatible types). */
  targets: Record<ConversionModule, string[]>;
}

const SETTINGS_KEY = 'leadConversion';
const MAX_MAPPINGS = 500;

const customLeadFields = (meta: MetadataSnapshot): FieldDef[] =>
  (meta.modulesByName.get('leads')?.fields ?? []).filter((f) => f.custom && !f.system);

function targetOf(meta: MetadataSnapshot, m: FieldMapping): { source: FieldDef; target: FieldDef } | null {
  const source = meta.modulesByName.get('leads')?.fieldsByName.get(m.leadField);
  const target = meta.modulesByName.get(m.module)?.fieldsByName.get(m.field);
  return source?.custom && target && isCompatible(source, target) ? { source, target } : null;
}

/** The stored mapping, minus entries whose fields were deleted or changed since (they no longer apply). */
export async function readLeadConversionMapping(ctx: Ctx): Promise<FieldMapping[]> {
  const row = await ctx.db.selectFrom('settings').select('value').where('key', '=', SETTINGS_KEY).executeTakeFirst();
  const stored = row ? ((JSON.parse(row.value) as { mappings?: FieldMapping[] }).mappings ?? []) : [];
  return stored.filter((m) => targetOf(ctx.meta, m) !== null);
}

export function mappingOptions(meta: MetadataSnapshot): MappingOption[] {
  return customLeadFields(meta).map((source) => {
    const targets = {} as Record<ConversionModule, string[]>;
    for (const module of CONVERSION_MODULES) {
      const fields = meta.modulesByName.get(module)?.fields ?? [];
      targets[module] = fields.filter((t) => isWritableTarget(t) && isCompatible(source, t)).map((t) => t.apiName);
    }
    return { leadField: source.apiName, label: source.label, type: source.type, targets };
  });
}

export async function leadConversionSettings(ctx: Ctx) {
  return { mappings: await readLeadConversionMapping(ctx), options: mappingOptions(ctx.meta) };
}

function parseMapping(meta: MetadataSnapshot, raw: unknown, index: number): FieldMapping {
  const m = (raw ?? {}) as Record<string, unknown>;
  const at = { index };
  const leads = meta.modulesByName.get('leads');
  const source = typeof m.leadField === 'string' ? leads?.fieldsByName.get(m.leadField) : undefined;
  if (!source) throw invalidData('leadField', `Mapping ${index + 1}: '${String(m.leadField)}' is not a field of leads`, at);
  if (!source.custom) {
    throw invalidData('leadField', `Mapping ${index + 1}: '${source.apiName}' is a standard field; it has a built-in mapping`, at);
  }
  if (!CONVERSION_MODULES.includes(m.module as ConversionModule)) {
    throw invalidData('module', `Mapping ${index + 1}: module is one of ${CONVERSION_MODULES.join(', ')}`, at);
  }
  const module = m.module as ConversionModule;
  const target = typeof m.field === 'string' ? meta.modulesByName.get(module)?.fieldsByName.get(m.field) : undefined;
  if (!target) throw invalidData('field', `Mapping ${index + 1}: '${String(m.field)}' is not a field of ${module}`, at);
  if (!isWritableTarget(target)) throw invalidData('field', `Mapping ${index + 1}: ${module}.${target.apiName} cannot be written`, at);
  if (!isCompatible(source, target)) {
    throw invalidData(
      'field',
      `Mapping ${index + 1}: ${module}.${target.apiName} (${target.type}) cannot hold the values of ${source.apiName} (${source.type})`,
      at,
    );
  }
  return { leadField: source.apiName, module, field: target.apiName };
}

/** Replaces the mapping: each lead field at most once per module, each target field at most once. */
export async function saveLeadConversionMapping(ctx: Ctx, mappings: unknown) {
  requireManageSettings(ctx);
  if (!Array.isArray(mappings)) throw invalidData('mappings', 'mappings is a list of {"leadField", "module", "field"}');
  if (mappings.length > MAX_MAPPINGS) throw limitExceeded(`At most ${MAX_MAPPINGS} mappings`, { max: MAX_MAPPINGS });
  const parsed = mappings.map((m, i) => parseMapping(ctx.meta, m, i));
  const seen = new Set<string>();
  parsed.forEach((m, index) => {
    for (const key of [`from:${m.leadField}:${m.module}`, `to:${m.module}:${m.field}`]) {
      if (seen.has(key)) {
        const what = key.startsWith('from')
          ? `${m.leadField} is already mapped to a field of ${m.module}`
          : `${m.module}.${m.field} is already a target`;
        throw invalidData(key.startsWith('from') ? 'leadField' : 'field', `Mapping ${index + 1}: ${what}`, { index });
      }
      seen.add(key);
    }
  });
  const value = JSON.stringify({ mappings: parsed });
  await ctx.db
    .insertInto('settings')
    .values({ key: SETTINGS_KEY, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
  return { mappings: parsed, options: mappingOptions(ctx.meta) };
}
