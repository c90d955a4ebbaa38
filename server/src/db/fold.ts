const ASCII = /^[\x00-\x7f]*$/;

/**
 * Case folding for case-insensitive text (filters, unique checks, sorting). SQLite's own
 * lower() folds ASCII only, so we register this function as `rlower` on SQLite; PostgreSQL's
 * lower() in a UTF-8 database folds Unicode the same way for the letters people type.
 * JavaScript's toLowerCase is context-sensitive for a final Greek sigma; folding code point by
 * code point keeps it a pure per-character mapping like the databases'.
 */
export function fold(value: string): string {
  // ASCII (most values) folds the same either way, and toLowerCase is many times faster.
  if (ASCII.test(value)) return value.toLowerCase();
  let out = '';
  for (const ch of value) {
    const lower = ch.toLowerCase();
    out += lower.length === ch.length ? lower : ch;
  }
  return out;
}
