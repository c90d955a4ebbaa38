import { Group, Paper, Select, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { HomeSummary } from '../../hooks/api/home';
import type { Pipeline } from '../../hooks/api/sales';
import { useFormat } from '../../i18n/use-format';

/** Count and amount per stage of the chosen pipeline, with a choice of pipeline. */
export function PipelineSummary({
  summary,
  pipelines,
  onChoose,
}: {
  summary: HomeSummary['pipeline'];
  pipelines: Pipeline[];
  onChoose: (pipelineId: string) => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="home-pipeline">
      <Group justify="space-between" align="flex-end" mb="sm">
        <Title order={2} size="h4" id="home-pipeline">
          {t('homeDashboard.pipeline.title')}
        </Title>
        {pipelines.length > 1 && summary && (
          <Select
            label={t('homeDashboard.pipeline.choose')}
            size="xs"
            w={200}
            allowDeselect={false}
            value={summary.id}
            onChange={(v) => v && onChoose(v)}
            data={pipelines.map((p) => ({ value: p.id, label: p.name }))}
          />
        )}
      </Group>
      {!summary ? (
        <Text c="dimmed" size="sm">
          {t('homeDashboard.pipeline.none')}
        </Text>
      ) : (
        <>
          <Table striped aria-labelledby="home-pipeline">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('homeDashboard.pipeline.stage')}</Table.Th>
                <Table.Th ta="right">{t('homeDashboard.pipeline.deals')}</Table.Th>
                <Table.Th ta="right">{t('homeDashboard.pipeline.amount')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {summary.stages.map((s) => (
                <Table.Tr key={s.stageId}>
                  <Table.Td>{s.name}</Table.Td>
                  <Table.Td ta="right">{fmt.number(s.count, 0)}</Table.Td>
                  <Table.Td ta="right">{fmt.currency(s.amount)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text size="sm" mt="xs" c="dimmed">
            {t('homeDashboard.pipeline.openTotal', { count: summary.open.count, amount: fmt.currency(summary.open.amount) })}
          </Text>
        </>
      )}
    </Paper>
  );
}
