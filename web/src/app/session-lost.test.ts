import { QueryClient } from '@tanstack/react-query';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { sessionQueryKeys } from '../hooks/api/session';
import { clearSessionExpired, sessionExpired } from '../lib/session-expiry';
import { createSessionLostHandler } from './session-lost';

function fakeRouter(pathname: string, search = '') {
  return { state: { location: { pathname, search, hash: '' } }, navigate: vi.fn(async () => {}) };
}

describe('a lost session', () => {
  beforeEach(() => clearSessionExpired());

  it('sends a signed-in user to sign in, saying it expired, and remembers the page', async () => {
    const router = fakeRouter('/m/leads', '?q=ada');
    const qc = new QueryClient();
    qc.setQueryData(sessionQueryKeys.me(), { id: 'u1' });
    // The sign-in page must not find the old user in the cache when it opens.
    router.navigate.mockImplementation(async () => {
      expect(qc.getQueryData(sessionQueryKeys.me())).toBeUndefined();
    });
    const handle = createSessionLostHandler(router, qc);
    handle();
    handle(); // several requests failing at once redirect once
    expect(router.navigate).toHaveBeenCalledTimes(1);
    expect(router.navigate).toHaveBeenCalledWith('/login?expired=1&next=%2Fm%2Fleads%3Fq%3Dada', { replace: true });
    await vi.waitFor(() => expect(qc.getQueryData(sessionQueryKeys.me())).toBeUndefined());
    // The route guard, if its own redirect overtakes this one, says "expired" too.
    expect(sessionExpired()).toBe(true);
  });

  it('does not call a first visit "expired", and does nothing on the sign-in page', () => {
    const router = fakeRouter('/m/deals');
    createSessionLostHandler(router, new QueryClient())();
    expect(sessionExpired()).toBe(false);
    expect(router.navigate).toHaveBeenCalledWith('/login?next=%2Fm%2Fdeals', { replace: true });
    const onLogin = fakeRouter('/login');
    createSessionLostHandler(onLogin, new QueryClient())();
    expect(onLogin.navigate).not.toHaveBeenCalled();
  });
});
