import type { CrmRecord, Field } from '../../api/types';
import { emptyValue, type FormValues, isFormField, toFormParticipant, toPayload } from '../../features/record-form/form-model';

/** An ISO date-time → 'YYYY-MM-DDTHH:mm' for a datetime-local input (the browser's time zone). */
export function isoToLocalDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** A stored value in the shape the form's input for its field takes. */
export function toFormValue(f: Field, v: unknown): unknown {
  if (v === null || v === undefined) return emptyValue(f);
  switch (f.type) {
    case 'user':
      return typeof v === 'object' ? ((v as { id?: string }).id ?? null) : v;
    case 'datetime':
      // The form's DateTimeInput holds the instant and shows it in the user's time zone.
      return String(v);
    case 'participants':
      return Array.isArray(v) ? v.map(toFormParticipant) : [];
    default:
      return v;
  }
}

export function recordFormValues(fields: Field[], record: CrmRecord): FormValues {
  const out: FormValues = {};
  for (const f of fields) if (isFormField(f)) out[f.apiName] = toFormValue(f, record[f.apiName]);
  return out;
}

/** The PATCH body: only the fields that changed; a field emptied is sent as null. */
export function changedPayload(fields: Field[], initial: FormValues, values: FormValues): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const changed = fields.filter((f) => isFormField(f) && JSON.stringify(initial[f.apiName]) !== JSON.stringify(values[f.apiName]));
  const payload = toPayload(changed, values);
  for (const f of changed) out[f.apiName] = f.apiName in payload ? payload[f.apiName] : null;
  return out;
}
