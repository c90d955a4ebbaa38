/** Choices for the first-run form, from the browser's own Intl data. */
/** IANA time zones; UTC and the browser's own zone are always among them (Chrome's list leaves out 'UTC'). */
export function timeZones(): string[] {
  let zones: string[];
  try {
    zones = Intl.supportedValuesOf('timeZone');
  } catch {
    zones = [];
  }
  const extra = ['UTC', browserTimeZone()].filter((z) => !zones.includes(z));
  return [...new Set([...extra, ...zones])];
}

export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

export function currencies(locale: string): { value: string; label: string }[] {
  let codes: string[];
  try {
    codes = Intl.supportedValuesOf('currency');
  } catch {
    codes = ['USD', 'EUR', 'GBP', 'RUB'];
  }
  let names: Intl.DisplayNames | null = null;
  try {
    names = new Intl.DisplayNames([locale], { type: 'currency' });
  } catch {
    names = null;
  }
  return codes.map((c) => ({ value: c, label: `${c} — ${names?.of(c) ?? c}` }));
}

/** Setup's API field names (details.field) → the form's inputs. */
export const SETUP_ERROR_FIELDS: Record<string, SetupField> = {
  'organization.name': 'orgName',
  'organization.timeZone': 'timeZone',
  'organization.currency': 'currency',
  'admin.name': 'name',
  name: 'name',
  'admin.email': 'email',
  email: 'email',
  'admin.password': 'password',
  password: 'password',
};

export type SetupField = 'orgName' | 'timeZone' | 'currency' | 'name' | 'email' | 'password' | 'confirm';
