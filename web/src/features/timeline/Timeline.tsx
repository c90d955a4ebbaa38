import { Anchor, Button, Group, Paper, Select, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCalendarEvent, IconChecklist, IconHistory, IconMail, IconNote, IconPhone, type IconProps } from '@tabler/icons-react';
import { type ComponentType, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Field, ModuleSummary } from '../../api/types';
import { TIMELINE_KINDS, type TimelineItem, type TimelineKind, useTimeline } from '../../hooks/api/timeline';
import { fieldLabel } from '../../i18n/labels';
import { useFormat } from '../../i18n/use-format';
import { fieldValueText } from '../field-value/FieldValue';
import { Loading } from '../../components/Loading';

const ICONS: Record<TimelineKind, ComponentType<IconProps>> = {
  history: IconHistory,
  note: IconNote,
  task: IconChecklist,
  call: IconPhone,
  event: IconCalendarEvent,
  email: IconMail,
};

type Filter = 'all' | TimelineKind;

/**
 * Everything that happened to a record, newest first (SPEC ACT-5): its field changes, notes,
 * completed tasks, calls, meetings and emails sent; filterable by kind and paged.
 */
export function Timeline({ module, recordId, fields }: { module: ModuleSummary; recordId: string; fields: Field[] }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<Filter>('all');
  const kinds = filter === 'all' ? TIMELINE_KINDS : [filter];
  const timeline = useTimeline(module.apiName, recordId, kinds);
  const items = timeline.data?.pages.flatMap((p) => p.data) ?? [];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="timeline-title">
      <Group justify="space-between" align="flex-end" mb="sm" wrap="wrap">
        <Title order={2} size="h4" id="timeline-title">
          {t('recordPage.timeline')}
        </Title>
        <Select
          label={t('recordTimeline.show')}
          size="xs"
          w={200}
          allowDeselect={false}
          value={filter}
          onChange={(v) => setFilter((v ?? 'all') as Filter)}
          data={[
            { value: 'all', label: t('recordTimeline.kinds.all') },
            ...TIMELINE_KINDS.map((k) => ({ value: k, label: t(`recordTimeline.kinds.${k}`) })),
          ]}
        />
      </Group>
      {timeline.isPending ? (
        <Loading size="sm" />
      ) : timeline.isError ? (
        <Text c="red">{t('errors.loadFailed')}</Text>
      ) : items.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('recordTimeline.empty')}
        </Text>
      ) : (
        <Stack gap="sm" component="ol" style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label={t('recordPage.timeline')}>
          {items.map((item) => (
            <TimelineEntry key={item.id} item={item} module={module} fields={fields} />
          ))}
        </Stack>
      )}
      {timeline.hasNextPage && (
        <Button mt="sm" size="xs" variant="light" onClick={() => void timeline.fetchNextPage()} loading={timeline.isFetchingNextPage}>
          {t('recordTimeline.more')}
        </Button>
      )}
    </Paper>
  );
}

function TimelineEntry({ item, module, fields }: { item: TimelineItem; module: ModuleSummary; fields: Field[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const Icon = ICONS[item.kind];
  const user = item.user?.name ?? t('recordPage.someone');
  const link = item.record ? (
    <Anchor component={Link} to={`/m/${item.record.module}/${item.record.id}`} inherit underline="always">
      {item.record.name ?? t('record.noName')}
    </Anchor>
  ) : null;
  const v = item.values ?? {};
  return (
    <Group component="li" gap="sm" align="flex-start" wrap="nowrap" data-kind={item.kind}>
      <ThemeIcon variant="light" size="md" radius="xl" aria-hidden>
        <Icon size={16} />
      </ThemeIcon>
      <Stack gap={2} style={{ minWidth: 0 }}>
        <Text size="sm" fw={500}>
          {item.kind === 'history' && <HistoryHeadline item={item} user={user} />}
          {item.kind === 'note' && t('recordTimeline.note', { user })}
          {item.kind === 'task' && (
            <>
              {t('recordTimeline.task', { user })} {link}
            </>
          )}
          {item.kind === 'call' && (
            <>
              {t('recordTimeline.call')} {link}
            </>
          )}
          {item.kind === 'event' && (
            <>
              {t('recordTimeline.event')} {link}
            </>
          )}
          {item.kind === 'email' && t('recordTimeline.email', { subject: item.email?.subject ?? '' })}{' '}
          <Text span size="xs" c="dimmed">
            {fmt.dateTime(item.at)}
          </Text>
        </Text>
        {item.kind === 'history' && <HistoryChanges item={item} module={module} fields={fields} />}
        {item.kind === 'note' && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {typeof v.title === 'string' && v.title ? <strong>{v.title}: </strong> : null}
            {String(v.content ?? '')}
          </Text>
        )}
        {item.kind === 'call' && (
          <Text size="sm" c="dimmed">
            {[
              typeof v.callType === 'string' ? t(`recordTimeline.callType.${v.callType}`, { defaultValue: v.callType }) : null,
              typeof v.durationMinutes === 'number' ? t('recordTimeline.minutes', { count: v.durationMinutes }) : null,
              typeof v.result === 'string' ? v.result : null,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        )}
        {item.kind === 'event' && (
          <Text size="sm" c="dimmed">
            {[
              typeof v.startAt === 'string' && typeof v.endAt === 'string'
                ? v.allDay
                  ? fmt.date(v.startAt.slice(0, 10))
                  : `${fmt.dateTime(v.startAt)} – ${fmt.dateTime(v.endAt)}`
                : null,
              typeof v.location === 'string' ? v.location : null,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        )}
        {item.kind === 'email' && (
          <Text size="sm" c="dimmed">
            {t('recordTimeline.emailTo', { to: item.email?.to.join(', ') ?? '' })}
          </Text>
        )}
      </Stack>
    </Group>
  );
}

function HistoryHeadline({ item, user }: { item: TimelineItem; user: string }) {
  const { t } = useTranslation();
  const action = item.action ?? 'updated';
  return <>{t(`recordPage.action.${action}`, { user, defaultValue: `${user}: ${action}` })}</>;
}

function HistoryChanges({ item, module, fields }: { item: TimelineItem; module: ModuleSummary; fields: Field[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (item.action !== 'updated' || !item.changes?.length) return null;
  const byName = new Map(fields.map((f) => [f.apiName, f]));
  const show = (field: string, v: unknown) => {
    const f = byName.get(field);
    if (v === null || v === undefined || v === '') return t('recordPage.empty');
    if (!f) return typeof v === 'object' ? JSON.stringify(v) : String(v);
    return fieldValueText(t, fmt, f, v) || t('recordPage.empty');
  };
  return (
    <Stack gap={0} component="ul" pl="md" m={0}>
      {item.changes.map((c) => {
        const f = byName.get(c.field);
        return (
          <Text component="li" size="sm" key={c.field}>
            {t('recordPage.change', {
              field: f ? fieldLabel(t, module.apiName, f) : c.field,
              old: show(c.field, c.old),
              new: show(c.field, c.new),
            })}
          </Text>
        );
      })}
    </Stack>
  );
}
