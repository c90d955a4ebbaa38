import type { ModuleDef } from '../metadata/types.js';

const NAME_MAX = 255;

/** The record's display name (lookups, search, recycle bin), from the module's name rule. */
export function recordNameOf(module: ModuleDef, values: Record<string, unknown>): string | null {
  const parts: string[] = [];
  for (const f of module.recordName.fields) {
    const v = values[f];
    if (typeof v === 'string' && v.trim() !== '') parts.push(v.trim());
    else if (typeof v === 'number') parts.push(String(v));
  }
  if (parts.length === 0) return null;
  const name = module.recordName.mode === 'first' ? firstWords(parts[0]) : parts.join(' ');
  return [...name].slice(0, NAME_MAX).join('');
}

/** A note without a title is named by the first words of its content. */
function firstWords(text: string): string {
  const line = text.split(/\r?\n/)[0];
  const words = line.split(/\s+/).slice(0, 12).join(' ');
  return words.length < line.length ? `${words}…` : words;
}
