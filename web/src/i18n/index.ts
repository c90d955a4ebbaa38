import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import enBase from './en.json';

type Catalogue = Record<string, unknown>;

/**
 * Each feature may keep its strings in its own file, `en/<feature>.json` and `ru/<feature>.json`,
 * whose top-level keys are merged into the base catalogue (so features never edit one shared file).
 */
export function mergeCatalogues(base: Catalogue, parts: Catalogue[]): Catalogue {
  const out: Catalogue = { ...base };
  for (const part of parts) {
    for (const [k, v] of Object.entries(part)) {
      if (k in out) throw new Error(`i18n: the key "${k}" is defined twice`);
      out[k] = v;
    }
  }
  return out;
}

const enParts = import.meta.glob<Catalogue>('./en/*.json', { eager: true, import: 'default' });
const en = mergeCatalogues(enBase, Object.values(enParts));

/**
 * Interface languages. English ships in the main bundle; every other catalogue is loaded when
 * first chosen. Adding a language: a `<code>.json` beside en.json with every key, one line below.
 */
export const LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'ru', name: 'Русский' },
] as const;
export type LanguageCode = (typeof LANGUAGES)[number]['code'];

const ruParts = import.meta.glob<Catalogue>('./ru/*.json', { import: 'default' });
const loaders: Record<Exclude<LanguageCode, 'en'>, () => Promise<Catalogue>> = {
  ru: async () =>
    mergeCatalogues((await import('./ru.json')).default, await Promise.all(Object.values(ruParts).map((load) => load()))),
};

const STORAGE_KEY = 'rapport.language';

/** The catalogue for a BCP 47 tag: 'ru-RU' → 'ru'; anything unknown → 'en'. */
export function languageOf(locale: string | null | undefined): LanguageCode {
  const base = (locale ?? '').toLowerCase().split(/[-_]/)[0];
  return (LANGUAGES.find((l) => l.code === base)?.code ?? 'en') as LanguageCode;
}

function storedLanguage(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/** Before sign-in: the last language used in this browser, else the browser's own. */
export function initialLanguage(): LanguageCode {
  return languageOf(storedLanguage() ?? (typeof navigator === 'undefined' ? 'en' : navigator.language));
}

export async function setLanguage(locale: string | null | undefined): Promise<LanguageCode> {
  const lng = languageOf(locale);
  if (lng !== 'en' && !i18n.hasResourceBundle(lng, 'translation')) {
    const catalogue = await loaders[lng]();
    i18n.addResourceBundle(lng, 'translation', catalogue, true, true);
  }
  if (i18n.language !== lng) await i18n.changeLanguage(lng);
  document.documentElement.lang = lng;
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // Private mode: the language still follows the user's setting after sign-in.
  }
  return lng;
}

export async function initI18n(lng: LanguageCode = initialLanguage()): Promise<typeof i18n> {
  if (!i18n.isInitialized) {
    await i18n.use(initReactI18next).init({
      resources: { en: { translation: en } },
      lng: 'en',
      fallbackLng: 'en',
      interpolation: { escapeValue: false },
      returnNull: false,
    });
  }
  await setLanguage(lng);
  return i18n;
}

export { i18n };
