import { createHash } from 'node:crypto';

/**
 * Session and API tokens are stored only as this hash, so a leaked database (or backup) holds
 * no usable credential. The secrets are 256 random bits, so a fast hash is enough (no salt or
 * stretching needed, unlike passwords).
 */
export const hashSecret = (secret: string): string => createHash('sha256').update(secret, 'utf8').digest('hex');

/** Longer than any token we issue: garbage is rejected before it reaches the database. */
export const MAX_SECRET_LENGTH = 200;
