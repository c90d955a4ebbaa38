import type { QueryClient } from '@tanstack/react-query';
import { sessionQueryKeys } from '../hooks/api/session';
import { loginPathFor } from '../lib/safe-next';

interface RouterLike {
  state: { location: { pathname: string; search: string; hash: string } };
  navigate: (to: string, opts?: { replace?: boolean }) => Promise<void>;
}

/**
 * Any 401 from the API: send the user to sign in, remembering where they were. If they had been
 * signed in, the sign-in page says their session expired.
 */
export function createSessionLostHandler(router: RouterLike, queryClient: QueryClient): () => void {
  let redirecting = false;
  return () => {
    const { pathname, search, hash } = router.state.location;
    if (redirecting || pathname === '/login' || pathname === '/setup') return;
    redirecting = true;
    const hadSession = queryClient.getQueryData(sessionQueryKeys.me()) !== undefined;
    void router.navigate(loginPathFor({ pathname, search, hash }, hadSession ? { expired: '1' } : {}), { replace: true }).finally(() => {
      queryClient.removeQueries();
      redirecting = false;
    });
  };
}
