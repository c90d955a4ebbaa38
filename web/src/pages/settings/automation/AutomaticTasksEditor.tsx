import { ActionIcon, Fieldset, Group, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LookupInput } from '../../../features/record-form/LookupInput';
import type { WorkflowRule } from '../../../hooks/api/automation';
import { useFields } from '../../../hooks/api/modules';
import { useRecord } from '../../../hooks/api/records';
import { optionLabel } from '../../../i18n/labels';
import { AssigneeSelect } from './ActionEditor';
import { AUTO_TASK_MODULES, type AutoTasks, autoTasksToRule, ruleToAutoTasks } from './auto-tasks-model';
import { LoadedRule } from './LoadedRule';
import { AddButton } from './parts';
import { RuleEditorShell } from './RuleEditorShell';
import { RunsPanel } from './RunsPanel';

/** Settings › Automation › Automatic tasks: "when … create these tasks for this user due in N days". */
export default function AutomaticTasksEditorPage({ id }: { id?: string }) {
  return (
    <LoadedRule kind="workflow" id={id} accept={(r) => r.editor === 'automaticTasks'}>
      {(rule) => <AutomaticTasksEditor rule={rule} />}
    </LoadedRule>
  );
}

function AutomaticTasksEditor({ rule }: { rule?: WorkflowRule }) {
  const { t } = useTranslation();
  const [m, setM] = useState<AutoTasks>(() =>
    rule
      ? ruleToAutoTasks(rule)
      : {
          name: '',
          module: 'deals',
          active: true,
          when: 'created',
          pipeline: null,
          stage: null,
          account: null,
          tasks: [{ subject: '', dueInDays: 1, assignTo: 'owner' }],
        },
  );
  const dealFields = useFields('deals');
  // The stored rule keeps only the account's id: show its name.
  const account = useRecord('accounts', m.account && m.account.name === null ? m.account.id : undefined);
  const accountValue = m.account ? { id: m.account.id, name: m.account.name ?? (account.data?.name as string | undefined) ?? null } : null;
  const options = (name: string) =>
    (dealFields.data?.find((f) => f.apiName === name)?.options ?? [])
      .filter((o) => !o.retired)
      .map((o) => ({ value: o.value, label: optionLabel(t, name, o) }));
  const deals = m.module === 'deals';
  const setTask = (i: number, patch: Partial<AutoTasks['tasks'][number]>) =>
    setM({ ...m, tasks: m.tasks.map((x, k) => (k === i ? { ...x, ...patch } : x)) });
  return (
    <RuleEditorShell
      kind="workflow"
      tab="automatic-tasks"
      rule={rule}
      name={m.name}
      setName={(name) => setM({ ...m, name })}
      module={m.module}
      modules={[...AUTO_TASK_MODULES]}
      setModule={(module) => setM({ ...m, module, when: 'created' })}
      active={m.active}
      setActive={(active) => setM({ ...m, active })}
      body={() => autoTasksToRule(m)}
      footer={rule && <RunsPanel ruleId={rule.id} />}
    >
      <Fieldset legend={t('automationSettings.autoTasks.when')}>
        <Stack gap="xs">
          <Select
            label={t('automationSettings.autoTasks.event')}
            allowDeselect={false}
            data={[
              { value: 'created', label: t('automationSettings.autoTasks.created') },
              ...(deals ? [{ value: 'stageEntered', label: t('automationSettings.autoTasks.stageEntered') }] : []),
            ]}
            value={m.when}
            onChange={(w) => w && setM({ ...m, when: w as AutoTasks['when'] })}
          />
          {deals && (
            <Group grow align="flex-end">
              <Select
                label={t('automationSettings.autoTasks.pipeline')}
                clearable
                data={options('pipeline')}
                value={m.pipeline}
                onChange={(pipeline) => setM({ ...m, pipeline })}
              />
              <Select
                label={t('automationSettings.autoTasks.stage')}
                clearable
                data={options('stage')}
                value={m.stage}
                onChange={(stage) => setM({ ...m, stage })}
              />
              <LookupInput
                label={t('automationSettings.autoTasks.account')}
                module="accounts"
                value={accountValue}
                onChange={(a) => setM({ ...m, account: a })}
              />
            </Group>
          )}
        </Stack>
      </Fieldset>
      {m.tasks.map((task, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: tasks have no identity; every input is controlled by the list
        <Fieldset key={i} legend={t('automationSettings.autoTasks.taskN', { n: i + 1 })}>
          <Group grow align="flex-start">
            <TextInput
              label={t('automationSettings.taskSubject')}
              required
              value={task.subject}
              onChange={(e) => setTask(i, { subject: e.currentTarget.value })}
            />
            <AssigneeSelect value={task.assignTo} onChange={(assignTo) => setTask(i, { assignTo })} />
            <NumberInput
              label={t('automationSettings.dueInDays')}
              min={0}
              allowDecimal={false}
              value={task.dueInDays}
              onChange={(v) => setTask(i, { dueInDays: typeof v === 'number' ? v : 0 })}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              mt={24}
              style={{ flexGrow: 0 }}
              disabled={m.tasks.length === 1}
              aria-label={t('automationSettings.autoTasks.removeTask', { n: i + 1 })}
              onClick={() => setM({ ...m, tasks: m.tasks.filter((_, k) => k !== i) })}
            >
              <IconTrash size={18} aria-hidden />
            </ActionIcon>
          </Group>
        </Fieldset>
      ))}
      <Group>
        <AddButton
          disabled={m.tasks.length >= 10}
          onClick={() => setM({ ...m, tasks: [...m.tasks, { subject: '', dueInDays: 1, assignTo: 'owner' }] })}
        >
          {t('automationSettings.autoTasks.addTask')}
        </AddButton>
      </Group>
    </RuleEditorShell>
  );
}
