import { requireManageSettings } from '../access/index.js';
import type { Ctx } from '../context.js';
import { invalidData } from '../errors.js';
import { bumpMetaVersion } from '../metadata/snapshot.js';
import type { OrganizationSettings } from '../metadata/types.js';

const CURRENCY = /^[A-Z]{3}$/;
const LOCALE = /^[a-z]{2,3}(-[A-Z][a-zA-Z]{1,3})?$/;

export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return tz.length <= 64;
  } catch {
    return false;
  }
}

/** Company name, time zone (relative date filters use it), home currency and default locale. */
export async function updateOrganization(ctx: Ctx, patch: Partial<Record<keyof OrganizationSettings, unknown>>): Promise<OrganizationSettings> {
  requireManageSettings(ctx);
  const next: OrganizationSettings = { ...ctx.meta.org };
  if (patch.name !== undefined) {
    if (typeof patch.name !== 'string' || !patch.name.trim() || [...patch.name].length > 200 || /\p{Cc}/u.test(patch.name)) {
      throw invalidData('name', 'name must be 1–200 characters');
    }
    next.name = patch.name.trim();
  }
  if (patch.timeZone !== undefined) {
    if (typeof patch.timeZone !== 'string' || !isTimeZone(patch.timeZone)) throw invalidData('timeZone', 'timeZone must be an IANA time zone, e.g. Europe/Warsaw');
    next.timeZone = patch.timeZone;
  }
  if (patch.currency !== undefined) {
    if (typeof patch.currency !== 'string' || !CURRENCY.test(patch.currency)) throw invalidData('currency', 'currency must be an ISO 4217 code, e.g. EUR');
    next.currency = patch.currency;
  }
  if (patch.locale !== undefined) {
    if (typeof patch.locale !== 'string' || !LOCALE.test(patch.locale)) throw invalidData('locale', 'locale must be a language tag, e.g. en or pl-PL');
    next.locale = patch.locale;
  }
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('settings')
      .values({ key: 'organization', value: JSON.stringify(next) })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(next) }))
      .execute();
    await bumpMetaVersion(trx);
  });
  return next;
}
