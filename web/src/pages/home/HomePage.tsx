import { Alert, Button, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ModuleIcon } from '../../components/ModuleIcon';
import { addMenuModules } from '../../features/create-record/AddMenu';
import { openCreateRecord } from '../../features/create-record/create-record-store';
import { useHomeSummary } from '../../hooks/api/home';
import { useModules } from '../../hooks/api/modules';
import { useOrganization } from '../../hooks/api/organization';
import { usePipelines } from '../../hooks/api/sales';
import { useMe } from '../../hooks/api/session';
import { moduleSingularLabel } from '../../i18n/labels';
import { ActivityFeed } from './ActivityFeed';
import { ClosedDeals } from './ClosedDeals';
import { MyMeetings } from './MyMeetings';
import { MyTasks } from './MyTasks';
import { PipelineSummary } from './PipelineSummary';
import { Loading } from '../../components/Loading';

/** The home dashboard (SPEC HOME-1): what needs doing today and how sales stand. */
export default function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  const org = useOrganization();
  const [pipeline, setPipeline] = useState<string | undefined>();
  const summary = useHomeSummary(pipeline);
  const pipelines = usePipelines();
  useDocumentTitle(`${t('nav.home')} · ${t('app.name')}`);
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{org.data ? t('home.welcome', { org: org.data.name }) : t('nav.home')}</Title>
        {me.data && (
          <Text c="dimmed" mt={4}>
            {t('home.greeting', { name: me.data.name })}
          </Text>
        )}
      </div>
      <QuickAdd />
      {summary.isPending ? (
        <Loading size="sm" />
      ) : summary.isError ? (
        <Alert color="red">{t('errors.loadFailed')}</Alert>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Stack gap="md">
            <MyTasks tasks={summary.data.tasks} />
            <MyMeetings meetings={summary.data.meetings} />
          </Stack>
          <Stack gap="md">
            <PipelineSummary summary={summary.data.pipeline} pipelines={pipelines.data ?? []} onChoose={setPipeline} />
            <ClosedDeals closed={summary.data.closed} />
          </Stack>
        </SimpleGrid>
      )}
      <ActivityFeed />
    </Stack>
  );
}

/** The universal Add, one button per standard kind, right on the dashboard. */
function QuickAdd() {
  const { t } = useTranslation();
  const modules = useModules();
  const { standard } = addMenuModules(modules.data ?? []);
  if (standard.length === 0) return null;
  return (
    <Group gap="xs" component="nav" aria-label={t('homeDashboard.add')}>
      {standard.map((m) => (
        <Button
          key={m.apiName}
          size="xs"
          variant="default"
          leftSection={<ModuleIcon module={m.apiName} size={14} />}
          onClick={() => openCreateRecord(m.apiName)}
        >
          {t('homeDashboard.new', { name: moduleSingularLabel(t, m) })}
        </Button>
      ))}
    </Group>
  );
}
