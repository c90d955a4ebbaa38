import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api } from '../../api/client';
import type { HistoryEntry } from '../../api/types';

/** A record's timeline (GET /records/{module}/{id}/timeline), page by page. */
export const TIMELINE_KINDS = ['history', 'note', 'task', 'call', 'event', 'email'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export const timelineQueryKeys = {
  all: ['timeline'] as const,
  record: (module: string, id: string, kinds: readonly TimelineKind[]) => ['timeline', module, id, { kinds }] as const,
};

export interface TimelineItem {
  id: string;
  kind: TimelineKind;
  at: string;
  user: { id: string; name: string | null } | null;
  action?: HistoryEntry['action'];
  changes?: HistoryEntry['changes'];
  record?: { module: string; id: string; name: string | null };
  values?: Record<string, unknown>;
  email?: { to: string[]; subject: string; kind: string };
}

export interface FeedPage<T> {
  data: T[];
  info: { perPage: number; moreRecords: boolean; nextCursor?: string };
}

/**
 * Timelines and the home page gather what many modules hold, so any write the app makes (a note,
 * a completed task, an edit) may change them: refresh the given queries after every successful
 * mutation instead of tracking which module touches which record.
 */
export function useRefreshAfterWrites(queryKey: readonly unknown[]) {
  const queryClient = useQueryClient();
  const key = JSON.stringify(queryKey);
  useEffect(() => {
    const parsed = JSON.parse(key) as unknown[];
    return queryClient.getMutationCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'success') void queryClient.invalidateQueries({ queryKey: parsed });
    });
  }, [queryClient, key]);
}

export function useTimeline(module: string, id: string, kinds: readonly TimelineKind[], perPage = 25) {
  useRefreshAfterWrites(timelineQueryKeys.all);
  return useInfiniteQuery({
    queryKey: timelineQueryKeys.record(module, id, kinds),
    queryFn: ({ pageParam, signal }) =>
      api.get<FeedPage<TimelineItem>>(`/records/${module}/${id}/timeline`, { kinds: kinds.join(','), perPage, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.info.nextCursor,
  });
}
