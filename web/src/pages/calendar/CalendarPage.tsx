import FullCalendar, {
  type DateSelectInfo,
  type DatesSetInfo,
  type EventClickInfo,
  type EventDropInfo,
  type EventInput,
} from '@fullcalendar/react';
import dayGridPlugin from '@fullcalendar/react/daygrid';
import interactionPlugin from '@fullcalendar/react/interaction';
import classicThemePlugin from '@fullcalendar/react/themes/classic';
import timeGridPlugin from '@fullcalendar/react/timegrid';
import '@fullcalendar/react/skeleton.css';
import '@fullcalendar/react/themes/classic/theme.css';
import '@fullcalendar/react/themes/classic/palette.css';
import { Alert, Chip, Fieldset, Group, Paper, Stack, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../../api/client';
import { MeetingDialog, type MeetingDraft } from '../../features/meetings/MeetingDialog';
import { NewMeetingButton } from '../../features/meetings/NewMeetingButton';
import { type CalendarItem, useCalendarItems, useReschedule } from '../../hooks/api/calendar';
import { useMe } from '../../hooks/api/session';
import { useUsers } from '../../hooks/api/users';
import { FeedPanel } from './FeedPanel';
import { Loading } from '../../components/Loading';

const OVERDUE_COLOR = '#c92a2a';

/**
 * Day, week and month views of meetings and timed tasks — mine, or of the users chosen — in the
 * user's time zone. Drag to reschedule (an error puts the item back), select an empty slot to
 * create a meeting, click an item to open it. FullCalendar lives only in this page's lazy chunk.
 */
export default function CalendarPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(`${t('calendarPage.title')} · Rapport`);
  const me = useMe();
  const users = useUsers();
  const navigate = useNavigate();
  const [range, setRange] = useState<{ from: string; to: string } | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const [draft, setDraft] = useState<MeetingDraft | null>(null);
  const items = useCalendarItems(range, chosen);
  const reschedule = useReschedule();
  const zone = me.data?.timeZone ?? 'UTC';

  const events = useMemo<EventInput[]>(() => {
    const now = Date.now();
    return (items.data ?? []).map((item) => {
      const overdue = item.kind === 'task' && !item.completed && Date.parse(item.startAt) < now;
      return {
        id: `${item.kind}:${item.id}`,
        title: item.kind === 'task' ? `${item.completed ? '✓ ' : ''}${item.title}` : item.title,
        start: item.startAt,
        end: item.endAt ?? undefined,
        allDay: item.allDay,
        durationEditable: item.kind === 'event',
        ...(overdue ? { color: OVERDUE_COLOR } : item.kind === 'task' ? { color: '#2f9e44' } : {}),
        extendedProps: { item, overdue },
      };
    });
  }, [items.data]);

  const onDrop = (info: EventDropInfo) => {
    const item = info.event.extendedProps.item as CalendarItem;
    const start = info.event.start;
    if (!start) return info.revert();
    const end = info.event.end ?? (item.endAt ? new Date(start.getTime() + (Date.parse(item.endAt) - Date.parse(item.startAt))) : null);
    reschedule.mutate(
      { item, startAt: start.toISOString(), endAt: end ? end.toISOString() : null },
      {
        onSuccess: () => notifications.show({ color: 'green', message: t('calendarPage.moved', { title: item.title }) }),
        onError: (err) => {
          info.revert();
          notifications.show({
            color: 'red',
            title: t('calendarPage.moveFailed'),
            message: err instanceof ApiError && err.code === 'VERSION_CONFLICT' ? t('errors.versionConflict') : (err as Error).message,
          });
        },
      },
    );
  };

  const userOptions = (users.data ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: u.name }));

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Group gap="md" align="center">
          <Title order={1}>{t('calendarPage.title')}</Title>
          <NewMeetingButton />
        </Group>
        <Fieldset legend={t('calendarPage.showUsers')} variant="unstyled" maw={720}>
          <Chip.Group multiple value={chosen.length ? chosen : me.data ? [me.data.id] : []} onChange={setChosen}>
            <Group gap="xs">
              {userOptions.map((u) => (
                <Chip key={u.value} value={u.value} size="sm">
                  {u.label}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
        </Fieldset>
      </Group>
      {items.isError && (
        <Alert color="red" role="alert">
          {t('errors.loadFailed')}
        </Alert>
      )}
      <Paper withBorder p="sm" pos="relative" aria-busy={items.isFetching}>
        {(items.isFetching || reschedule.isPending) && (
          <Loading size="sm" pos="absolute" top={12} right={12} style={{ zIndex: 5 }} />
        )}
        <FullCalendar
          plugins={[dayGridPlugin, timeGridPlugin, interactionPlugin, classicThemePlugin]}
          initialView="timeGridWeek"
          headerToolbar={{ start: 'prev,next today', center: 'title', end: 'timeGridDay,timeGridWeek,dayGridMonth' }}
          buttons={{
            today: { text: t('calendarPage.today') },
            timeGridDay: { text: t('calendarPage.day') },
            timeGridWeek: { text: t('calendarPage.week') },
            dayGridMonth: { text: t('calendarPage.month') },
          }}
          timeZone={zone}
          locale={i18n.language}
          firstDay={1}
          height="auto"
          nowIndicator
          editable
          selectable
          selectMirror
          scrollTime="08:00:00"
          events={events}
          datesSet={(info: DatesSetInfo) => setRange({ from: info.start.toISOString(), to: info.end.toISOString() })}
          select={(info: DateSelectInfo) =>
            setDraft({ startAt: info.start.toISOString(), endAt: info.end.toISOString(), allDay: info.allDay })
          }
          eventDrop={onDrop}
          eventResize={(info) => onDrop(info as unknown as EventDropInfo)}
          eventClick={(info: EventClickInfo) => {
            const item = info.event.extendedProps.item as CalendarItem;
            navigate(`/m/${item.kind === 'event' ? 'events' : 'tasks'}/${item.id}`);
          }}
        />
      </Paper>
      <FeedPanel />
      <MeetingDialog draft={draft} onClose={() => setDraft(null)} />
    </Stack>
  );
}
