import type { AddressValue, Field, FieldType, Layout } from '../../api/types';

/**
 * The create/edit form's model, apart from React: which fields it shows, their empty values,
 * required checks, and the API payload. One branch per field type; a new input type is added here
 * and in FieldInput.tsx.
 */
export const FORM_FIELD_TYPES: ReadonlySet<FieldType> = new Set<FieldType>([
  'text',
  'textarea',
  'email',
  'phone',
  'url',
  'picklist',
  'multiselect',
  'date',
  'datetime',
  'integer',
  'bigint',
  'decimal',
  'currency',
  'percent',
  'boolean',
  'lookup',
  'user',
  'address',
  'relatedTo',
  'participants',
  'tags',
]);

export interface LookupValue {
  id: string;
  name: string | null;
}

export interface RelatedToFormValue extends LookupValue {
  module: string;
}

/** One person of an event's `participants` as the form holds it (FieldInput shows `label`). */
export interface FormParticipant {
  type: 'user' | 'contact' | 'lead' | 'email';
  id?: string;
  email?: string;
  label: string;
}

/** A stored participant (`{type, id, name, email, status}`) → the form's shape. */
export function toFormParticipant(p: { type?: string; id?: string; name?: string | null; email?: string | null }): FormParticipant {
  if (p.type === 'user' || p.type === 'contact' || p.type === 'lead')
    return { type: p.type, id: p.id, label: p.name ?? p.email ?? p.id ?? '' };
  return { type: 'email', email: p.email ?? '', label: p.email ?? '' };
}

export type FormValues = Record<string, unknown>;
export type FormErrors = Record<string, string>;

export function isFormField(f: Field): boolean {
  return !f.readOnly && !f.system && FORM_FIELD_TYPES.has(f.type);
}

export interface FormSection {
  title: string;
  fields: Field[];
}

/** Sections of the module's default layout with the fields a person can fill in; fields no section names go last. */
export function formSections(fields: Field[], layouts: Layout[]): FormSection[] {
  const byName = new Map(fields.map((f) => [f.apiName, f]));
  const layout = layouts.find((l) => l.isDefault) ?? layouts[0];
  const placed = new Set<string>();
  const sections: FormSection[] = [];
  for (const s of layout?.sections ?? []) {
    const inSection = s.fields.map((n) => byName.get(n)).filter((f): f is Field => Boolean(f && isFormField(f)));
    for (const f of inSection) placed.add(f.apiName);
    if (inSection.length) sections.push({ title: s.title, fields: inSection });
  }
  const rest = fields.filter((f) => isFormField(f) && !placed.has(f.apiName));
  if (rest.length) sections.push({ title: '', fields: rest });
  return sections;
}

const NUMBER_TYPES: ReadonlySet<FieldType> = new Set<FieldType>(['integer', 'bigint', 'decimal', 'currency', 'percent']);

export function emptyValue(f: Field): unknown {
  switch (f.type) {
    case 'boolean':
      return false;
    case 'multiselect':
    case 'participants':
    case 'tags':
      return [];
    case 'address':
      return {};
    case 'picklist':
    case 'lookup':
    case 'user':
    case 'relatedTo':
      return null;
    default:
      return '';
  }
}

export function initialValues(fields: Field[], overrides: FormValues = {}): FormValues {
  const values: FormValues = {};
  for (const f of fields) {
    if (!isFormField(f)) continue;
    const dflt = f.defaultValue;
    values[f.apiName] = f.apiName in overrides ? overrides[f.apiName] : dflt !== undefined && dflt !== null ? dflt : emptyValue(f);
  }
  return values;
}

export function isEmptyValue(f: Field, v: unknown): boolean {
  if (v === null || v === undefined) return true;
  if (f.type === 'boolean') return false;
  if (typeof v === 'string') return v.trim() === '';
  if (Array.isArray(v)) return v.length === 0;
  if (f.type === 'address') return Object.values(v as AddressValue).every((p) => !p || !String(p).trim());
  return false;
}

function toNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : Number.NaN;
  if (typeof v === 'string' && v.trim() !== '') return Number(v.replace(',', '.'));
  return undefined;
}

/** An instant as the API writes it (a zone or Z at the end); a bare wall-clock string is not one. */
export const isIsoInstant = (v: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(v);

/** 'YYYY-MM-DDTHH:mm' from a datetime-local input (the browser's time zone) → ISO 8601 UTC. */
export function localDateTimeToIso(v: string): string | undefined {
  if (!v) return undefined;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/** Client-side checks before sending: required fields, and numbers that are numbers. Keys of the error messages. */
export function validateValues(fields: Field[], values: FormValues): FormErrors {
  const errors: FormErrors = {};
  for (const f of fields) {
    if (!isFormField(f)) continue;
    const v = values[f.apiName];
    if (f.required && isEmptyValue(f, v)) errors[f.apiName] = 'form.errors.required';
    else if (NUMBER_TYPES.has(f.type) && !isEmptyValue(f, v) && Number.isNaN(toNumber(v))) errors[f.apiName] = 'form.errors.number';
  }
  return errors;
}

/** The record to POST: empty fields left out (the server applies defaults), each value in the API's shape. */
export function toPayload(fields: Field[], values: FormValues): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    if (!isFormField(f)) continue;
    const v = values[f.apiName];
    if (f.type !== 'boolean' && isEmptyValue(f, v)) continue;
    switch (f.type) {
      case 'integer':
      case 'bigint':
      case 'decimal':
      case 'currency':
      case 'percent':
        out[f.apiName] = toNumber(v);
        break;
      case 'datetime': {
        // The form's input holds the instant (DateTimeInput); a wall-clock string still converts.
        const iso = isIsoInstant(String(v)) ? String(v) : localDateTimeToIso(String(v));
        if (iso) out[f.apiName] = iso;
        break;
      }
      case 'boolean':
        out[f.apiName] = Boolean(v);
        break;
      case 'lookup':
        out[f.apiName] = (v as LookupValue).id;
        break;
      case 'relatedTo': {
        const r = v as RelatedToFormValue;
        out[f.apiName] = { module: r.module, id: r.id };
        break;
      }
      case 'participants':
        // What the API takes: {type, id} or {email}; the names shown in the form stay behind.
        out[f.apiName] = (v as FormParticipant[]).map((p) =>
          p.type === 'email' || !p.id ? { email: p.email } : { type: p.type, id: p.id },
        );
        break;
      case 'address': {
        const parts: AddressValue = {};
        for (const [k, p] of Object.entries(v as AddressValue)) if (p && String(p).trim()) parts[k as keyof AddressValue] = String(p);
        out[f.apiName] = parts;
        break;
      }
      default:
        out[f.apiName] = v;
    }
  }
  return out;
}

/** The form field a server error names: `details.field` may be 'address' or 'address.city'. */
export function errorFieldFor(fields: Field[], field: string | undefined): string | undefined {
  if (!field) return undefined;
  const base = field.split('.')[0];
  return fields.some((f) => f.apiName === base && isFormField(f)) ? base : undefined;
}
