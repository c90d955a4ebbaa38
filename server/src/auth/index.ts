/** Passwords, sessions, API tokens and sign-in: the public surface of authentication. */
export { type ApiTokenInfo, createApiToken, listApiTokens, type NewApiToken, revokeApiToken } from './api-tokens.js';
export { authenticateRequest } from './authenticate.js';
export { ensureFirstAdmin } from './first-admin.js';
export { type LoginInput, type LoginResult, login, logout } from './login.js';
export { hashPassword, verifyPassword } from './password.js';
export { deleteSessionsOfUser, SESSION_TTL_MS } from './sessions.js';
export { LOGIN_WINDOW_MS, MAX_FAILED_LOGINS } from './throttle.js';
