/**
 * Where to go after signing in: only a path of this app (never another site, never the sign-in
 * or setup page itself), else home.
 */
export function safeNext(next: string | null | undefined): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (/^\/(login|setup)(?:[/?#]|$)/.test(next)) return '/';
  return next;
}

/** The sign-in address that brings the user back to `location` afterwards. */
export function loginPathFor(location: { pathname: string; search?: string; hash?: string }, extra: Record<string, string> = {}): string {
  const here = `${location.pathname}${location.search ?? ''}${location.hash ?? ''}`;
  const params = new URLSearchParams(extra);
  const next = safeNext(here);
  if (next !== '/') params.set('next', next);
  const qs = params.toString();
  return `/login${qs ? `?${qs}` : ''}`;
}
