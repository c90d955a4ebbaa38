import { invalidData } from '../../errors.js';
import type { ModuleDef } from '../../metadata/types.js';

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_.]*)\s*\}\}/g;

/** Throws INVALID_DATA naming the placeholder when a template refers to an unknown field. */
export function checkTemplate(module: ModuleDef, template: string, where: string): void {
  for (const m of template.matchAll(PLACEHOLDER)) {
    const [name, sub, extra] = m[1].split('.');
    const field = module.fieldsByName.get(name);
    const ok =
      field !== undefined &&
      extra === undefined &&
      (sub === undefined ||
        ((field.type === 'lookup' || field.type === 'user') && (sub === 'name' || (field.type === 'user' && sub === 'email'))));
    if (!ok) throw invalidData(where, `The template refers to an unknown field '{{${m[1]}}}'`, { placeholder: m[1] });
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]);

/**
 * Fills `{{field}}` and `{{lookup.name}}` from a record in API shape; `related` holds extra
 * values (e.g. `owner.email`). With `html`, values are escaped (the template itself is trusted).
 */
export function renderTemplate(
  template: string,
  record: Readonly<Record<string, unknown>>,
  related: Readonly<Record<string, string>>,
  html: boolean,
): string {
  return template.replace(PLACEHOLDER, (_all, path: string) => {
    const [name, sub] = path.split('.');
    let v: unknown = path in related ? related[path] : record[name];
    if (sub && !(path in related)) v = typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[sub] : null;
    const text =
      v === null || v === undefined
        ? ''
        : Array.isArray(v)
          ? v.join(', ')
          : typeof v === 'object'
            ? ((v as { name?: string }).name ?? '')
            : String(v);
    return html ? escapeHtml(text) : text;
  });
}
