/**
 * Whether the session of a signed-in user has been lost (a 401 after a user was known) since the
 * last sign-in or sign-out. Two places send such a user to sign in — the 401 handler
 * (app/session-lost.ts) and the route guard (RequireAuth) — and whichever of them navigates last
 * must still say "Your session has expired", so they share this one fact.
 */
let expired = false;

export function markSessionExpired(): void {
  expired = true;
}

export function sessionExpired(): boolean {
  return expired;
}

export function clearSessionExpired(): void {
  expired = false;
}
