import { fold } from '../db/fold.js';
import { invalidData } from '../errors.js';
import type { PicklistOption } from './types.js';

export const MAX_OPTIONS = 500;

/** Validates picklist options from a request: strings or {value, label, retired}; distinct values. */
export function parseOptions(input: unknown, field = 'options'): PicklistOption[] {
  if (!Array.isArray(input) || input.length === 0) throw invalidData(field, 'A picklist needs at least one option');
  if (input.length > MAX_OPTIONS) throw invalidData(field, `A picklist has at most ${MAX_OPTIONS} options`, { max: MAX_OPTIONS });
  const seen = new Set<string>();
  return input.map((o) => {
    const opt = typeof o === 'string' ? { value: o, label: o } : (o as Partial<PicklistOption>);
    if (typeof opt !== 'object' || opt === null || typeof opt.value !== 'string') {
      throw invalidData(field, 'Each option is a string or {"value", "label"}');
    }
    const value = opt.value.trim();
    const label = typeof opt.label === 'string' && opt.label.trim() ? opt.label.trim() : value;
    if (!value || [...value].length > 255 || [...label].length > 255) throw invalidData(field, 'Option values are 1–255 characters');
    // Control characters would break the multiselect storage separator and every UI.
    if (/\p{Cc}/u.test(value) || /\p{Cc}/u.test(label)) throw invalidData(field, 'Options may not contain control characters');
    if (seen.has(fold(value))) throw invalidData(field, `The option '${value}' is given twice`, { value });
    seen.add(fold(value));
    return { value, label, ...(opt.retired === true ? { retired: true } : {}) };
  });
}
