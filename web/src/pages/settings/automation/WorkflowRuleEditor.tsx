import { Button, Fieldset, Group, MultiSelect, NumberInput, Select, Stack, Switch, TextInput } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { emptyGroup, newId } from '../../../features/filter-builder/filter-model';
import type { TriggerOn, WorkflowRule } from '../../../hooks/api/automation';
import { useFields } from '../../../hooks/api/modules';
import { fieldLabel } from '../../../i18n/labels';
import { ActionEditor, blankAction } from './ActionEditor';
import { LoadedRule } from './LoadedRule';
import { AddButton, CriteriaEditor } from './parts';
import { RuleEditorShell } from './RuleEditorShell';
import { RunsPanel } from './RunsPanel';
import { TestRulePanel } from './TestRulePanel';
import { type EditedWorkflow, modelToWorkflow, workflowToModel } from './workflow-model';

const TRIGGERS: TriggerOn[] = ['create', 'edit', 'createOrEdit', 'fieldUpdate', 'delete', 'date'];
const MAX_ACTIONS = 10;

const blankCondition = () => ({
  id: newId(),
  filter: emptyGroup(),
  actions: [{ id: newId(), action: blankAction('fieldUpdate'), delay: null }],
});

/** Settings › Automation › a workflow rule: trigger, ordered conditions with actions, test, log. */
export default function WorkflowRuleEditorPage({ id }: { id?: string }) {
  return (
    <LoadedRule kind="workflow" id={id}>
      {(rule) => <WorkflowRuleEditor rule={rule} />}
    </LoadedRule>
  );
}

function WorkflowRuleEditor({ rule }: { rule?: WorkflowRule }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [m, setM] = useState<EditedWorkflow>(() =>
    rule ? workflowToModel(rule) : { name: '', module: 'leads', active: true, trigger: { on: 'create' }, conditions: [blankCondition()] },
  );
  const fields = useFields(m.module);
  const dateFields = (fields.data ?? []).filter((f) => f.type === 'date' || f.type === 'datetime');
  const setCondition = (i: number, c: EditedWorkflow['conditions'][number]) =>
    setM({ ...m, conditions: m.conditions.map((x, k) => (k === i ? c : x)) });
  const setTrigger = (on: TriggerOn) =>
    setM({
      ...m,
      trigger: {
        on,
        ...(on === 'fieldUpdate' ? { fields: m.trigger.fields ?? [] } : {}),
        ...(on === 'date'
          ? { date: m.trigger.date ?? { field: dateFields[0]?.apiName ?? '', offsetDays: 0, time: '09:00', repeat: 'none' } }
          : {}),
      },
    });
  return (
    <RuleEditorShell
      kind="workflow"
      tab="workflow"
      rule={rule}
      title={rule ? t('automationSettings.editWorkflow', { name: rule.name }) : t('automationSettings.newWorkflow')}
      name={m.name}
      setName={(name) => setM({ ...m, name })}
      module={m.module}
      setModule={(module) =>
        setM({
          ...m,
          module,
          trigger: { on: m.trigger.on === 'date' || m.trigger.on === 'fieldUpdate' ? 'create' : m.trigger.on },
          conditions: [blankCondition()],
        })
      }
      active={m.active}
      setActive={(active) => setM({ ...m, active })}
      body={() => modelToWorkflow(m)}
      // A new rule stays open, now as itself, so it can be tested and its runs watched.
      onSaved={(saved) => !rule && navigate(`/settings/automation/workflow/${saved.id}`, { replace: true })}
      footer={
        <>
          <TestRulePanel module={m.module} rule={() => modelToWorkflow(m)} />
          {rule && <RunsPanel ruleId={rule.id} />}
        </>
      }
    >
      <Fieldset legend={t('automationSettings.trigger')}>
        <Stack gap="xs">
          <Select
            label={t('automationSettings.triggerOn')}
            data={TRIGGERS.map((on) => ({ value: on, label: t(`automationSettings.triggers.${on}`) }))}
            value={m.trigger.on}
            allowDeselect={false}
            onChange={(v) => v && setTrigger(v as TriggerOn)}
          />
          {m.trigger.on === 'fieldUpdate' && (
            <MultiSelect
              label={t('automationSettings.triggerFields')}
              searchable
              data={(fields.data ?? []).map((f) => ({ value: f.apiName, label: fieldLabel(t, m.module, f) }))}
              value={m.trigger.fields ?? []}
              onChange={(fs) => setM({ ...m, trigger: { ...m.trigger, fields: fs } })}
            />
          )}
          {m.trigger.on === 'date' && m.trigger.date && (
            <Group grow align="flex-end">
              <Select
                label={t('automationSettings.dateField')}
                data={dateFields.map((f) => ({ value: f.apiName, label: fieldLabel(t, m.module, f) }))}
                value={m.trigger.date.field || null}
                onChange={(f) => setM({ ...m, trigger: { ...m.trigger, date: { ...m.trigger.date!, field: f ?? '' } } })}
              />
              <NumberInput
                label={t('automationSettings.offsetDays')}
                allowDecimal={false}
                value={m.trigger.date.offsetDays}
                onChange={(v) =>
                  setM({ ...m, trigger: { ...m.trigger, date: { ...m.trigger.date!, offsetDays: typeof v === 'number' ? v : 0 } } })
                }
              />
              <TextInput
                label={t('automationSettings.timeOfDay')}
                type="time"
                value={m.trigger.date.time}
                onChange={(e) => setM({ ...m, trigger: { ...m.trigger, date: { ...m.trigger.date!, time: e.currentTarget.value } } })}
              />
              <Switch
                label={t('automationSettings.yearly')}
                checked={m.trigger.date.repeat === 'yearly'}
                onChange={(e) =>
                  setM({
                    ...m,
                    trigger: { ...m.trigger, date: { ...m.trigger.date!, repeat: e.currentTarget.checked ? 'yearly' : 'none' } },
                  })
                }
              />
            </Group>
          )}
        </Stack>
      </Fieldset>
      {m.conditions.map((c, i) => (
        <Fieldset key={c.id} legend={t('automationSettings.conditionN', { n: i + 1 })}>
          <Stack gap="sm">
            <CriteriaEditor
              module={m.module}
              legend={t('automationSettings.criteria')}
              value={c.filter}
              onChange={(filter) => setCondition(i, { ...c, filter })}
            />
            {c.actions.map((a, k) => (
              <ActionEditor
                key={a.id}
                module={m.module}
                n={k + 1}
                value={a}
                onChange={(next) => setCondition(i, { ...c, actions: c.actions.map((x) => (x.id === a.id ? next : x)) })}
                onRemove={() => setCondition(i, { ...c, actions: c.actions.filter((x) => x.id !== a.id) })}
              />
            ))}
            <Group>
              <AddButton
                disabled={c.actions.length >= MAX_ACTIONS}
                onClick={() =>
                  setCondition(i, { ...c, actions: [...c.actions, { id: newId(), action: blankAction('createTask'), delay: null }] })
                }
              >
                {t('automationSettings.addAction')}
              </AddButton>
              {m.conditions.length > 1 && (
                <Button
                  variant="subtle"
                  color="red"
                  leftSection={<IconTrash size={16} aria-hidden />}
                  onClick={() => setM({ ...m, conditions: m.conditions.filter((x) => x.id !== c.id) })}
                >
                  {t('automationSettings.removeCondition', { n: i + 1 })}
                </Button>
              )}
            </Group>
          </Stack>
        </Fieldset>
      ))}
      <Group>
        <AddButton disabled={m.conditions.length >= 10} onClick={() => setM({ ...m, conditions: [...m.conditions, blankCondition()] })}>
          {t('automationSettings.addCondition')}
        </AddButton>
      </Group>
    </RuleEditorShell>
  );
}
