import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Layout } from '../../api/types';
import { modulesQueryKeys } from './modules';

/** Administrators' module writes beyond fields: deleting a custom module, saving a layout. */
export function useDeleteModule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (module: string) => api.delete<null>(`/modules/${module}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: modulesQueryKeys.all }),
  });
}

export type LayoutSections = Layout['sections'];

export function useUpdateLayout(module: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, sections }: { id: string; sections: LayoutSections }) =>
      api.patch<{ data: Layout }>(`/modules/${module}/layouts/${id}`, { sections }).then((r) => r.data),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: modulesQueryKeys.all }),
  });
}

export type DemoModule = 'accounts' | 'contacts' | 'leads' | 'deals' | 'tasks' | 'notes';
export interface DemoDataState {
  loaded: boolean;
  counts: Record<DemoModule, number>;
  operation: {
    action: 'load' | 'remove';
    status: 'running' | 'done' | 'failed';
    done: number;
    total: number;
    error: { code: string; message: string } | null;
    startedAt: string;
    finishedAt: string | null;
  } | null;
}

const demoKey = ['demo-data'] as const;
/** While a load or removal runs, the state is polled for its progress. */
const PROGRESS_POLL_MS = 500;

export function useDemoData() {
  return useQuery({
    queryKey: demoKey,
    queryFn: ({ signal }) => api.get<{ data: DemoDataState }>('/demo-data', undefined, signal).then((r) => r.data),
    refetchInterval: (q) => (q.state.data?.operation?.status === 'running' ? PROGRESS_POLL_MS : false),
  });
}

export function useDemoAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: 'load' | 'remove') =>
      (action === 'load' ? api.post<{ data: DemoDataState }>('/demo-data', {}) : api.delete<{ data: DemoDataState }>('/demo-data')).then(
        (r) => r.data,
      ),
    onSuccess: (state) => queryClient.setQueryData(demoKey, state),
  });
}
