import type { CrmRecord, RecordNameRule } from '../api/types';

/** A record's display name by its module's rule: the fields joined, or the first that has a value. */
export function recordName(record: CrmRecord | undefined, rule: RecordNameRule | undefined): string | null {
  if (!record || !rule) return null;
  const parts = rule.fields
    .map((f) => record[f])
    .filter((v): v is string | number => (typeof v === 'string' && v.trim() !== '') || typeof v === 'number')
    .map((v) => String(v).trim());
  if (parts.length === 0) return null;
  if (rule.mode === 'first') {
    const first = parts[0];
    return first.length > 80 ? `${first.slice(0, 80)}…` : first;
  }
  return parts.join(' ');
}
