import { invalidRequest } from '../errors.js';

/**
 * Where a page of a merged feed ends: the last item's instant, the rank of its source (items at
 * the same instant are ordered by source, then by id descending within it) and its id.
 */
export interface FeedCursor {
  at: number;
  rank: number;
  id: string | number;
}

export const encodeFeedCursor = (c: FeedCursor): string => Buffer.from(JSON.stringify([c.at, c.rank, c.id])).toString('base64url');

/** A forged or foreign cursor is refused as INVALID_REQUEST naming `cursor`. */
export function decodeFeedCursor(raw: string, maxRank: number): FeedCursor {
  try {
    const v = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as unknown;
    if (!Array.isArray(v) || v.length !== 3) throw new Error('shape');
    const [at, rank, id] = v as unknown[];
    if (!Number.isSafeInteger(at) || !Number.isInteger(rank) || (rank as number) < 0 || (rank as number) > maxRank)
      throw new Error('values');
    if (!(typeof id === 'string' && id.length > 0 && id.length <= 64) && !Number.isSafeInteger(id)) throw new Error('id');
    return { at: at as number, rank: rank as number, id: id as string | number };
  } catch {
    throw invalidRequest('The cursor is not valid for this feed', { field: 'cursor' });
  }
}
