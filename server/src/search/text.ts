import { fold } from '../db/fold.js';

/**
 * Search text is folded and stripped of diacritics in JavaScript before either engine sees it,
 * so "Zoë" is found by "zoe" and "ZOË" on SQLite and PostgreSQL alike.
 */
export function normalizeSearchText(s: string): string {
  return fold(s.normalize('NFD').replace(/\p{M}+/gu, '')).normalize('NFC');
}

/** The words of a query, normalised; only letters and digits survive, so no query syntax leaks. */
export function queryTokens(q: string): string[] {
  return (normalizeSearchText(q).match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 8);
}
