/**
 * Dates, numbers and money by the user's locale (Intl). Pure functions of their settings so
 * they are easy to test; `useFormat()` binds them to the signed-in user and the organisation.
 */
export interface FormatSettings {
  locale: string;
  timeZone?: string;
  currency: string;
}

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let f = cache.get(key) as T | undefined;
  if (!f) {
    f = make();
    cache.set(key, f);
  }
  return f;
}

function safeLocale(locale: string): string {
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? 'en';
  } catch {
    return 'en';
  }
}

/** A date-only value 'YYYY-MM-DD': shown as that calendar day, whatever the time zone. */
export function formatDate(value: string | null | undefined, s: FormatSettings): string {
  if (!value) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return value;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  const locale = safeLocale(s.locale);
  return cached(`d|${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' })).format(date);
}

/** An instant (ISO 8601), shown in the user's time zone. */
export function formatDateTime(value: string | null | undefined, s: FormatSettings): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const locale = safeLocale(s.locale);
  const timeZone = s.timeZone || undefined;
  return cached(
    `dt|${locale}|${timeZone ?? ''}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }),
  ).format(date);
}

export function formatNumber(value: number | null | undefined, s: FormatSettings, maximumFractionDigits = 20): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '';
  const locale = safeLocale(s.locale);
  return cached(`n|${locale}|${maximumFractionDigits}`, () => new Intl.NumberFormat(locale, { maximumFractionDigits })).format(value);
}

export function formatCurrency(value: number | null | undefined, s: FormatSettings, currency = s.currency): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '';
  const locale = safeLocale(s.locale);
  try {
    return cached(`c|${locale}|${currency}`, () => new Intl.NumberFormat(locale, { style: 'currency', currency })).format(value);
  } catch {
    return `${formatNumber(value, s, 2)} ${currency}`;
  }
}

export function formatPercent(value: number | null | undefined, s: FormatSettings): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '';
  const locale = safeLocale(s.locale);
  return cached(`p|${locale}`, () => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 })).format(value / 100);
}

/** The decimal separator of a locale ('.' in en, ',' in ru): for number inputs. */
export function decimalSeparator(locale: string): string {
  const parts = new Intl.NumberFormat(safeLocale(locale)).formatToParts(1.5);
  return parts.find((p) => p.type === 'decimal')?.value ?? '.';
}

/** The symbol a locale writes for a currency ('$', '€', '₽'...). */
export function currencySymbol(currency: string, locale: string): string {
  try {
    const parts = new Intl.NumberFormat(safeLocale(locale), { style: 'currency', currency, currencyDisplay: 'narrowSymbol' }).formatToParts(
      0,
    );
    return parts.find((p) => p.type === 'currency')?.value ?? currency;
  } catch {
    return currency;
  }
}
