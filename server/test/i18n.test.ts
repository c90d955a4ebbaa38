import { describe, expect, it } from 'vitest';
import {
  acceptedLanguages,
  CATALOGUES,
  interpolate,
  LANGUAGES,
  languageOf,
  type MessageKey,
  pickLanguage,
  t,
  translator,
} from '../src/i18n/index.js';

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('server texts (i18n)', () => {
  it('has every English text in every language, with the same {{parameters}} and nothing extra', () => {
    const keys = Object.keys(CATALOGUES.en).sort();
    expect(LANGUAGES).toEqual(['en', 'ru']);
    for (const lang of LANGUAGES) {
      const catalogue = CATALOGUES[lang] as Record<string, unknown>;
      expect(Object.keys(catalogue).sort(), lang).toEqual(keys);
      for (const key of keys) {
        const text = catalogue[key];
        expect(typeof text === 'string' && text.trim() !== '', `${lang}: ${key}`).toBe(true);
        expect(placeholders(text as string), `${lang}: ${key}`).toEqual(placeholders(CATALOGUES.en[key as MessageKey]));
      }
    }
    // A Russian text left in English is as much a gap as a missing one (the subject pattern has no words).
    const same = (k: string) => CATALOGUES.ru[k as MessageKey] === CATALOGUES.en[k as MessageKey];
    const untranslated = keys.filter((k) => k !== 'notification.subject' && same(k));
    expect(untranslated).toEqual([]);
  });

  it('chooses Russian for ru and its regional tags, English for anything else', () => {
    for (const l of ['ru', 'ru-RU', 'RU', 'ru_RU', ' ru-ua ']) expect(languageOf(l), l).toBe('ru');
    for (const l of ['en', 'en-US', 'pl-PL', 'rus', 'r', '', '*', null, undefined]) expect(languageOf(l), String(l)).toBe('en');
    expect(translator('ru-RU')).toMatchObject({ language: 'ru', dateLocale: 'ru-RU' });
    // English dates keep the format the emails always had.
    expect(translator('en-US')).toMatchObject({ language: 'en', dateLocale: 'en-GB' });
    expect(translator('fr').t('rsvp.accept')).toBe('Accept');
  });

  it('puts parameters into texts, once, and leaves unknown placeholders visible', () => {
    expect(t('en', 'invitation.invited', { title: 'Kick-off' })).toBe('You are invited to "Kick-off".');
    expect(t('ru-RU', 'invitation.invited', { title: 'Планёрка' })).toBe('Вы приглашены на встречу «Планёрка».');
    expect(t('ru', 'invitation.organiser', { name: 'Анна', email: 'anna@example.com' })).toBe('Организатор: Анна <anna@example.com>');
    expect(t('en', 'notification.subject', { kind: 'Reminder', title: 0 })).toBe('Reminder: 0');
    // A value that looks like a placeholder is text, not a template.
    expect(t('en', 'invitation.location', { location: '{{title}}' })).toBe('Location: {{title}}');
    expect(interpolate('{{a}} and {{ b }} and {{c}}', { a: 1, b: 'two' })).toBe('1 and two and {{c}}');
    expect(interpolate('{{constructor}}', {})).toBe('{{constructor}}');
  });

  it("reads Accept-Language by preference and falls back to the organisation's locale, then English", () => {
    expect(acceptedLanguages('de-DE,ru;q=0.9,en;q=0.8')).toEqual(['de-DE', 'ru', 'en']);
    expect(acceptedLanguages('en;q=0.5, ru')).toEqual(['ru', 'en']);
    expect(acceptedLanguages('ru;q=0, en-GB, *;q=0.1')).toEqual(['en-GB']);
    expect(acceptedLanguages('')).toEqual([]);
    expect(acceptedLanguages(undefined)).toEqual([]);
    // Empty entries are skipped; a weight that is no number counts as the default 1.
    expect(acceptedLanguages(',,;q=1, ru;q=abc')).toEqual(['ru']);
    expect(pickLanguage(...acceptedLanguages('de, ru;q=0.3'), 'en')).toBe('ru');
    expect(pickLanguage(...acceptedLanguages('de, fr'), 'ru-RU')).toBe('ru');
    expect(pickLanguage(...acceptedLanguages('*'), 'pl')).toBe('en');
    expect(pickLanguage()).toBe('en');
  });
});
