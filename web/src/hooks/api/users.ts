import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Profile, User } from '../../api/types';
import { queryKeysFactory } from './query-keys';
import { sessionQueryKeys } from './session';

/** Users of the organisation. */
export const usersQueryKeys = queryKeysFactory('users');

export function useUsers() {
  return useQuery({
    queryKey: usersQueryKeys.list(),
    queryFn: ({ signal }) => api.get<{ data: User[] }>('/users', undefined, signal).then((r) => r.data),
    staleTime: 60_000,
  });
}

export function useUser(id: string | undefined) {
  return useQuery({
    queryKey: usersQueryKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api.get<{ data: User }>(`/users/${id}`, undefined, signal).then((r) => r.data),
    enabled: Boolean(id),
  });
}

export interface UserPatch {
  name?: string;
  profile?: Profile;
  role?: string | null;
  active?: boolean;
  timeZone?: string;
  locale?: string;
  password?: string;
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: UserPatch }) => api.patch<{ data: User }>(`/users/${id}`, patch).then((r) => r.data),
    onSuccess: (user) => {
      queryClient.setQueryData(usersQueryKeys.detail(user.id), user);
      queryClient.setQueryData<User>(sessionQueryKeys.me(), (me) => (me && me.id === user.id ? user : me));
      return queryClient.invalidateQueries({ queryKey: usersQueryKeys.lists() });
    },
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: {
      email: string;
      name: string;
      password?: string;
      profile: Profile;
      role?: string | null;
      timeZone?: string;
      locale?: string;
    }) => api.post<{ data: User }>('/users', body).then((r) => r.data),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersQueryKeys.lists() }),
  });
}
