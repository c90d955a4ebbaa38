import { invalidData } from '../../errors.js';
import type { WriteRule } from './types.js';

/** A meeting cannot end before it starts. */
export const eventRules: WriteRule = (_ctx, next) => {
  if (typeof next.startAt === 'string' && typeof next.endAt === 'string' && Date.parse(next.endAt) < Date.parse(next.startAt)) {
    throw invalidData('endAt', 'The end of a meeting cannot be before its start');
  }
};
