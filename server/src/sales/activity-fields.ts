import type { Db, DialectName } from '../db/connection.js';
import { addStandardFieldIfMissing } from '../metadata/define.js';

/**
 * `lastActivityAt` on leads, accounts and deals (contacts have it from the start): kept by the
 * record service when an activity is logged (records/module-rules/last-activity.ts), so that
 * lists and board cards can show how long since the last contact (SPEC [CONT-1]). Migration 0006.
 */
export async function addLastActivityFields(db: Db, dialect: DialectName): Promise<void> {
  const seed = { apiName: 'lastActivityAt', label: 'Last Activity', type: 'datetime' as const, readOnly: true };
  for (const module of ['leads', 'accounts', 'deals']) await addStandardFieldIfMissing(db, dialect, module, seed);
}
