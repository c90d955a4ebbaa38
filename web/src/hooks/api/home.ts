import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { CrmRecord } from '../../api/types';
import { type FeedPage, useRefreshAfterWrites } from './timeline';

/** The home dashboard (GET /home) and its activity feed (GET /home/feed). */
export const homeQueryKeys = {
  all: ['home'] as const,
  summary: (pipeline: string | undefined) => ['home', 'summary', { pipeline }] as const,
  feed: (scope: FeedScope) => ['home', 'feed', { scope }] as const,
};

export interface Totals {
  count: number;
  amount: number;
}

export interface StageSummary extends Totals {
  stageId: string;
  name: string;
  kind: 'open' | 'won' | 'lost' | 'unqualified';
}

export interface HomeSummary {
  today: string;
  timeZone: string;
  pipeline: { id: string; name: string; stages: StageSummary[]; open: Totals } | null;
  closed: { from: string; to: string; won: Totals; lost: Totals; unqualified: Totals };
  tasks: { open: number; overdue: number; items: (CrmRecord & { overdue: boolean })[] };
  meetings: { items: (CrmRecord & { today: boolean })[] };
}

export type FeedScope = 'all' | 'mine';
export type FeedType = 'created' | 'note' | 'taskCompleted' | 'stageChanged' | 'statusChanged';
export interface RecordRef {
  module: string;
  id: string;
  name: string | null;
}
export interface FeedItem {
  id: string;
  type: FeedType;
  at: string;
  user: { id: string; name: string | null } | null;
  record: RecordRef;
  change?: { field: string; old: unknown; new: unknown };
  relatedTo?: RecordRef | null;
  content?: string | null;
}

export function useHomeSummary(pipeline: string | undefined) {
  useRefreshAfterWrites(homeQueryKeys.all);
  return useQuery<HomeSummary>({
    queryKey: homeQueryKeys.summary(pipeline),
    queryFn: ({ signal }) => api.get<{ data: HomeSummary }>('/home', { pipeline }, signal).then((r) => r.data),
    placeholderData: (previous) => previous,
  });
}

export function useHomeFeed(scope: FeedScope, perPage = 20) {
  return useInfiniteQuery({
    queryKey: homeQueryKeys.feed(scope),
    queryFn: ({ pageParam, signal }) => api.get<FeedPage<FeedItem>>('/home/feed', { scope, perPage, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.info.nextCursor,
  });
}
