import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { RecordList } from '../../api/types';

/**
 * Records of `relatedModule` linked to one record (its lookups or an activity's relatedTo).
 * The key starts with ['records', relatedModule] so any write to that module refreshes it.
 */
export const relatedQueryKeys = {
  related: (relatedModule: string, module: string, id: string) => ['records', relatedModule, 'related', module, id] as const,
};

export function useRelatedRecords(module: string | undefined, id: string | undefined, relatedModule: string, perPage = 20) {
  return useQuery({
    queryKey: relatedQueryKeys.related(relatedModule, module ?? '', id ?? ''),
    queryFn: ({ signal }) => api.get<RecordList>(`/records/${module}/${id}/related/${relatedModule}`, { perPage, sort: '-createdAt' }, signal),
    enabled: Boolean(module && id),
  });
}
