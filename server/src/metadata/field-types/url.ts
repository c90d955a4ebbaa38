import { formatError, textLike } from './text-like.js';

export const url = textLike('url', 2000, (v, field) => {
  const t = v.trim();
  if (t === '') return '';
  let parsed: URL;
  try {
    parsed = new URL(t);
  } catch {
    throw formatError(field, 'an http or https URL');
  }
  if ((parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || !parsed.hostname) {
    throw formatError(field, 'an http or https URL');
  }
  return t;
});
