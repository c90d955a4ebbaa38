import { Alert, Button, Group, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../components/ConfirmButton';
import { serverErrorMessage } from '../../features/record-form/server-error';
import { type DemoModule, useDemoAction, useDemoData } from '../../hooks/api/module-admin';
import NotFoundPage from '../not-found/NotFoundPage';
import { useIsAdmin } from './SettingsLayout';
import { Loading } from '../../components/Loading';

const MODULES: DemoModule[] = ['accounts', 'contacts', 'leads', 'deals', 'tasks', 'notes'];

/** Sample data ([MOD-8]): load a realistic CRM to explore, and remove exactly it again, with progress. */
export default function SampleDataPage() {
  const { t } = useTranslation();
  const admin = useIsAdmin();
  const state = useDemoData();
  const action = useDemoAction();
  const queryClient = useQueryClient();
  const op = state.data?.operation ?? null;
  const running = op?.status === 'running';

  // When a load or removal ends, every list and record page shows the new truth.
  const wasRunning = useRef(false);
  useEffect(() => {
    if (wasRunning.current && op && op.status !== 'running') {
      void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'demo-data' });
      if (op.status === 'done')
        notifications.show({ color: 'green', message: t(op.action === 'load' ? 'sampleData.loaded' : 'sampleData.removed') });
    }
    wasRunning.current = running;
  }, [op, running, queryClient, t]);

  if (!admin) return <NotFoundPage message={t('errors.forbidden')} />;
  const start = (a: 'load' | 'remove') => action.mutateAsync(a);
  const percent = op && op.total > 0 ? Math.round((op.done / op.total) * 100) : 0;

  return (
    <section aria-labelledby="sample-data-title">
      <Title order={2} id="sample-data-title" mb="sm">
        {t('sampleData.title')}
      </Title>
      <Stack gap="md" maw={640}>
        <Text>{t('sampleData.intro')}</Text>
        {state.isPending ? (
          <Loading />
        ) : state.isError ? (
          <Alert color="red">{t('errors.loadFailed')}</Alert>
        ) : (
          <>
            {running && op && (
              <Stack gap={4}>
                <Text id="sample-data-progress-label" size="sm">
                  {t(op.action === 'load' ? 'sampleData.loading' : 'sampleData.removing', { done: op.done, total: op.total })}
                </Text>
                <Progress.Root size="lg">
                  <Progress.Section value={percent} aria-labelledby="sample-data-progress-label" striped animated />
                </Progress.Root>
              </Stack>
            )}
            {op?.status === 'failed' && (
              <Alert color="red" role="alert" title={t('sampleData.failed')}>
                {op.error?.message}
              </Alert>
            )}
            <Text role="status">{state.data.loaded ? t('sampleData.isLoaded') : t('sampleData.notLoaded')}</Text>
            {state.data.loaded && (
              <Table w="auto" aria-label={t('sampleData.countsLabel')}>
                <Table.Tbody>
                  {MODULES.map((m) => (
                    <Table.Tr key={m}>
                      <Table.Th scope="row">{t(`metadata.modules.${m}.plural`)}</Table.Th>
                      <Table.Td>{state.data.counts[m]}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            {action.isError && (
              <Alert color="red" role="alert">
                {serverErrorMessage(t, action.error)}
              </Alert>
            )}
            <Group>
              {!state.data.loaded ? (
                <Button onClick={() => void start('load').catch(() => {})} disabled={running} loading={action.isPending}>
                  {t('sampleData.load')}
                </Button>
              ) : (
                !running && (
                  <ConfirmButton
                    variant="filled"
                    label={t('sampleData.remove')}
                    title={t('sampleData.removeTitle')}
                    message={t('sampleData.removeConfirm')}
                    confirmLabel={t('sampleData.remove')}
                    onConfirm={() => start('remove')}
                  />
                )
              )}
            </Group>
          </>
        )}
      </Stack>
    </section>
  );
}
