import { recordStageChanges } from './deal-stage-history.js';
import { promoteContactsOfWonDeals } from './deal-won-contact.js';
import type { AfterWriteRule } from './types.js';

/** What a deal write implies in the same transaction: its stage history and won customers. */
export const dealAfterWrite: AfterWriteRule = async (tx, writes) => {
  await recordStageChanges(tx, writes);
  await promoteContactsOfWonDeals(tx, writes);
};
