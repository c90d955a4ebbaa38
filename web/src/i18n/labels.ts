import type { TFunction } from 'i18next';
import type { Field, ModuleSummary } from '../api/types';
import { i18n } from './index';

/**
 * Standard metadata (module names, field labels, layout sections, picklist options) is seeded in
 * English. It is shown translated while it still reads as seeded; anything an administrator
 * renamed or created is shown exactly as they wrote it.
 */
function english(key: string): string | undefined {
  const v = i18n.getResource('en', 'translation', key);
  return typeof v === 'string' ? v : undefined;
}

// i18next keys use '.' and ':' as separators; such values are never translated.
const KEY_SAFE = /^[\p{L}\p{N} ()%&/'-]+$/u;

function translatedIfSeeded(t: TFunction, keys: string[], text: string): string {
  for (const key of keys) {
    if (english(key) === text) return t(key);
  }
  return text;
}

export function moduleLabel(t: TFunction, m: Pick<ModuleSummary, 'apiName' | 'label' | 'custom'>): string {
  return m.custom ? m.label : translatedIfSeeded(t, [`metadata.modules.${m.apiName}.plural`], m.label);
}

export function moduleSingularLabel(t: TFunction, m: Pick<ModuleSummary, 'apiName' | 'singularLabel' | 'custom'>): string {
  return m.custom ? m.singularLabel : translatedIfSeeded(t, [`metadata.modules.${m.apiName}.singular`], m.singularLabel);
}

export function fieldLabel(t: TFunction, module: string, f: Pick<Field, 'apiName' | 'label' | 'custom'>): string {
  if (f.custom) return f.label;
  return translatedIfSeeded(
    t,
    // tags.fieldLabels: the standard Tags field came after the base catalogue (web/src/i18n/en/tags.json).
    [`metadata.fields.${module}.${f.apiName}`, `metadata.fields._.${f.apiName}`, `tags.fieldLabels.${f.apiName}`],
    f.label,
  );
}

export function optionLabel(t: TFunction, fieldApiName: string, option: { value: string; label: string }): string {
  if (!KEY_SAFE.test(option.value) || !KEY_SAFE.test(fieldApiName)) return option.label;
  return translatedIfSeeded(t, [`metadata.options.${fieldApiName}.${option.value}`], option.label);
}

/** Seeded layout section titles other than "<Module> Information". */
const SECTION_KEYS: Record<string, string> = {
  'Description Information': 'metadata.sections.description',
  'Conversion Information': 'metadata.sections.conversion',
};

export function sectionTitle(t: TFunction, m: ModuleSummary, title: string): string {
  if (title === `${m.singularLabel} Information`) return t('metadata.sections.information', { name: moduleSingularLabel(t, m) });
  const key = SECTION_KEYS[title];
  return key && english(key) === title ? t(key) : title;
}

/** "New lead", "Новая сделка": per standard module (grammar differs), generic for custom ones. */
export function newRecordTitle(t: TFunction, m: ModuleSummary): string {
  if (!m.custom && english(`metadata.modules.${m.apiName}.singular`) === m.singularLabel) return t(`metadata.modules.${m.apiName}.new`);
  return t('record.newOf', { name: moduleSingularLabel(t, m) });
}
