import { Alert, Button, Code, Progress, SegmentedControl, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { serverErrorMessage } from '../../../features/record-form/server-error';
import { type Job, type JobStatus, useJobs, useRetryJob } from '../../../hooks/api/jobs';
import { useFormat } from '../../../i18n/use-format';
import { useIsAdmin } from '../SettingsLayout';
import { Loading } from '../../../components/Loading';

const STATUSES: JobStatus[] = ['pending', 'failed', 'cancelled'];

/** Settings › Jobs: pending and failed background jobs with their error, and Retry. */
export default function JobsPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const admin = useIsAdmin();
  const [status, setStatus] = useState<JobStatus>('failed');
  const jobs = useJobs(status);
  const retry = useRetryJob();
  if (!admin) return <Alert color="yellow">{t('jobsAdmin.adminsOnly')}</Alert>;
  const doRetry = async (job: Job) => {
    try {
      await retry.mutateAsync(job.id);
      notifications.show({ color: 'green', message: t('jobsAdmin.retried') });
    } catch (err) {
      notifications.show({ color: 'red', message: serverErrorMessage(t, err) });
    }
  };
  return (
    <section aria-labelledby="jobs-title">
      <Title order={2} id="jobs-title" mb="sm">
        {t('jobsAdmin.title')}
      </Title>
      <Text c="dimmed" size="sm" mb="md">
        {t('jobsAdmin.hint')}
      </Text>
      <SegmentedControl
        mb="md"
        aria-label={t('jobsAdmin.status')}
        value={status}
        onChange={(v) => setStatus(v as JobStatus)}
        data={STATUSES.map((s) => ({ value: s, label: t(`jobsAdmin.statuses.${s}`) }))}
      />
      {jobs.isPending ? (
        <Loading />
      ) : jobs.isError ? (
        <Alert color="red">{t('errors.loadFailed')}</Alert>
      ) : jobs.data.length === 0 ? (
        <Text>{t('jobsAdmin.empty')}</Text>
      ) : (
        <Table striped aria-label={t('jobsAdmin.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('jobsAdmin.kind')}</Table.Th>
              <Table.Th>{t('jobsAdmin.runAt')}</Table.Th>
              <Table.Th>{t('jobsAdmin.attempts')}</Table.Th>
              <Table.Th>{t('jobsAdmin.error')}</Table.Th>
              <Table.Th>{t('jobsAdmin.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {jobs.data.map((j) => (
              <Table.Tr key={j.id}>
                <Table.Td>
                  <Code>{j.kind}</Code>
                  <JobProgress job={j} />
                </Table.Td>
                <Table.Td>{fmt.dateTime(j.runAt)}</Table.Td>
                <Table.Td>
                  {j.attempts} / {j.maxAttempts}
                </Table.Td>
                <Table.Td style={{ maxWidth: 360, overflowWrap: 'anywhere' }}>{j.lastError ?? ''}</Table.Td>
                <Table.Td>
                  {j.status !== 'pending' && (
                    <Button
                      size="xs"
                      variant="light"
                      loading={retry.isPending && retry.variables === j.id}
                      onClick={() => void doRetry(j)}
                      aria-label={t('jobsAdmin.retryKind', { kind: j.kind })}
                    >
                      {t('jobsAdmin.retry')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </section>
  );
}

/** A long job's progress (`payload.progress`), e.g. rescoring every record of a module. */
function JobProgress({ job }: { job: Job }) {
  const { t } = useTranslation();
  const p = job.payload.progress as { done: number; total: number } | undefined;
  if (!p || p.total <= 0) return null;
  const label = t('jobsAdmin.progress', { done: p.done, total: p.total });
  return (
    <>
      <Progress mt={4} value={(100 * p.done) / p.total} aria-label={label} />
      <Text size="xs" c="dimmed">
        {label}
      </Text>
    </>
  );
}
