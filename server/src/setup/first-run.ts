import { sql } from 'kysely';
import { hashPassword } from '../auth/index.js';
import type { Clock } from '../clock.js';
import type { Db, DialectName } from '../db/connection.js';
import { conflict, invalidData } from '../errors.js';
import { bumpMetaVersion, loadSnapshot } from '../metadata/snapshot.js';
import type { OrganizationSettings } from '../metadata/types.js';
import { isTimeZone } from '../settings/index.js';
import { insertUser } from '../users/index.js';
import { parseEmail, parsePassword } from '../users/validate.js';

export interface FirstRunInput {
  organization: { name?: unknown; timeZone?: unknown; currency?: unknown; locale?: unknown };
  admin: { name?: unknown; email?: unknown; password?: unknown };
}

export async function isSetupNeeded(db: Db): Promise<boolean> {
  return !(await db.selectFrom('users').select('id').limit(1).executeTakeFirst());
}

function text(v: unknown, field: string, max: number): string {
  if (typeof v !== 'string' || !v.trim() || [...v].length > max || /\p{Cc}/u.test(v)) {
    throw invalidData(field, `'${field}' must be 1–${max} characters`);
  }
  return v.trim();
}

/**
 * The web app's first-run setup on an empty database: the organisation and its first
 * administrator, at most once (a second attempt, even a concurrent one, is a 409 CONFLICT).
 */
export async function runFirstSetup(db: Db, dialect: DialectName, clock: Clock, input: FirstRunInput): Promise<{ email: string }> {
  const orgName = text(input.organization?.name, 'organization.name', 200);
  const tz = input.organization?.timeZone ?? 'UTC';
  if (typeof tz !== 'string' || !isTimeZone(tz)) throw invalidData('organization.timeZone', 'timeZone must be an IANA time zone');
  const currency = input.organization?.currency ?? 'USD';
  if (typeof currency !== 'string' || !/^[A-Z]{3}$/.test(currency)) throw invalidData('organization.currency', 'currency must be an ISO 4217 code');
  const locale = input.organization?.locale ?? 'en';
  if (typeof locale !== 'string' || !/^[a-z]{2,3}(-[A-Z][a-zA-Z]{1,3})?$/.test(locale)) throw invalidData('organization.locale', 'locale must be a language tag');
  const name = text(input.admin?.name, 'admin.name', 255);
  const email = parseEmail(input.admin?.email);
  const passwordHash = await hashPassword(parsePassword(input.admin?.password));
  await db.transaction().execute(async (trx) => {
    if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(724003)`.execute(trx);
    if (!(await isSetupNeeded(trx))) throw conflict('Rapport is already set up: sign in instead');
    const org: OrganizationSettings = { ...(await loadSnapshot(trx)).org, name: orgName, timeZone: tz, currency, locale };
    await trx
      .insertInto('settings')
      .values({ key: 'organization', value: JSON.stringify(org) })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(org) }))
      .execute();
    await bumpMetaVersion(trx);
    await insertUser(trx, clock, { email, name, passwordHash, profile: 'Administrator', role: null, timeZone: tz, locale });
  });
  return { email };
}
