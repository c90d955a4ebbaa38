import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { CrmRecord } from '../../api/types';
import { createRecord, recordsQueryKeys } from './records';

/** The calendar page's items (GET /calendar/items), meetings, and the private iCalendar feed. */
export const calendarQueryKeys = {
  all: ['calendar'] as const,
  items: (from: string, to: string, users: string[]) => ['calendar', 'items', { from, to, users }] as const,
  feed: () => ['calendar', 'feed'] as const,
};

export interface CalendarItem {
  kind: 'event' | 'task';
  id: string;
  title: string;
  startAt: string;
  endAt: string | null;
  allDay: boolean;
  location: string | null;
  owner: { id: string; name: string | null } | null;
  status: string | null;
  completed: boolean;
  version: number;
}

export function useCalendarItems(range: { from: string; to: string } | null, users: string[]) {
  return useQuery<CalendarItem[]>({
    queryKey: calendarQueryKeys.items(range?.from ?? '', range?.to ?? '', users),
    queryFn: ({ signal }) =>
      api
        .get<{ data: CalendarItem[] }>(
          '/calendar/items',
          { from: range?.from, to: range?.to, users: users.length ? users.join(',') : undefined },
          signal,
        )
        .then((r) => r.data),
    enabled: range !== null,
    placeholderData: keepPreviousData,
  });
}

/** Moves a meeting (startAt/endAt) or a task (dueAt), guarded by the version shown. */
export function useReschedule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ item, startAt, endAt }: { item: CalendarItem; startAt: string; endAt: string | null }) => {
      const module = item.kind === 'event' ? 'events' : 'tasks';
      const values = item.kind === 'event' ? { startAt, endAt } : { dueAt: startAt };
      return api.patch<{ data: CrmRecord }>(`/records/${module}/${item.id}`, { data: values }, { 'if-match': String(item.version) });
    },
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: calendarQueryKeys.all }),
        queryClient.invalidateQueries({ queryKey: recordsQueryKeys.module('events') }),
        queryClient.invalidateQueries({ queryKey: recordsQueryKeys.module('tasks') }),
      ]),
  });
}

export type ParticipantInput = { type: 'user' | 'contact' | 'lead'; id: string } | { email: string };

export interface MeetingInput {
  title: string;
  startAt: string;
  endAt: string;
  allDay: boolean;
  location: string | null;
  relatedTo: { module: string; id: string } | null;
  participants: ParticipantInput[];
}

export function useCreateMeeting() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MeetingInput) => createRecord('events', { ...input }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: calendarQueryKeys.all }),
        queryClient.invalidateQueries({ queryKey: recordsQueryKeys.module('events') }),
        queryClient.invalidateQueries({ queryKey: ['timeline'] }),
      ]),
  });
}

export interface FeedInfo {
  createdAt: string;
}

export function useCalendarFeed() {
  return useQuery({
    queryKey: calendarQueryKeys.feed(),
    queryFn: ({ signal }) => api.get<{ data: FeedInfo | null }>('/calendar/feed', undefined, signal).then((r) => r.data),
  });
}

export function useCreateFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ data: FeedInfo & { url: string; token: string } }>('/calendar/feed').then((r) => r.data),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: calendarQueryKeys.feed() }),
  });
}

export function useRevokeFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete<void>('/calendar/feed'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: calendarQueryKeys.feed() }),
  });
}
