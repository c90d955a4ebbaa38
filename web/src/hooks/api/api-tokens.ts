import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { queryKeysFactory } from './query-keys';

/** The signed-in user's API tokens. */
export const apiTokensQueryKeys = queryKeysFactory('apiTokens');

export interface ApiTokenInfo {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export function useApiTokens() {
  return useQuery({
    queryKey: apiTokensQueryKeys.list(),
    queryFn: ({ signal }) => api.get<{ data: ApiTokenInfo[] }>('/api-tokens', undefined, signal).then((r) => r.data),
  });
}

export function useCreateApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => api.post<{ id: string; name: string; token: string }>('/api-tokens', { name }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiTokensQueryKeys.all }),
  });
}

export function useRevokeApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<null>(`/api-tokens/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiTokensQueryKeys.all }),
  });
}
