import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Profile, User } from '../../api/types';
import { clearSessionExpired } from '../../lib/session-expiry';
import { queryKeysFactory } from './query-keys';

/** The signed-in user (GET /me); signing in and out. */
export const sessionQueryKeys = {
  ...queryKeysFactory('session'),
  me: () => ['session', 'me'] as const,
};

export const meQuery = () =>
  queryOptions({
    queryKey: sessionQueryKeys.me(),
    queryFn: ({ signal }) => api.get<{ user: User }>('/me', undefined, signal).then((r) => r.user),
    retry: false,
    staleTime: 5 * 60_000,
  });

export function useMe() {
  return useQuery(meQuery());
}

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
  role: string | null;
  profile: Profile;
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; password: string }) => api.post<{ user: SignedInUser }>('/auth/login', body),
    onSuccess: async () => {
      // Whatever was cached belonged to the previous session.
      queryClient.removeQueries();
      clearSessionExpired();
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<null>('/auth/logout'),
    onSettled: () => {
      queryClient.removeQueries();
      // Signing out is not a session expiring.
      clearSessionExpired();
    },
  });
}
