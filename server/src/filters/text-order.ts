/**
 * Text helpers shared by both evaluators so that they agree with the databases, which compare
 * text by code point (SQLite's BINARY over UTF-8, PostgreSQL's `collate "C"`).
 */

/** Code point order. JavaScript's `<` compares UTF-16 units, which puts U+E000..U+FFFF after astral characters. */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return unitRank(x) - unitRank(y);
  }
  return a.length - b.length;
}

// Surrogates (astral characters) rank above the rest of the BMP; the rest keep their order.
const unitRank = (u: number) => (u >= 0xe000 ? u - 0x800 : u >= 0xd800 ? u + 0x2000 : u);

/** Escapes LIKE wildcards for a pattern used with `escape '\'`. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A lone surrogate cannot be stored as UTF-8, so the engines would not see what JS sees. */
export const isWellFormedText = (value: string) => !/\p{Cs}/u.test(value);
