import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Field, Layout, ModuleSummary } from '../../api/types';
import { queryKeysFactory } from './query-keys';

/** Module metadata: the modules, and each module's fields and layouts. */
export const modulesQueryKeys = {
  ...queryKeysFactory('modules'),
  fields: (module: string) => ['modules', 'detail', module, 'fields'] as const,
  layouts: (module: string) => ['modules', 'detail', module, 'layouts'] as const,
};

const METADATA_STALE_MS = 60_000;

/** Query definitions, shared by the hooks and by the warm-up at boot (app/warm-up.ts). */
export const modulesQuery = () =>
  queryOptions({
    queryKey: modulesQueryKeys.list(),
    queryFn: ({ signal }) => api.get<{ data: ModuleSummary[] }>('/modules', undefined, signal).then((r) => r.data),
    staleTime: METADATA_STALE_MS,
  });
export const fieldsQuery = (module: string) =>
  queryOptions({
    queryKey: modulesQueryKeys.fields(module),
    queryFn: ({ signal }) => api.get<{ data: Field[] }>(`/modules/${module}/fields`, undefined, signal).then((r) => r.data),
    staleTime: METADATA_STALE_MS,
  });
export const layoutsQuery = (module: string) =>
  queryOptions({
    queryKey: modulesQueryKeys.layouts(module),
    queryFn: ({ signal }) => api.get<{ data: Layout[] }>(`/modules/${module}/layouts`, undefined, signal).then((r) => r.data),
    staleTime: METADATA_STALE_MS,
  });

export function useModules() {
  return useQuery(modulesQuery());
}

/** One module's summary from the cached list (undefined while loading or when unknown). */
export function useModule(apiName: string | undefined) {
  const modules = useModules();
  return { ...modules, data: modules.data?.find((m) => m.apiName === apiName) };
}

export function useFields(module: string | undefined) {
  return useQuery({ ...fieldsQuery(module ?? ''), enabled: Boolean(module) });
}

export function useLayouts(module: string | undefined) {
  return useQuery({ ...layoutsQuery(module ?? ''), enabled: Boolean(module) });
}

/** Rename or hide a module (administrators). */
export function useUpdateModule(module: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: { label?: string; singularLabel?: string; hidden?: boolean }) =>
      api.patch<{ data: ModuleSummary }>(`/modules/${module}`, patch).then((r) => r.data),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: modulesQueryKeys.all }),
  });
}
