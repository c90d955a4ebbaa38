import { describe, expect, it } from 'vitest';
import {
  canManageMetadata,
  canManageSettings,
  canManageUsers,
  isAdministrator,
  recordScope,
  requireAdmin,
  requireCanUpdateUser,
  requireManageMetadata,
  requireManageSettings,
  requireManageUsers,
} from '../src/access/index.js';
import type { ActingUser, Ctx } from '../src/context.js';
import { DomainError } from '../src/errors.js';
import { parseLocale, parsePassword, parseTimeZone } from '../src/users/validate.js';

const user = (profile: ActingUser['profile'], id = 'u1'): ActingUser => ({
  id,
  email: `${id}@example.com`,
  name: id,
  profile,
  role: null,
  timeZone: 'UTC',
  locale: 'en',
});
// The access checks read only ctx.user; the rest of Ctx is irrelevant to them.
const ctxOf = (u: ActingUser) => ({ user: u }) as Ctx;

function codeOf(fn: () => void): string | undefined {
  try {
    fn();
    return undefined;
  } catch (err) {
    return err instanceof DomainError ? err.code : 'not a DomainError';
  }
}

describe('profile checks', () => {
  const admin = user('Administrator');
  const standard = user('Standard');

  it('lets administrators manage metadata, users and settings', () => {
    expect(isAdministrator(admin)).toBe(true);
    expect(canManageMetadata(admin)).toBe(true);
    expect(canManageUsers(admin)).toBe(true);
    expect(canManageSettings(admin)).toBe(true);
  });

  it('keeps the Standard profile away from metadata, users and settings', () => {
    expect(isAdministrator(standard)).toBe(false);
    expect(canManageMetadata(standard)).toBe(false);
    expect(canManageUsers(standard)).toBe(false);
    expect(canManageSettings(standard)).toBe(false);
  });

  it.each([requireAdmin, requireManageMetadata, requireManageUsers, requireManageSettings])(
    '%o throws FORBIDDEN for Standard and passes for Administrator',
    (check) => {
      expect(codeOf(() => check(ctxOf(standard)))).toBe('FORBIDDEN');
      expect(codeOf(() => check(ctxOf(admin)))).toBeUndefined();
    },
  );
});

describe('who may change a user', () => {
  it('lets an administrator change anything on anyone', () => {
    expect(codeOf(() => requireCanUpdateUser(ctxOf(user('Administrator')), 'other', ['profile', 'active']))).toBeUndefined();
  });

  it('lets anyone change their own name, time zone, locale and password', () => {
    const ctx = ctxOf(user('Standard', 'me'));
    expect(codeOf(() => requireCanUpdateUser(ctx, 'me', ['name', 'timeZone', 'locale', 'password']))).toBeUndefined();
  });

  it('refuses a Standard user their own profile, role or active flag', () => {
    const ctx = ctxOf(user('Standard', 'me'));
    for (const field of ['profile', 'role', 'active']) {
      expect(codeOf(() => requireCanUpdateUser(ctx, 'me', ['name', field]))).toBe('FORBIDDEN');
    }
  });

  it('refuses a Standard user any change to someone else', () => {
    expect(codeOf(() => requireCanUpdateUser(ctxOf(user('Standard', 'me')), 'other', ['name']))).toBe('FORBIDDEN');
  });
});

describe('record scope', () => {
  it('is null (all records) while every module is public read/write', () => {
    expect(recordScope(ctxOf(user('Standard')), 'leads')).toBeNull();
  });
});

describe('user attribute checks', () => {
  it('accepts IANA zones in their canonical spelling and refuses offsets and unknown zones', () => {
    expect(parseTimeZone('Europe/Paris')).toBe('Europe/Paris');
    expect(parseTimeZone('utc')).toBe('UTC');
    for (const bad of ['Mars/Olympus', '+01:00', '', 'Europe/Paris\u0000']) {
      expect(codeOf(() => parseTimeZone(bad))).toBe('INVALID_DATA');
    }
  });

  it('accepts language tags and stores them canonical', () => {
    expect(parseLocale('fr-ca')).toBe('fr-CA');
    expect(codeOf(() => parseLocale('not a locale'))).toBe('INVALID_DATA');
  });

  it('counts password length in characters: 8 to 1000', () => {
    expect(codeOf(() => parsePassword('1234567'))).toBe('INVALID_DATA');
    expect(parsePassword('🙂🙂🙂🙂🙂🙂🙂🙂')).toHaveLength(16);
    expect(codeOf(() => parsePassword('x'.repeat(1001)))).toBe('INVALID_DATA');
  });
});
