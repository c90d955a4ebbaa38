import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { queryKeysFactory } from './query-keys';

/** The signed-in user's notifications, their settings and custom notifications (API.md "Notifications"). */
export const notificationsQueryKeys = {
  ...queryKeysFactory('notifications'),
  settings: () => ['notifications', 'settings'] as const,
  subscriptions: () => ['notifications', 'subscriptions'] as const,
};

export const NOTIFICATION_KINDS = ['assigned', 'reminder', 'mention', 'rsvp', 'invitation', 'custom'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
export const CHANNELS = ['inApp', 'email', 'off'] as const;
export type Channel = (typeof CHANNELS)[number];

export interface AppNotification {
  id: string;
  kind: string;
  title: string;
  body?: string;
  record?: { module: string; id: string; name: string | null };
  createdAt: string;
  read: boolean;
}

export interface NotificationList {
  data: AppNotification[];
  unreadCount: number;
}

export function useNotifications() {
  return useQuery({
    queryKey: notificationsQueryKeys.list(),
    queryFn: ({ signal }) => api.get<NotificationList>('/notifications', undefined, signal),
  });
}

export function useMarkNotificationRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<{ data: AppNotification }>(`/notifications/${id}/read`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationsQueryKeys.lists() }),
  });
}

export function useMarkAllNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ updated: number }>('/notifications/read-all'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationsQueryKeys.lists() }),
  });
}

export function useNotificationSettings() {
  return useQuery({
    queryKey: notificationsQueryKeys.settings(),
    queryFn: ({ signal }) =>
      api.get<{ data: Record<NotificationKind, Channel> }>('/notifications/settings', undefined, signal).then((r) => r.data),
  });
}

export function useUpdateNotificationSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: Partial<Record<NotificationKind, Channel>>) =>
      api.patch<{ data: Record<NotificationKind, Channel> }>('/notifications/settings', changes).then((r) => r.data),
    onSuccess: (data) => queryClient.setQueryData(notificationsQueryKeys.settings(), data),
  });
}

export const SUBSCRIBABLE_MODULES = ['leads', 'contacts', 'deals'] as const;
export const TRIGGERS = ['created', 'fieldChanged', 'stageChanged', 'taskAdded'] as const;
export type Trigger = (typeof TRIGGERS)[number];

export interface Subscription {
  id: string;
  name: string;
  module: string;
  trigger: Trigger;
  fields: string[];
  criteria: unknown;
  active: boolean;
  createdAt: string;
}

export type SubscriptionInput = Pick<Subscription, 'name' | 'module' | 'trigger' | 'fields' | 'criteria'> & { active?: boolean };

export function useSubscriptions() {
  return useQuery({
    queryKey: notificationsQueryKeys.subscriptions(),
    queryFn: ({ signal }) => api.get<{ data: Subscription[] }>('/notifications/subscriptions', undefined, signal).then((r) => r.data),
  });
}

export function useCreateSubscription() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SubscriptionInput) => api.post<{ data: Subscription }>('/notifications/subscriptions', input).then((r) => r.data),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationsQueryKeys.subscriptions() }),
  });
}

export function useUpdateSubscription() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: Partial<SubscriptionInput> }) =>
      api.patch<{ data: Subscription }>(`/notifications/subscriptions/${id}`, patch).then((r) => r.data),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationsQueryKeys.subscriptions() }),
  });
}

export function useDeleteSubscription() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<{ id: string; deleted: boolean }>(`/notifications/subscriptions/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationsQueryKeys.subscriptions() }),
  });
}
