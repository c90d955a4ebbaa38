import { API_NAME_PATTERN } from './types.js';

/** "Annual Budget" → "annualBudget"; accents dropped; a leading digit gets a prefix. */
export function apiNameFromLabel(label: string, fallback = 'field'): string {
  const words = label
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  if (words.length === 0) return fallback;
  let name = words
    .map((w, i) => (i === 0 ? w.charAt(0).toLowerCase() + w.slice(1) : w.charAt(0).toUpperCase() + w.slice(1)))
    .join('');
  if (!/^[a-z]/.test(name)) name = `${fallback}${name.charAt(0).toUpperCase()}${name.slice(1)}`;
  return name.slice(0, 60);
}

export function isValidApiName(name: string): boolean {
  return API_NAME_PATTERN.test(name) && name.length <= 60;
}

/** The first of name, name2, name3… that is not taken. */
export function freeName(base: string, taken: (n: string) => boolean): string {
  if (!taken(base)) return base;
  for (let i = 2; ; i++) if (!taken(`${base}${i}`)) return `${base}${i}`;
}
