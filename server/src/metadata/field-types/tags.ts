import { fold } from '../../db/fold.js';
import { invalidData } from '../../errors.js';
import { decodeMulti, encodeMulti } from './multiselect.js';
import type { FieldType } from './types.js';
import { singleColumn } from './types.js';

export const MAX_TAGS = 50;
export const MAX_TAG_LENGTH = 50;

// Control characters include U+001E, the storage separator shared with multiselect.
const CONTROL = /\p{Cc}/u;

/**
 * Checks one tag's text and returns it trimmed, or the complaint. Shared by the field type and
 * the addTag workflow action so both accept exactly the same tags.
 */
export function checkTag(input: unknown): { tag: string } | { problem: string } {
  if (typeof input !== 'string') return { problem: 'a tag must be a text' };
  const tag = input.trim();
  const length = [...tag].length;
  if (length < 1 || length > MAX_TAG_LENGTH) return { problem: `a tag has 1 to ${MAX_TAG_LENGTH} characters` };
  if (CONTROL.test(tag)) return { problem: 'a tag may not contain control characters' };
  if (/\p{Cs}/u.test(tag)) return { problem: 'a tag may not contain lone surrogates' };
  return { tag };
}

/** Whether `tags` already holds `tag`, ignoring case (tags are case-insensitively unique). */
export function hasTag(tags: readonly string[] | null | undefined, tag: string): boolean {
  const wanted = fold(tag);
  return (tags ?? []).some((t) => fold(t) === wanted);
}

/**
 * Free-text tags. Stored like a multiselect ("\u001eA\u001eB\u001e", first spelling kept) so the
 * filters' includesAny/includesAll are a substring test on both engines; they compare folded
 * (see filters/parse.ts), since "VIP" and "vip" are the same tag.
 */
export const tags: FieldType = {
  name: 'tags',
  kind: 'multi',
  columns: [{ suffix: '', kind: 'text' }],
  accepts: {},
  parse(input, field) {
    if (input === null || input === undefined) return null;
    if (!Array.isArray(input)) throw invalidData(field.apiName, `'${field.apiName}' must be an array of tags`);
    if (input.length > MAX_TAGS) throw invalidData(field.apiName, `'${field.apiName}' may have at most ${MAX_TAGS} tags`);
    const out: string[] = [];
    for (const item of input) {
      const checked = checkTag(item);
      if ('problem' in checked) throw invalidData(field.apiName, `'${field.apiName}': ${checked.problem}`);
      // Repeats (in any case) collapse to the first spelling: a set of tags, not a list.
      if (!hasTag(out, checked.tag)) out.push(checked.tag);
    }
    return out.length ? out : null;
  },
  ...singleColumn((v) => encodeMulti(v as string[] | null)),
  fromRow: (row, f) => decodeMulti(row[f.apiName]),
};
