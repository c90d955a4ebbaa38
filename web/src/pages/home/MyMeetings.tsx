import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { HomeSummary } from '../../hooks/api/home';
import { useFormat } from '../../i18n/use-format';

type Meeting = HomeSummary['meetings']['items'][number];

/** Today's meetings and the coming week's, each group in start order. */
export function MyMeetings({ meetings }: { meetings: HomeSummary['meetings'] }) {
  const { t } = useTranslation();
  const today = meetings.items.filter((m) => m.today);
  const upcoming = meetings.items.filter((m) => !m.today);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="home-meetings">
      <Title order={2} size="h4" id="home-meetings" mb="xs">
        {t('homeDashboard.meetings.title')}
      </Title>
      {meetings.items.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('homeDashboard.meetings.none')}
        </Text>
      ) : (
        <Stack gap="xs">
          {today.length > 0 && <MeetingGroup title={t('homeDashboard.meetings.today')} items={today} id="home-meetings-today" />}
          {upcoming.length > 0 && (
            <MeetingGroup title={t('homeDashboard.meetings.upcoming')} items={upcoming} id="home-meetings-upcoming" />
          )}
        </Stack>
      )}
    </Paper>
  );
}

function MeetingGroup({ title, items, id }: { title: string; items: Meeting[]; id: string }) {
  const fmt = useFormat();
  return (
    <div>
      <Title order={3} size="h6" id={id} c="dimmed" tt="uppercase">
        {title}
      </Title>
      <Stack gap={4} component="ul" aria-labelledby={id} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {items.map((m) => (
          <Group component="li" key={m.id} justify="space-between" wrap="nowrap" gap="sm">
            <Anchor component={Link} to={`/m/events/${m.id}`} size="sm">
              {String(m.title ?? '')}
            </Anchor>
            <Text size="sm" c="dimmed" ta="right">
              {m.allDay && typeof m.startAt === 'string'
                ? fmt.date(m.startAt.slice(0, 10))
                : typeof m.startAt === 'string'
                  ? fmt.dateTime(m.startAt)
                  : ''}
              {typeof m.location === 'string' && m.location ? ` · ${m.location}` : ''}
            </Text>
          </Group>
        ))}
      </Stack>
    </div>
  );
}
