import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { SavedView } from '../../api/types';
import { queryKeysFactory } from './query-keys';

/** Saved list views (GET/POST /views, GET/PATCH/DELETE /views/{id}). */
export const viewsQueryKeys = queryKeysFactory('views');

export type ViewInput = Partial<Pick<SavedView, 'module' | 'name' | 'shared' | 'filter' | 'sort' | 'fields' | 'perPage'>>;

export function useViews(module?: string) {
  return useQuery({
    queryKey: viewsQueryKeys.list({ module }),
    queryFn: ({ signal }) => api.get<{ data: SavedView[] }>('/views', { module }, signal).then((r) => r.data),
  });
}

export function useView(id: string | undefined) {
  return useQuery({
    queryKey: viewsQueryKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api.get<{ data: SavedView }>(`/views/${id}`, undefined, signal).then((r) => r.data),
    enabled: Boolean(id),
  });
}

export function useCreateView() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ViewInput) => api.post<{ data: SavedView }>('/views', input).then((r) => r.data),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: viewsQueryKeys.lists() }),
  });
}

export function useUpdateView() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: ViewInput }) =>
      api.patch<{ data: SavedView }>(`/views/${id}`, patch).then((r) => r.data),
    onSuccess: (view) => {
      queryClient.setQueryData(viewsQueryKeys.detail(view.id), view);
      return queryClient.invalidateQueries({ queryKey: viewsQueryKeys.lists() });
    },
  });
}

export function useDeleteView() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<null>(`/views/${id}`),
    onSuccess: (_r, id) => {
      queryClient.removeQueries({ queryKey: viewsQueryKeys.detail(id) });
      return queryClient.invalidateQueries({ queryKey: viewsQueryKeys.lists() });
    },
  });
}
