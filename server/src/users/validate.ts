import type { ProfileName } from '../context.js';
import { invalidData, requiredMissing } from '../errors.js';
import { email as emailType } from '../metadata/field-types/email.js';
import type { FieldDef } from '../metadata/types.js';

/**
 * Input checks for user attributes. They run in the service (not only in the HTTP schema) so
 * the CLI and first-run setup get the same answers. Lengths count code points, as people do.
 */

const codePoints = (v: string) => [...v].length;

function expectText(field: string, v: unknown): string {
  if (typeof v !== 'string') throw invalidData(field, `'${field}' must be a string`);
  if (v.includes('\u0000')) throw invalidData(field, `'${field}' may not contain a NUL character`);
  return v;
}

// The email field type already knows what one address looks like; borrow it with a field def.
const EMAIL_FIELD: FieldDef = {
  module: 'users',
  apiName: 'email',
  label: 'Email',
  type: 'email',
  required: true,
  unique: true,
  readOnly: false,
  custom: false,
  system: false,
  sortOrder: 0,
};

export function parseEmail(v: unknown): string {
  if (v === undefined || v === null || v === '') throw requiredMissing('email');
  const parsed = emailType.parse(v, EMAIL_FIELD, { current: null });
  if (typeof parsed !== 'string') throw requiredMissing('email');
  return parsed;
}

export function parseName(v: unknown): string {
  if (v === undefined || v === null) throw requiredMissing('name');
  const name = expectText('name', v).trim();
  if (name === '') throw requiredMissing('name');
  if (codePoints(name) > 255) throw invalidData('name', "'name' is longer than 255 characters", { maxLength: 255 });
  return name;
}

export function parsePassword(v: unknown): string {
  const password = expectText('password', v);
  const n = codePoints(password);
  if (n < 8) throw invalidData('password', "'password' must be at least 8 characters", { minLength: 8 });
  if (n > 1000) throw invalidData('password', "'password' is longer than 1000 characters", { maxLength: 1000 });
  return password;
}

export const PROFILES: readonly ProfileName[] = ['Administrator', 'Standard'];

export function parseProfile(v: unknown): ProfileName {
  if (!PROFILES.includes(v as ProfileName)) {
    throw invalidData('profile', `'profile' must be one of ${PROFILES.join(', ')}`, { allowed: PROFILES });
  }
  return v as ProfileName;
}

/** Roles are free text until the role hierarchy arrives; then this becomes a role id check. */
export function parseRole(v: unknown): string | null {
  if (v === undefined || v === null || v === '') return null;
  const role = expectText('role', v).trim();
  if (codePoints(role) > 255) throw invalidData('role', "'role' is longer than 255 characters", { maxLength: 255 });
  return role === '' ? null : role;
}

/** An IANA zone name, stored in its canonical spelling ('utc' → 'UTC'). */
export function parseTimeZone(v: unknown): string {
  const zone = expectText('timeZone', v).trim();
  // Intl also accepts offsets like '+01:00' on newer Node versions; they are not zones (no DST rules).
  if (zone.length > 64 || !/^[A-Za-z]/.test(zone)) throw badZone();
  try {
    return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    throw badZone();
  }
}
const badZone = () => invalidData('timeZone', "'timeZone' must be an IANA time zone such as 'Europe/Paris'");

/** A BCP 47 language tag, stored canonical ('en-us' → 'en-US'). */
export function parseLocale(v: unknown): string {
  const tag = expectText('locale', v).trim();
  const bad = () => invalidData('locale', "'locale' must be a language tag such as 'en' or 'fr-CA'");
  if (tag === '' || tag.length > 35) throw bad();
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    throw bad();
  }
}

export function parseActive(v: unknown): boolean {
  if (typeof v !== 'boolean') throw invalidData('active', "'active' must be true or false");
  return v;
}
