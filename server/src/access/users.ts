import type { Ctx } from '../context.js';
import { DomainError, forbidden } from '../errors.js';
import { canManageUsers } from './profiles.js';

/** What anyone may change on their own user; profile, role and active stay with administrators. */
export const SELF_EDITABLE_USER_FIELDS: readonly string[] = ['name', 'timeZone', 'locale', 'password'];

/** Administrators may change any user; others only their own personal settings. */
export function requireCanUpdateUser(ctx: Ctx, targetId: string, fields: readonly string[]): void {
  if (canManageUsers(ctx.user)) return;
  if (targetId !== ctx.user.id) throw forbidden('Only administrators may change other users');
  const denied = fields.find((f) => !SELF_EDITABLE_USER_FIELDS.includes(f));
  if (denied) throw new DomainError('FORBIDDEN', `Only administrators may change '${denied}'`, { field: denied });
}
