import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { API_BASE } from '../../api/client';
import { type AppNotification, notificationsQueryKeys } from '../../hooks/api/notifications';
import { kindLabel } from './kind-label';

/**
 * Listens to the server's notification stream (server-sent events, the session cookie signs it
 * in): each new notification refreshes the centre and the unread count and shows a toast.
 * EventSource reconnects by itself after a network failure.
 */
export function useLiveNotifications(enabled: boolean) {
  const queryClient = useQueryClient();
  const { t } = useTranslation();
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    const source = new EventSource(`${API_BASE}/notifications/stream`, { withCredentials: true });
    const onNotification = (e: MessageEvent<string>) => {
      let n: AppNotification;
      try {
        n = JSON.parse(e.data) as AppNotification;
      } catch {
        return;
      }
      void queryClient.invalidateQueries({ queryKey: notificationsQueryKeys.lists() });
      notifications.show({ id: `notification-${n.id}`, title: kindLabel(t, n.kind), message: n.title, autoClose: 8000 });
    };
    source.addEventListener('notification', onNotification as EventListener);
    return () => {
      source.removeEventListener('notification', onNotification as EventListener);
      source.close();
    };
  }, [enabled, queryClient, t]);
}
