import { Alert, Anchor, Button, Group, Switch, Table, Tabs, Text, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { serverErrorMessage } from '../../../features/record-form/server-error';
import { type RuleKind, type RuleOf, useDeleteRule, useRules, useSaveRule } from '../../../hooks/api/automation';
import { useModules } from '../../../hooks/api/modules';
import { moduleLabel } from '../../../i18n/labels';
import { useIsAdmin } from '../SettingsLayout';
import { Loading } from '../../../components/Loading';

/** The tabs of Settings › Automation; automatic tasks are workflow rules written by their own editor. */
export const AUTOMATION_TABS = ['workflow', 'automatic-tasks', 'assignment', 'scoring', 'validation'] as const;
export type AutomationTab = (typeof AUTOMATION_TABS)[number];
const KIND_OF: Record<AutomationTab, RuleKind> = {
  workflow: 'workflow',
  'automatic-tasks': 'workflow',
  assignment: 'assignment',
  scoring: 'scoring',
  validation: 'validation',
};

/** Settings › Automation: the rules of each kind, switched on and off, edited, deleted. */
export default function AutomationPage() {
  const { t } = useTranslation();
  const admin = useIsAdmin();
  const [params, setParams] = useSearchParams();
  const tab = (AUTOMATION_TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as AutomationTab) : 'workflow';
  if (!admin) return <Alert color="yellow">{t('automationSettings.adminsOnly')}</Alert>;
  return (
    <section aria-labelledby="automation-title">
      <Title order={2} id="automation-title" mb="sm">
        {t('automationSettings.title')}
      </Title>
      <Tabs value={tab} onChange={(v) => v && setParams({ tab: v }, { replace: true })} keepMounted={false}>
        <Tabs.List mb="md">
          {AUTOMATION_TABS.map((k) => (
            <Tabs.Tab key={k} value={k}>
              {t(`automationSettings.tabs.${k}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {AUTOMATION_TABS.map((k) => (
          <Tabs.Panel key={k} value={k}>
            <RuleList tab={k} />
          </Tabs.Panel>
        ))}
      </Tabs>
    </section>
  );
}

function RuleList({ tab }: { tab: AutomationTab }) {
  const { t } = useTranslation();
  const kind = KIND_OF[tab];
  const rules = useRules(kind);
  const modules = useModules();
  const save = useSaveRule(kind);
  const remove = useDeleteRule(kind);
  const list = (rules.data ?? []).filter(
    (r) => kind !== 'workflow' || ((r as RuleOf['workflow']).editor === 'automaticTasks') === (tab === 'automatic-tasks'),
  );
  const moduleName = (apiName: string) => {
    const m = modules.data?.find((x) => x.apiName === apiName);
    return m ? moduleLabel(t, m) : apiName;
  };
  const toggle = async (id: string, active: boolean) => {
    try {
      await save.mutateAsync({ id, body: { active } as never });
    } catch (err) {
      notifications.show({ color: 'red', message: serverErrorMessage(t, err) });
    }
  };
  const hasActive = kind !== 'assignment';
  return (
    <>
      <Text size="sm" c="dimmed" mb="sm">
        {t(`automationSettings.hints.${tab}`)}
      </Text>
      <Group mb="sm">
        <Button component={Link} to={`/settings/automation/${tab}/new`} leftSection={<IconPlus size={16} aria-hidden />}>
          {t(`automationSettings.new.${tab}`)}
        </Button>
      </Group>
      {rules.isPending ? (
        <Loading />
      ) : rules.isError ? (
        <Alert color="red">{t('errors.loadFailed')}</Alert>
      ) : list.length === 0 ? (
        <Text>{t('automationSettings.empty')}</Text>
      ) : (
        <Table striped aria-label={t(`automationSettings.tabs.${tab}`)}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('automationSettings.name')}</Table.Th>
              <Table.Th>{t('automationSettings.module')}</Table.Th>
              {hasActive && <Table.Th>{t('automationSettings.active')}</Table.Th>}
              <Table.Th>
                <VisuallyHidden>{t('automationSettings.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/settings/automation/${tab}/${r.id}`}>
                    {r.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{moduleName(r.module)}</Table.Td>
                {hasActive && (
                  <Table.Td>
                    <Switch
                      aria-label={t('automationSettings.activeName', { name: r.name })}
                      checked={(r as { active?: boolean }).active ?? true}
                      onChange={(e) => void toggle(r.id, e.currentTarget.checked)}
                    />
                  </Table.Td>
                )}
                <Table.Td>
                  <ConfirmButton
                    size="xs"
                    label={t('automationSettings.delete')}
                    aria-label={t('automationSettings.deleteName', { name: r.name })}
                    title={t('automationSettings.deleteTitle', { name: r.name })}
                    message={t('automationSettings.deleteConfirm')}
                    confirmLabel={t('automationSettings.delete')}
                    onConfirm={() => remove.mutateAsync(r.id)}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}
