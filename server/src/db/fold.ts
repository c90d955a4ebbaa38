/** Printable ASCII: folds the same either way (other text takes the code-point path). */
const ASCII = /^[ -~]*$/;

/**
 * Case folding for case-insensitive text (filters, unique checks, sorting). SQLite's own
 * lower() folds ASCII only, so we register this function as `rlower` on SQLite; PostgreSQL's
 * lower() in a UTF-8 database folds Unicode the same way for the letters people type.
 * JavaScript's toLowerCase is context-sensitive for a final Greek sigma; folding code point by
 * code point keeps it a pure per-character mapping like the databases'.
 */
export function fold(value: string): string {
  // Most values; toLowerCase is many times faster than the loop below.
  if (ASCII.test(value)) return value.toLowerCase();
  let out = '';
  for (const ch of value) {
    const lower = ch.toLowerCase();
    out += lower.length === ch.length ? lower : ch;
  }
  return out;
}
