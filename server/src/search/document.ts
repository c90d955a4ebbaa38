import type { ModuleDef } from '../metadata/types.js';
import { normalizeSearchText } from './text.js';

const SEARCHED_TYPES = new Set(['text', 'email', 'phone', 'url', 'textarea', 'picklist', 'autonumber', 'tags']);
const BODY_MAX = 4000;

export interface SearchDocument {
  module: string;
  recordId: string;
  name: string;
  body: string;
}

/** What search sees of a record: its name, and the text of its searchable fields. */
export function searchDocument(module: ModuleDef, id: string, name: string | null, values: Record<string, unknown>): SearchDocument {
  const parts: string[] = [];
  for (const f of module.fields) {
    if (!SEARCHED_TYPES.has(f.type) || module.recordName.fields.includes(f.apiName)) continue;
    const v = values[f.apiName];
    if (typeof v === 'string' && v) parts.push(f.type === 'email' ? `${v} ${v.replace(/[@.]/g, ' ')}` : v);
    else if (typeof v === 'number') parts.push(String(v));
    // Tags are found by their words, like text.
    else if (f.type === 'tags' && Array.isArray(v)) parts.push(v.join(' '));
  }
  return {
    module: module.apiName,
    recordId: id,
    name: normalizeSearchText(name ?? ''),
    body: normalizeSearchText(parts.join(' ')).slice(0, BODY_MAX),
  };
}
