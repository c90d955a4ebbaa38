import { Paper, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useStageHistory } from '../../hooks/api/sales';
import { useFormat } from '../../i18n/use-format';
import { durationParts, stageSpans } from './stage-durations';

/** The deal's stage history, oldest first, with the time it spent in each stage. */
export function StageHistory({ dealId }: { dealId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const history = useStageHistory(dealId);
  const spans = stageSpans(history.data ?? []);
  const duration = (ms: number) => {
    const d = durationParts(ms);
    return d.unit === 'days'
      ? t('dealPanel.durationDays', { count: d.count })
      : d.unit === 'hours'
        ? t('dealPanel.durationHours', { count: d.count })
        : t('dealPanel.lessThanHour');
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="deal-stage-history">
      <Title order={2} size="h4" id="deal-stage-history" mb="sm">
        {t('dealPanel.historyTitle')}
      </Title>
      {spans.length === 0 ? (
        <Text size="sm" c="dimmed">
          {history.isPending ? t('common.loading') : t('dealPanel.historyEmpty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={500}>
          <Table striped aria-labelledby="deal-stage-history">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('dealPanel.colStage')}</Table.Th>
                <Table.Th>{t('dealPanel.colFrom')}</Table.Th>
                <Table.Th>{t('dealPanel.colEntered')}</Table.Th>
                <Table.Th>{t('dealPanel.colBy')}</Table.Th>
                <Table.Th>{t('dealPanel.colAmount')}</Table.Th>
                <Table.Th>{t('dealPanel.colDuration')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {spans.map((s) => (
                <Table.Tr key={`${s.enteredAt}-${s.stage}`}>
                  <Table.Td>{s.stage}</Table.Td>
                  <Table.Td>{s.from ?? '—'}</Table.Td>
                  <Table.Td>{fmt.dateTime(s.enteredAt)}</Table.Td>
                  <Table.Td>{s.user ?? '—'}</Table.Td>
                  <Table.Td>{s.amount === null ? '—' : fmt.currency(s.amount)}</Table.Td>
                  <Table.Td>{s.current ? t('dealPanel.ongoing', { duration: duration(s.ms) }) : duration(s.ms)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
