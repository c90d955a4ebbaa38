import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CrmRecord, ModuleSummary } from '../../api/types';
import { openCreateRecord } from '../../features/create-record/create-record-store';
import { TaskDue } from '../../features/overdue';
import { CompleteTaskButton } from '../../features/tasks';
import { useRelatedRecords } from '../../hooks/api/related';
import { moduleLabel, moduleSingularLabel } from '../../i18n/labels';
import { recordName } from '../../lib/record-name';
import { Loading } from '../../components/Loading';

/** Standard lookups pointing at a module: module → [related module, its lookup field]. */
export const STANDARD_LOOKUPS: Record<string, [string, string][]> = {
  accounts: [
    ['contacts', 'account'],
    ['deals', 'account'],
    ['accounts', 'parentAccount'],
  ],
  contacts: [['deals', 'contact']],
};
export const ACTIVITY_MODULES = ['tasks', 'events', 'calls'];

export interface RelatedListProps {
  module: ModuleSummary;
  record: CrmRecord;
  name: string;
  related: ModuleSummary;
  /** The related module's lookup field that points here; absent for activities (relatedTo). */
  lookupField?: string;
}

/** Records of another module linked to this one, with "Add" that pre-fills the link. */
export function RelatedList({ module, record, name, related, lookupField }: RelatedListProps) {
  const { t } = useTranslation();
  const list = useRelatedRecords(module.apiName, record.id, related.apiName);
  const title = moduleLabel(t, related);
  const headingId = `related-${related.apiName}-${lookupField ?? 'relatedTo'}`;
  const add = () =>
    openCreateRecord(related.apiName, {
      stay: true,
      initial: lookupField ? { [lookupField]: { id: record.id, name } } : { relatedTo: { module: module.apiName, id: record.id, name } },
    });
  const rows = (list.data?.data ?? []).filter((r) => !lookupField || (r[lookupField] as { id?: string } | null)?.id === record.id);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id={headingId}>
          {title}
        </Title>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={add}
          aria-label={t('recordPage.addRelated', { name: moduleSingularLabel(t, related) })}
        >
          {t('recordPage.add')}
        </Button>
      </Group>
      {list.isPending ? (
        <Loading size="sm" />
      ) : list.isError ? (
        <Text c="red">{t('errors.loadFailed')}</Text>
      ) : rows.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('recordPage.noRelated')}
        </Text>
      ) : (
        <Stack gap={4} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {rows.map((r) => (
            <li key={r.id}>
              <Anchor component={Link} to={`/m/${related.apiName}/${r.id}`}>
                {recordName(r, related.recordName) ?? t('record.noName')}
              </Anchor>
              {related.apiName === 'tasks' && typeof r.dueAt === 'string' && (
                <Text span size="sm" c="dimmed">
                  {' · '}
                  <TaskDue task={r} />
                </Text>
              )}
              {related.apiName === 'tasks' && (
                <>
                  {' '}
                  <CompleteTaskButton task={r} name={recordName(r, related.recordName) ?? t('record.noName')} size="compact-sm" />
                </>
              )}
            </li>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
