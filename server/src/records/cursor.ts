import { invalidRequest } from '../errors.js';

/** Opaque paging cursor: the sort spec it belongs to, and the last row's sort values and id. */
export interface CursorState {
  sort: string;
  values: unknown[];
  id: string;
}

export function encodeCursor(c: CursorState): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

export function decodeCursor(raw: string, sort: string): CursorState {
  try {
    if (raw.length > 4096) throw new Error('too long');
    const c = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as CursorState;
    const okValues = Array.isArray(c.values) && c.values.every((v) => v === null || ['string', 'number'].includes(typeof v));
    if (typeof c.id !== 'string' || !okValues || c.sort !== sort) throw new Error('shape');
    return c;
  } catch {
    throw invalidRequest('The cursor is not valid for this list (it may belong to another sort)', { field: 'cursor' });
  }
}
