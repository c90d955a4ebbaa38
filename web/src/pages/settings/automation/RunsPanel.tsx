import { Alert, Anchor, Badge, Card, List, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useRuleRuns } from '../../../hooks/api/automation';
import { useFormat } from '../../../i18n/use-format';
import { Loading } from '../../../components/Loading';

const COLORS: Record<string, string> = {
  done: 'green',
  failed: 'red',
  cancelled: 'gray',
  retrying: 'orange',
  scheduled: 'blue',
  pending: 'blue',
};

/** A workflow rule's execution log: record, trigger, matched condition, each action's outcome and error. */
export function RunsPanel({ ruleId }: { ruleId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const runs = useRuleRuns(ruleId);
  return (
    <Card withBorder component="section" aria-labelledby="runs-title">
      <Title order={3} id="runs-title" size="h4" mb="xs">
        {t('automationSettings.runs.title')}
      </Title>
      {runs.isPending ? (
        <Loading />
      ) : runs.isError ? (
        <Alert color="red">{t('errors.loadFailed')}</Alert>
      ) : runs.data.length === 0 ? (
        <Text>{t('automationSettings.runs.empty')}</Text>
      ) : (
        <Table striped aria-label={t('automationSettings.runs.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('automationSettings.runs.at')}</Table.Th>
              <Table.Th>{t('automationSettings.runs.record')}</Table.Th>
              <Table.Th>{t('automationSettings.runs.trigger')}</Table.Th>
              <Table.Th>{t('automationSettings.runs.condition')}</Table.Th>
              <Table.Th>{t('automationSettings.runs.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {runs.data.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{fmt.dateTime(r.at)}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/m/${r.record.module}/${r.record.id}`}>
                    {t('automationSettings.runs.openRecord')}
                  </Anchor>
                </Table.Td>
                <Table.Td>{t(`automationSettings.runs.triggers.${r.trigger}`, { defaultValue: r.trigger })}</Table.Td>
                <Table.Td>{r.condition === null ? '—' : r.condition + 1}</Table.Td>
                <Table.Td>
                  {r.status === 'stopped' && (
                    <Text size="sm" c="red">
                      {t('automationSettings.runs.stopped')}
                    </Text>
                  )}
                  <List size="sm">
                    {r.actions.map((a) => (
                      <List.Item key={`${a.group}-${a.index}`}>
                        {t(`automationSettings.actionTypes.${a.type}`)}:{' '}
                        <Badge size="sm" color={COLORS[a.status] ?? 'gray'} variant="light">
                          {t(`automationSettings.runs.statuses.${a.status}`, { defaultValue: a.status })}
                        </Badge>
                        {a.error && (
                          <Text size="xs" c="red">
                            {a.error}
                          </Text>
                        )}
                      </List.Item>
                    ))}
                  </List>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
