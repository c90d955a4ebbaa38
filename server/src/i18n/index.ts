/**
 * The server's own texts in the languages of the web app: invitation and notification emails and
 * the RSVP page. Plain objects and a {{name}} interpolation, so the server needs no i18n library.
 */
import { en, type MessageKey, type Messages } from './en.js';
import { ru } from './ru.js';

export type { MessageKey, Messages };

export const CATALOGUES = { en, ru } as const satisfies Record<string, Messages>;
export type Language = keyof typeof CATALOGUES;
export const LANGUAGES = Object.keys(CATALOGUES) as Language[];

/** Dates are written the way each language expects; English stays en-GB, as emails always were. */
const DATE_LOCALE: Record<Language, string> = { en: 'en-GB', ru: 'ru-RU' };

export type MessageParams = Record<string, string | number>;

/** The supported language of a BCP 47 tag ('ru-RU' and 'ru' → 'ru'), or undefined if there is none. */
export function supportedLanguage(locale: string | null | undefined): Language | undefined {
  const base = (locale ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return (LANGUAGES as string[]).includes(base) ? (base as Language) : undefined;
}

/** The language of a user's or the organisation's locale; anything unknown is English (as in the web app). */
export function languageOf(locale: string | null | undefined): Language {
  return supportedLanguage(locale) ?? 'en';
}

/** The first supported language among locales in order of preference, else English. */
export function pickLanguage(...locales: (string | null | undefined)[]): Language {
  for (const l of locales) {
    const lang = supportedLanguage(l);
    if (lang) return lang;
  }
  return 'en';
}

/**
 * The tags of an Accept-Language header, most preferred first (by q, then by order); `q=0`
 * means "not this one" and `*` names no language, so both are left out.
 */
export function acceptedLanguages(header: string | null | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .slice(0, 50)
    .map((part, i) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q\s*=\s*([0-9.]+)\s*$/i.exec(p)).find(Boolean);
      return { tag: tag.trim(), q: q ? Number(q[1]) : 1, i };
    })
    .filter((l) => l.tag !== '' && l.tag !== '*' && Number.isFinite(l.q) && l.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i)
    .map((l) => l.tag);
}

/** Puts the parameters into a text; one pass, so a value that itself looks like {{x}} stays as it is. */
export function interpolate(text: string, params: MessageParams = {}): string {
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
}

/** One text in the language of `locale` (a tag such as 'ru-RU', or a language); a missing text falls back to English. */
export function t(locale: string | null | undefined, key: MessageKey, params?: MessageParams): string {
  const lang = languageOf(locale);
  return interpolate(CATALOGUES[lang][key] ?? en[key] ?? key, params);
}

export interface Translator {
  language: Language;
  /** The locale for Intl date formats: 'en-GB' for English. */
  dateLocale: string;
  t(key: MessageKey, params?: MessageParams): string;
}

/** Texts and date locale of one language, chosen once for a whole email or page. */
export function translator(locale: string | null | undefined): Translator {
  const language = languageOf(locale);
  return { language, dateLocale: DATE_LOCALE[language], t: (key, params) => t(language, key, params) };
}
