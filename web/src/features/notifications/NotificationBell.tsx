import { ActionIcon, Button, Group, Indicator, Popover, ScrollArea, Stack, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { IconBell, IconCheck, IconChecks } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  type AppNotification,
  useMarkAllNotificationsRead,
  useMarkNotificationRead,
  useNotifications,
} from '../../hooks/api/notifications';
import { useFormat } from '../../i18n/use-format';
import { kindLabel } from './kind-label';
import { useLiveNotifications } from './use-live-notifications';

/** The header's bell: unread count, and the notification centre (list, mark read, open the record). */
export function NotificationBell() {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const list = useNotifications();
  useLiveNotifications(list.isSuccess || list.isError);
  const unread = list.data?.unreadCount ?? 0;
  const label = unread > 0 ? t('notificationCentre.openUnread', { count: unread }) : t('notificationCentre.open');
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={360} shadow="md" withinPortal trapFocus>
      {/* The Popover gives its target the aria-expanded/aria-controls of a disclosure: it must be the button itself. */}
      <Popover.Target>
        <ActionIcon variant="subtle" size="lg" aria-label={label} onClick={() => setOpened((o) => !o)}>
          <Indicator label={unread > 99 ? '99+' : unread} size={18} disabled={unread === 0} offset={-2} color="red" aria-hidden>
            <IconBell size={20} aria-hidden />
          </Indicator>
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown p={0}>
        <NotificationCentre
          notifications={list.data?.data ?? []}
          unread={unread}
          loading={list.isLoading}
          onNavigate={() => setOpened(false)}
        />
      </Popover.Dropdown>
    </Popover>
  );
}

function NotificationCentre(props: { notifications: AppNotification[]; unread: number; loading: boolean; onNavigate: () => void }) {
  const { t } = useTranslation();
  const markAll = useMarkAllNotificationsRead();
  return (
    <section aria-label={t('notificationCentre.title')}>
      <Group justify="space-between" px="md" py="sm" wrap="nowrap">
        <Text fw={600} component="h2" size="md" m={0}>
          {t('notificationCentre.title')}
        </Text>
        <Button
          size="compact-sm"
          variant="subtle"
          leftSection={<IconChecks size={16} aria-hidden />}
          disabled={props.unread === 0}
          loading={markAll.isPending}
          onClick={() => markAll.mutate()}
        >
          {t('notificationCentre.markAllRead')}
        </Button>
      </Group>
      <ScrollArea.Autosize mah={420}>
        {props.loading ? (
          <Text px="md" pb="md" c="dimmed" size="sm">
            {t('common.loading')}
          </Text>
        ) : props.notifications.length === 0 ? (
          <Text px="md" pb="md" c="dimmed" size="sm">
            {t('notificationCentre.empty')}
          </Text>
        ) : (
          <Stack gap={0} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {props.notifications.map((n) => (
              <NotificationItem key={n.id} n={n} onNavigate={props.onNavigate} />
            ))}
          </Stack>
        )}
      </ScrollArea.Autosize>
    </section>
  );
}

function NotificationItem({ n, onNavigate }: { n: AppNotification; onNavigate: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const navigate = useNavigate();
  const markRead = useMarkNotificationRead();
  const open = () => {
    if (!n.read) markRead.mutate(n.id);
    if (n.record) {
      onNavigate();
      navigate(`/m/${n.record.module}/${n.record.id}`);
    }
  };
  const detail = n.kind === 'reminder' && n.body ? t('notificationCentre.due', { at: fmt.dateTime(n.body) }) : n.body;
  return (
    <Group
      component="li"
      wrap="nowrap"
      gap="xs"
      px="md"
      py="xs"
      align="flex-start"
      bg={n.read ? undefined : 'var(--mantine-color-blue-light)'}
    >
      <UnstyledButton
        onClick={open}
        style={{ flex: 1, minWidth: 0 }}
        aria-label={`${kindLabel(t, n.kind)}: ${n.title}${n.read ? '' : ` (${t('notificationCentre.unread')})`}`}
      >
        <Text size="xs" c="dimmed">
          {kindLabel(t, n.kind)} · {fmt.dateTime(n.createdAt)}
        </Text>
        <Text size="sm" fw={n.read ? 400 : 600} lineClamp={2}>
          {n.title}
        </Text>
        {detail && (
          <Text size="xs" c="dimmed" lineClamp={2}>
            {detail}
          </Text>
        )}
      </UnstyledButton>
      {!n.read && (
        <Tooltip label={t('notificationCentre.markRead')}>
          <ActionIcon
            variant="subtle"
            size="sm"
            aria-label={t('notificationCentre.markReadOne', { title: n.title })}
            onClick={() => markRead.mutate(n.id)}
          >
            <IconCheck size={14} aria-hidden />
          </ActionIcon>
        </Tooltip>
      )}
    </Group>
  );
}
