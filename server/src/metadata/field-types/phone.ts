import { formatError, textLike } from './text-like.js';

// Loose on purpose: people write numbers many ways; we refuse only what cannot be a number.
const PHONE = /^[0-9+()\-./\s#*x]*(?:ext\.?\s*[0-9]+)?$/i;

export const phone = textLike('phone', 50, (v, field) => {
  const t = v.trim();
  if (t === '') return '';
  if (!PHONE.test(t) || !/[0-9]/.test(t)) throw formatError(field, 'a phone number');
  return t;
});
