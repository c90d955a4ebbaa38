import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { SearchHit } from '../../api/types';
import { queryKeysFactory } from './query-keys';

/** Search across modules (GET /search): the global search and lookup typeaheads. */
export const searchQueryKeys = queryKeysFactory('search');

export interface SearchQuery {
  q: string;
  modules?: string[];
  limit?: number;
}

export function searchRecords(query: SearchQuery, signal?: AbortSignal): Promise<SearchHit[]> {
  return api
    .get<{ data: SearchHit[] }>('/search', { q: query.q, modules: query.modules?.join(','), limit: query.limit }, signal)
    .then((r) => r.data);
}

export function useSearch(query: SearchQuery, options: { enabled?: boolean } = {}) {
  const q = query.q.trim();
  return useQuery({
    queryKey: searchQueryKeys.list({ ...query, q }),
    queryFn: ({ signal }) => searchRecords({ ...query, q }, signal),
    enabled: q.length > 0 && options.enabled !== false,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}
