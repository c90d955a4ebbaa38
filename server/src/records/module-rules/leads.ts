import { DomainError } from '../../errors.js';
import type { WriteRule } from './types.js';

/** A converted lead is kept as it was when converted: read-only for good. */
export const leadRules: WriteRule = (_ctx, _next, prev) => {
  if (prev?.converted === true) throw new DomainError('LEAD_CONVERTED', 'This lead has been converted and is read-only');
};
