import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { queryKeysFactory } from './query-keys';

/** The recycle bin: deleted records, restore, purge. */
export const recycleBinQueryKeys = queryKeysFactory('recycleBin');

export interface RecycleBinEntry {
  id: string;
  module: string;
  recordId: string;
  name: string | null;
  deletedAt: string;
  deletedBy: { id: string; name: string | null } | null;
}

export function useRecycleBin() {
  return useQuery({
    queryKey: recycleBinQueryKeys.list(),
    queryFn: ({ signal }) => api.get<{ data: RecycleBinEntry[] }>('/recycle-bin', { perPage: 200 }, signal).then((r) => r.data),
  });
}

export function useRestoreFromBin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (entry: RecycleBinEntry) => api.post<{ data: { module: string; id: string } }>(`/recycle-bin/${entry.id}/restore`),
    onSuccess: (_r, entry) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: recycleBinQueryKeys.all }),
        queryClient.invalidateQueries({ queryKey: ['records', entry.module] }),
        queryClient.invalidateQueries({ queryKey: ['search'] }),
      ]),
  });
}

export function usePurgeFromBin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (entry: RecycleBinEntry) => api.delete<null>(`/recycle-bin/${entry.id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: recycleBinQueryKeys.all }),
  });
}
