import type { Clock } from './clock.js';
import type { Db, DialectName } from './db/connection.js';
import type { MetadataSnapshot } from './metadata/types.js';

export type ProfileName = 'Administrator' | 'Standard';

/** The user a service call acts for. */
export interface ActingUser {
  id: string;
  email: string;
  name: string;
  profile: ProfileName;
  role: string | null;
  timeZone: string;
  locale: string;
}

/**
 * What every service call receives: who acts, the database (or the open transaction), the
 * metadata snapshot it runs against, the clock, (with the organisation's settings in `meta.org`).
 */
export interface Ctx {
  db: Db;
  dialect: DialectName;
  meta: MetadataSnapshot;
  user: ActingUser;
  clock: Clock;
  /**
   * Set when a workflow action writes: its depth in a chain of rule-triggered writes, recorded on
   * the record events it causes so the automation engine can stop loops.
   */
  automation?: { depth: number; ruleId: string };
}

/** The same context inside a transaction. */
export const withDb = (ctx: Ctx, db: Db): Ctx => ({ ...ctx, db });
