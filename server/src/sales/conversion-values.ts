import { DomainError } from '../errors.js';
import { fieldType } from '../metadata/field-types/index.js';
import type { MetadataSnapshot } from '../metadata/types.js';
import { isEmptyValue } from '../records/values.js';
import type { ConversionModule, FieldMapping } from './lead-conversion-mapping.js';

type Values = Record<string, unknown>;

/** The standard lead fields each new record takes, as [lead field, target field]. */
const BUILT_IN: Record<ConversionModule, [string, string][]> = {
  contacts: [
    ['firstName', 'firstName'],
    ['lastName', 'lastName'],
    ['title', 'title'],
    ['email', 'email'],
    ['phone', 'phone'],
    ['mobile', 'mobile'],
    ['leadSource', 'leadSource'],
    ['address', 'mailingAddress'],
    ['description', 'description'],
    ['tags', 'tags'],
  ],
  accounts: [
    ['website', 'website'],
    ['phone', 'phone'],
    ['industry', 'industry'],
    ['annualRevenue', 'annualRevenue'],
    ['numberOfEmployees', 'numberOfEmployees'],
    ['address', 'billingAddress'],
  ],
  // The lead's tags describe the person and the opportunity: the contact and the deal keep them.
  deals: [
    ['leadSource', 'leadSource'],
    ['tags', 'tags'],
  ],
};

/** A lead value a target field would not take (e.g. a picklist value it lacks): left out, and reported. */
export interface SkippedValue {
  module: ConversionModule;
  field: string;
  leadField: string;
  message: string;
}

/**
 * The values a new contact, account or deal takes from the lead: the built-in pairs, then the
 * admin's mapping of custom fields. A value the target field does not accept is left out
 * (reported in `skipped`) rather than blocking the conversion.
 */
export function valuesFromLead(
  meta: MetadataSnapshot,
  lead: Values,
  module: ConversionModule,
  mapping: readonly FieldMapping[],
  skipped: SkippedValue[],
): Values {
  const target = meta.modulesByName.get(module);
  const pairs = [...BUILT_IN[module], ...mapping.filter((m) => m.module === module).map((m): [string, string] => [m.leadField, m.field])];
  const out: Values = {};
  for (const [leadField, field] of pairs) {
    const def = target?.fieldsByName.get(field);
    const value = lead[leadField];
    if (!def || isEmptyValue(value)) continue;
    try {
      fieldType(def.type).parse(value, def, { current: null });
      out[field] = value;
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      skipped.push({ module, field, leadField, message: err.message });
    }
  }
  return out;
}

/** The lead's person name, "First Last". */
export function leadPersonName(lead: Values): string {
  return [lead.firstName, lead.lastName].filter((v) => typeof v === 'string' && v.trim()).join(' ');
}
