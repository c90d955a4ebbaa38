import { formatError, textLike } from './text-like.js';

// One address: local@domain with a dot in the domain, no spaces, no display name.
const EMAIL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~\u00a0-\uffff-]+@[A-Za-z0-9\u00a0-\uffff](?:[A-Za-z0-9\u00a0-\uffff-]*[A-Za-z0-9\u00a0-\uffff])?(?:\.[A-Za-z0-9\u00a0-\uffff](?:[A-Za-z0-9\u00a0-\uffff-]*[A-Za-z0-9\u00a0-\uffff])?)+$/;

export const email = textLike('email', 255, (v, field) => {
  const t = v.trim();
  if (t === '') return '';
  if (!EMAIL.test(t) || t.length > 254 || t.split('@')[0].length > 64) throw formatError(field, 'one email address');
  return t;
});
