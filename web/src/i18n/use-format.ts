import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrganization } from '../hooks/api/organization';
import { useMe } from '../hooks/api/session';
import { type FormatSettings, formatCurrency, formatDate, formatDateTime, formatNumber, formatPercent } from './format';

/**
 * Formatters for the signed-in user: their locale (when it has the interface language, else the
 * interface language), their time zone, and the organisation's currency.
 */
export function useFormatSettings(): FormatSettings {
  const { i18n } = useTranslation();
  const me = useMe();
  const org = useOrganization();
  const userLocale = me.data?.locale;
  const language = i18n.language;
  const locale = userLocale?.toLowerCase().startsWith(language) ? userLocale : language;
  return useMemo(
    () => ({ locale, timeZone: me.data?.timeZone, currency: org.data?.currency ?? 'USD' }),
    [locale, me.data?.timeZone, org.data?.currency],
  );
}

export function useFormat() {
  const s = useFormatSettings();
  return useMemo(
    () => ({
      settings: s,
      date: (v: string | null | undefined) => formatDate(v, s),
      dateTime: (v: string | null | undefined) => formatDateTime(v, s),
      number: (v: number | null | undefined, maxFractionDigits?: number) => formatNumber(v, s, maxFractionDigits),
      currency: (v: number | null | undefined, currency?: string) => formatCurrency(v, s, currency),
      percent: (v: number | null | undefined) => formatPercent(v, s),
    }),
    [s],
  );
}
