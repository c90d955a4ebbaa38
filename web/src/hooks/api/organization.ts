import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Organization } from '../../api/types';
import { queryKeysFactory } from './query-keys';

/** Organisation settings (name, time zone, currency, locale). */
export const organizationQueryKeys = queryKeysFactory('organization');

export const organizationQuery = () =>
  queryOptions({
    queryKey: organizationQueryKeys.detail('current'),
    queryFn: ({ signal }) => api.get<{ data: Organization }>('/settings/organization', undefined, signal).then((r) => r.data),
    staleTime: 5 * 60_000,
  });

export function useOrganization() {
  return useQuery(organizationQuery());
}

export function useUpdateOrganization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: Partial<Organization>) => api.patch<{ data: Organization }>('/settings/organization', patch).then((r) => r.data),
    onSuccess: (org) => queryClient.setQueryData(organizationQueryKeys.detail('current'), org),
  });
}
