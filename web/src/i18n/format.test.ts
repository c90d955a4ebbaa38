import { describe, expect, it } from 'vitest';
import { currencySymbol, decimalSeparator, formatCurrency, formatDate, formatDateTime, formatNumber, formatPercent } from './format';

const en = { locale: 'en-US', timeZone: 'Europe/Berlin', currency: 'EUR' };
const ru = { locale: 'ru', timeZone: 'Europe/Moscow', currency: 'RUB' };
const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('locale formatting', () => {
  it('formats money in the organisation currency by the user locale', () => {
    expect(formatCurrency(1250000, en)).toBe('€1,250,000.00');
    expect(nbsp(formatCurrency(1250000.5, ru))).toBe('1 250 000,50 ₽');
    expect(formatCurrency(10, en, 'USD')).toBe('$10.00');
    expect(formatCurrency(null, en)).toBe('');
  });

  it('formats numbers and percentages', () => {
    expect(formatNumber(1234.5, en)).toBe('1,234.5');
    expect(nbsp(formatNumber(1234.5, ru))).toBe('1 234,5');
    expect(formatPercent(12.5, en)).toBe('12.5%');
    expect(nbsp(formatPercent(75, ru))).toBe('75 %');
  });

  it('shows a date-only value as that calendar day in every time zone', () => {
    expect(formatDate('2026-03-01', { ...en, timeZone: 'Pacific/Honolulu' })).toBe('Mar 1, 2026');
    expect(formatDate('2026-03-01', ru)).toBe('1 мар. 2026 г.');
  });

  it("shows an instant in the user's time zone", () => {
    expect(formatDateTime('2026-03-01T12:00:00Z', en)).toBe('Mar 1, 2026, 1:00 PM');
    expect(formatDateTime('2026-03-01T12:00:00Z', ru)).toBe('1 мар. 2026 г., 15:00');
  });

  it('knows the decimal separator and currency symbol of a locale', () => {
    expect(decimalSeparator('en')).toBe('.');
    expect(decimalSeparator('ru')).toBe(',');
    expect(currencySymbol('EUR', 'en')).toBe('€');
    expect(currencySymbol('RUB', 'ru')).toBe('₽');
  });
});
