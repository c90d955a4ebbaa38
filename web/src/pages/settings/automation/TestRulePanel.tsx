import { Alert, Badge, Button, Card, Code, Group, List, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LookupValue } from '../../../features/record-form/form-model';
import { LookupInput } from '../../../features/record-form/LookupInput';
import { serverErrorMessage } from '../../../features/record-form/server-error';
import { type DryRun, type RuleInput, useDryRun } from '../../../hooks/api/automation';
import { useFormat } from '../../../i18n/use-format';

const show = (v: unknown): string =>
  v === null || v === undefined ? '—' : typeof v === 'object' ? ((v as { name?: string }).name ?? JSON.stringify(v)) : String(v);

/** "Test this rule": pick a record, see what the rule as edited would do to it — nothing is done. */
export function TestRulePanel({ module, rule }: { module: string; rule: () => RuleInput<'workflow'> }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [record, setRecord] = useState<LookupValue | null>(null);
  const dry = useDryRun();
  const result: DryRun | undefined = dry.data;
  return (
    <Card withBorder component="section" aria-labelledby="test-rule-title">
      <Title order={3} id="test-rule-title" size="h4" mb="xs">
        {t('automationSettings.test.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('automationSettings.test.hint')}
      </Text>
      <Group align="flex-end">
        <LookupInput label={t('automationSettings.test.record')} module={module} value={record} onChange={setRecord} />
        <Button disabled={!record} loading={dry.isPending} onClick={() => record && dry.mutate({ rule: rule(), recordId: record.id })}>
          {t('automationSettings.test.run')}
        </Button>
      </Group>
      {dry.isError && (
        <Alert color="red" mt="sm" role="alert">
          {serverErrorMessage(t, dry.error)}
        </Alert>
      )}
      {result && (
        <Stack gap="xs" mt="md" aria-live="polite" data-testid="dry-run-result">
          <Text fw={600}>
            {result.condition === null
              ? t('automationSettings.test.noMatch', { name: result.record.name ?? t('record.noName') })
              : t('automationSettings.test.matches', { n: result.condition + 1, name: result.record.name ?? t('record.noName') })}
          </Text>
          {result.nextDateFiring && (
            <Text size="sm">{t('automationSettings.test.nextDate', { at: fmt.dateTime(result.nextDateFiring) })}</Text>
          )}
          <List spacing="xs">
            {result.actions.map((a) => (
              <List.Item key={`${a.group}-${a.index}`}>
                <Group gap="xs">
                  <Badge variant="light">{t(`automationSettings.actionTypes.${a.type}`)}</Badge>
                  {a.scheduled && <Text size="sm">{t('automationSettings.test.at', { at: fmt.dateTime(a.runAt) })}</Text>}
                </Group>
                <Effect type={a.type} effect={a.effect} />
              </List.Item>
            ))}
          </List>
          <Text size="sm" c="dimmed">
            {t('automationSettings.test.nothingDone')}
          </Text>
        </Stack>
      )}
    </Card>
  );
}

function Effect({ type, effect }: { type: string; effect: Record<string, unknown> }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  switch (type) {
    case 'fieldUpdate':
    case 'assignOwner':
      return (
        <Text size="sm">
          {t('automationSettings.test.fieldChange', { field: String(effect.field), from: show(effect.from), to: show(effect.to) })}
        </Text>
      );
    case 'addTag':
      return (
        <Text size="sm">{t(effect.alreadyPresent ? 'tags.test.alreadyPresent' : 'tags.test.wouldAdd', { tag: String(effect.tag) })}</Text>
      );
    case 'createTask': {
      const task = effect.task as { subject: string; dueAt?: string; owner: { name: string } | null; priority?: string };
      return (
        <Text size="sm">
          {t('automationSettings.test.task', {
            subject: task.subject,
            owner: task.owner?.name ?? '—',
            due: task.dueAt ? fmt.dateTime(task.dueAt) : '—',
          })}
          {task.priority ? ` (${task.priority})` : ''}
        </Text>
      );
    }
    case 'emailNotification':
      return (
        <Stack gap={2}>
          <Text size="sm">
            {t('automationSettings.test.emailTo', { to: (effect.to as string[]).join(', ') || '—', subject: String(effect.subject) })}
          </Text>
          <Code block>{String(effect.html)}</Code>
        </Stack>
      );
    case 'webhook':
      return (
        <Stack gap={2}>
          <Text size="sm">{t('automationSettings.test.webhook', { url: String(effect.url) })}</Text>
          <Code block>{JSON.stringify(effect.payload, null, 2).slice(0, 2000)}</Code>
        </Stack>
      );
    default:
      return null;
  }
}
