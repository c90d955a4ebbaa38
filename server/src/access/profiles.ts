import type { ActingUser, Ctx } from '../context.js';
import { forbidden } from '../errors.js';

/**
 * What a profile may do beyond records. Only two built-in profiles exist so far; when profiles
 * become data (SPEC USER-2) these predicates read the profile's permissions instead.
 */
export const isAdministrator = (user: ActingUser): boolean => user.profile === 'Administrator';

export const canManageMetadata = (user: ActingUser): boolean => isAdministrator(user);
export const canManageUsers = (user: ActingUser): boolean => isAdministrator(user);
export const canManageSettings = (user: ActingUser): boolean => isAdministrator(user);

export function requireAdmin(ctx: Ctx): void {
  if (!isAdministrator(ctx.user)) throw forbidden('Only administrators may do this');
}

export function requireManageMetadata(ctx: Ctx): void {
  if (!canManageMetadata(ctx.user)) throw forbidden('Only administrators may change modules, fields and layouts');
}

export function requireManageUsers(ctx: Ctx): void {
  if (!canManageUsers(ctx.user)) throw forbidden('Only administrators may manage users');
}

export function requireManageSettings(ctx: Ctx): void {
  if (!canManageSettings(ctx.user)) throw forbidden('Only administrators may change settings');
}
