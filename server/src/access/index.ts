/** Who may do what: every permission question is answered here, never in routes. */
export {
  canManageMetadata,
  canManageSettings,
  canManageUsers,
  isAdministrator,
  requireAdmin,
  requireManageMetadata,
  requireManageSettings,
  requireManageUsers,
} from './profiles.js';
export { type RecordScope, recordScope } from './record-scope.js';
export { requireCanUpdateUser, SELF_EDITABLE_USER_FIELDS } from './users.js';
