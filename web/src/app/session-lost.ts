import type { QueryClient } from '@tanstack/react-query';
import { sessionQueryKeys } from '../hooks/api/session';
import { loginPathFor } from '../lib/safe-next';
import { markSessionExpired, sessionExpired } from '../lib/session-expiry';

interface RouterLike {
  state: { location: { pathname: string; search: string; hash: string } };
  navigate: (to: string, opts?: { replace?: boolean }) => Promise<void>;
}

/**
 * Any 401 from the API: send the user to sign in, remembering where they were. If they had been
 * signed in, the sign-in page says their session expired.
 *
 * The cache is emptied *before* navigating: the sign-in page treats a cached user as "already
 * signed in" and would otherwise bounce straight back to the page, whose guard would then send
 * the user to sign in a second time without the "expired" notice.
 */
export function createSessionLostHandler(router: RouterLike, queryClient: QueryClient): () => void {
  let redirecting = false;
  return () => {
    const { pathname, search, hash } = router.state.location;
    if (redirecting || pathname === '/login' || pathname === '/setup') return;
    redirecting = true;
    if (queryClient.getQueryData(sessionQueryKeys.me()) !== undefined) markSessionExpired();
    const hadSession = sessionExpired();
    void queryClient.cancelQueries();
    queryClient.removeQueries();
    void router.navigate(loginPathFor({ pathname, search, hash }, hadSession ? { expired: '1' } : {}), { replace: true }).finally(() => {
      redirecting = false;
    });
  };
}
