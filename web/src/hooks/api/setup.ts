import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { queryKeysFactory } from './query-keys';
import type { SignedInUser } from './session';

/** First-run setup: GET /setup says whether it is needed, POST /setup does it once and signs in. */
export const setupQueryKeys = {
  ...queryKeysFactory('setup'),
  status: () => ['setup', 'status'] as const,
};

export function useSetupStatus() {
  return useQuery({
    queryKey: setupQueryKeys.status(),
    queryFn: ({ signal }) => api.get<{ needed: boolean }>('/setup', undefined, signal).then((r) => r.needed),
    staleTime: 0,
  });
}

export interface SetupInput {
  organization: { name: string; timeZone?: string; currency?: string; locale?: string };
  admin: { name: string; email: string; password: string };
}

export function useRunSetup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SetupInput) => api.post<{ user: SignedInUser }>('/setup', input),
    onSuccess: () => {
      queryClient.removeQueries();
      queryClient.setQueryData(setupQueryKeys.status(), false);
    },
  });
}
