import { Anchor, Button, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type FeedItem, type FeedScope, type RecordRef, useHomeFeed } from '../../hooks/api/home';
import { useModules } from '../../hooks/api/modules';
import { moduleSingularLabel } from '../../i18n/labels';
import { useFormat } from '../../i18n/use-format';
import { Loading } from '../../components/Loading';

const RecordLink = ({ r }: { r: RecordRef }) => {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to={`/m/${r.module}/${r.id}`} inherit underline="always">
      {r.name ?? t('record.noName')}
    </Anchor>
  );
};

/** New records, notes, completed tasks and status and stage changes, newest first, paged. */
export function ActivityFeed() {
  const { t } = useTranslation();
  const [scope, setScope] = useState<FeedScope>('all');
  const feed = useHomeFeed(scope);
  const items = feed.data?.pages.flatMap((p) => p.data) ?? [];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="home-feed">
      <Group justify="space-between" align="flex-end" mb="sm">
        <Title order={2} size="h4" id="home-feed">
          {t('homeDashboard.feed.title')}
        </Title>
        <Select
          size="xs"
          w={200}
          label={t('homeDashboard.feed.scope')}
          allowDeselect={false}
          value={scope}
          onChange={(v) => setScope((v ?? 'all') as FeedScope)}
          data={[
            { value: 'all', label: t('homeDashboard.feed.all') },
            { value: 'mine', label: t('homeDashboard.feed.mine') },
          ]}
        />
      </Group>
      {feed.isPending ? (
        <Loading size="sm" />
      ) : feed.isError ? (
        <Text c="red">{t('errors.loadFailed')}</Text>
      ) : items.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('homeDashboard.feed.none')}
        </Text>
      ) : (
        <Stack gap="xs" component="ol" aria-labelledby="home-feed" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {items.map((item) => (
            <FeedEntry key={item.id} item={item} />
          ))}
        </Stack>
      )}
      {feed.hasNextPage && (
        <Button mt="sm" size="xs" variant="light" onClick={() => void feed.fetchNextPage()} loading={feed.isFetchingNextPage}>
          {t('homeDashboard.feed.more')}
        </Button>
      )}
    </Paper>
  );
}

function FeedEntry({ item }: { item: FeedItem }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const modules = useModules();
  const user = item.user?.name ?? t('recordPage.someone');
  const mod = modules.data?.find((m) => m.apiName === item.record.module);
  const moduleName = mod ? moduleSingularLabel(t, mod).toLowerCase() : item.record.module;
  const text =
    item.type === 'created'
      ? t('homeDashboard.feed.created', { user, module: moduleName })
      : item.type === 'stageChanged' || item.type === 'statusChanged'
        ? t(`homeDashboard.feed.${item.type}`, { user, old: String(item.change?.old ?? '—'), new: String(item.change?.new ?? '—') })
        : t(`homeDashboard.feed.${item.type}`, { user });
  return (
    <li data-type={item.type}>
      <Text size="sm">
        {text}: <RecordLink r={item.record} />
        {item.relatedTo && (
          <>
            {' '}
            {t('homeDashboard.feed.on')} <RecordLink r={item.relatedTo} />
          </>
        )}{' '}
        <Text span size="xs" c="dimmed">
          {fmt.dateTime(item.at)}
        </Text>
      </Text>
      {item.type === 'note' && item.content && (
        <Text size="sm" c="dimmed" lineClamp={2}>
          {item.content}
        </Text>
      )}
    </li>
  );
}
