import { ActionIcon, Fieldset, Group, NumberInput, Select, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Field } from '../../../api/types';
import { FieldInput } from '../../../features/record-form/FieldInput';
import { isFormField, toPayload } from '../../../features/record-form/form-model';
import { UserInput } from '../../../features/record-form/UserInput';
import type { Delay, WorkflowAction } from '../../../hooks/api/automation';
import { useFields } from '../../../hooks/api/modules';
import { fieldLabel, optionLabel } from '../../../i18n/labels';

export const ACTION_TYPES: WorkflowAction['type'][] = [
  'fieldUpdate',
  'createTask',
  'emailNotification',
  'assignOwner',
  'addTag',
  'webhook',
];

export interface EditedAction {
  id: string;
  action: WorkflowAction;
  /** null: runs at once; otherwise after this delay (a scheduled action). */
  delay: Delay | null;
  /** The form value of a field update (converted to the API's shape on save). */
  formValue?: unknown;
}

export const blankAction = (type: WorkflowAction['type']): WorkflowAction => {
  switch (type) {
    case 'fieldUpdate':
      return { type, field: '', value: null };
    case 'createTask':
      return { type, subject: '', dueInDays: 1, assignTo: 'owner' };
    case 'emailNotification':
      return { type, to: ['owner'], subject: '', body: '' };
    case 'assignOwner':
      return { type, userId: '' };
    case 'addTag':
      return { type, tag: '' };
    default:
      return { type, url: '', headers: {} };
  }
};

/** A field update's value as the API takes it, from the value its form input holds. */
export function fieldUpdateValue(fields: Field[], field: string, formValue: unknown): unknown {
  const f = fields.find((x) => x.apiName === field);
  if (!f) return null;
  return toPayload([f], { [field]: formValue })[field] ?? null;
}

const headersToText = (h: unknown) =>
  Object.entries((h as Record<string, string>) ?? {})
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n');
const textToHeaders = (s: string) =>
  Object.fromEntries(
    s
      .split('\n')
      .map((line) => line.split(/:(.*)/s).map((p) => p.trim()))
      .filter(([k]) => k)
      .map(([k, v]) => [k, v ?? '']),
  );

/** One action of a condition: its type, its settings and when it runs. */
export function ActionEditor({
  module,
  n,
  value,
  onChange,
  onRemove,
}: {
  module: string;
  n: number;
  value: EditedAction;
  onChange: (a: EditedAction) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const fields = useFields(module);
  const taskFields = useFields('tasks');
  const a = value.action;
  const set = (patch: Record<string, unknown>) => onChange({ ...value, action: { ...a, ...patch } });
  const updatable = (fields.data ?? []).filter((f) => isFormField(f) && !f.readOnly && !f.system && f.apiName !== 'owner');
  const target = updatable.find((f) => f.apiName === a.field);
  const priorities = taskFields.data?.find((f) => f.apiName === 'priority')?.options?.filter((o) => !o.retired) ?? [];
  const delay = value.delay;
  // addTag is offered where the module has a tags field (the server refuses it elsewhere).
  const hasTags = (fields.data ?? []).some((f) => f.type === 'tags');
  const types = ACTION_TYPES.filter((type) => type !== 'addTag' || hasTags || a.type === 'addTag');
  return (
    <Fieldset legend={t('automationSettings.actionN', { n })}>
      <Stack gap="xs">
        <Group align="flex-end">
          <Select
            label={t('automationSettings.actionType')}
            data={types.map((type) => ({ value: type, label: t(`automationSettings.actionTypes.${type}`) }))}
            value={a.type}
            allowDeselect={false}
            onChange={(type) => type && onChange({ ...value, action: blankAction(type as WorkflowAction['type']), formValue: undefined })}
          />
          <Select
            label={t('automationSettings.when')}
            data={[
              { value: 'instant', label: t('automationSettings.instantly') },
              { value: 'scheduled', label: t('automationSettings.afterDelay') },
            ]}
            value={delay ? 'scheduled' : 'instant'}
            allowDeselect={false}
            onChange={(v) => onChange({ ...value, delay: v === 'scheduled' ? { days: 1, hours: 0, minutes: 0 } : null })}
          />
          {delay &&
            (['days', 'hours', 'minutes'] as const).map((unit) => (
              <NumberInput
                key={unit}
                w={110}
                label={t(`automationSettings.delay.${unit}`)}
                min={0}
                allowDecimal={false}
                value={delay[unit] ?? 0}
                onChange={(v) => onChange({ ...value, delay: { ...delay, [unit]: typeof v === 'number' ? v : 0 } })}
              />
            ))}
          <ActionIcon variant="subtle" color="red" size="lg" aria-label={t('automationSettings.removeAction', { n })} onClick={onRemove}>
            <IconTrash size={18} aria-hidden />
          </ActionIcon>
        </Group>
        {a.type === 'fieldUpdate' && (
          <Group align="flex-start" grow>
            <Select
              label={t('automationSettings.field')}
              searchable
              data={updatable.map((f) => ({ value: f.apiName, label: fieldLabel(t, module, f) }))}
              value={(a.field as string) || null}
              onChange={(f) => onChange({ ...value, action: { ...a, field: f ?? '', value: null }, formValue: undefined })}
              required
            />
            {target && (
              <FieldInput
                module={module}
                field={{ ...target, label: t('automationSettings.newValue'), required: false, custom: true }}
                value={value.formValue ?? a.value}
                onChange={(v) =>
                  onChange({ ...value, formValue: v, action: { ...a, value: fieldUpdateValue(updatable, target.apiName, v) } })
                }
              />
            )}
          </Group>
        )}
        {a.type === 'createTask' && (
          <Group align="flex-start" grow>
            <TextInput
              label={t('automationSettings.taskSubject')}
              required
              value={(a.subject as string) ?? ''}
              onChange={(e) => set({ subject: e.currentTarget.value })}
            />
            <NumberInput
              label={t('automationSettings.dueInDays')}
              min={0}
              allowDecimal={false}
              value={(a.dueInDays as number) ?? ''}
              onChange={(v) => set({ dueInDays: typeof v === 'number' ? v : undefined })}
            />
            <Select
              label={t('automationSettings.taskPriority')}
              clearable
              data={priorities.map((o) => ({ value: o.value, label: optionLabel(t, 'priority', o) }))}
              value={(a.priority as string) ?? null}
              onChange={(p) => set({ priority: p ?? undefined })}
            />
            <AssigneeSelect value={a.assignTo as 'owner' | { userId: string }} onChange={(assignTo) => set({ assignTo })} />
          </Group>
        )}
        {a.type === 'emailNotification' && (
          <Stack gap="xs">
            <TagsInput
              label={t('automationSettings.recipients')}
              description={t('automationSettings.recipientsHint')}
              data={['owner']}
              value={(a.to as string[]) ?? []}
              onChange={(to) => set({ to })}
            />
            <TextInput
              label={t('automationSettings.emailSubject')}
              required
              value={(a.subject as string) ?? ''}
              onChange={(e) => set({ subject: e.currentTarget.value })}
            />
            <Textarea
              label={t('automationSettings.emailBody')}
              description={t('automationSettings.templateHint', {
                example: '{{lastName}}, {{owner.name}}, {{account.name}}',
                interpolation: { escapeValue: false },
              })}
              required
              autosize
              minRows={3}
              value={(a.body as string) ?? ''}
              onChange={(e) => set({ body: e.currentTarget.value })}
            />
          </Stack>
        )}
        {a.type === 'addTag' && (
          <TextInput
            label={t('tags.action.tag')}
            description={t('tags.action.tagHint')}
            required
            maxLength={50}
            value={(a.tag as string) ?? ''}
            onChange={(e) => set({ tag: e.currentTarget.value })}
            error={fields.data && !hasTags ? t('tags.action.noTagsField') : undefined}
          />
        )}
        {a.type === 'assignOwner' && (
          <UserInput
            label={t('automationSettings.newOwner')}
            required
            value={(a.userId as string) || null}
            onChange={(userId) => set({ userId: userId ?? '' })}
          />
        )}
        {a.type === 'webhook' && (
          <Group align="flex-start" grow>
            <TextInput
              label={t('automationSettings.webhookUrl')}
              required
              type="url"
              value={(a.url as string) ?? ''}
              onChange={(e) => set({ url: e.currentTarget.value })}
            />
            <Textarea
              label={t('automationSettings.webhookHeaders')}
              description={t('automationSettings.webhookHeadersHint')}
              autosize
              minRows={2}
              defaultValue={headersToText(a.headers)}
              onBlur={(e) => set({ headers: textToHeaders(e.currentTarget.value) })}
            />
          </Group>
        )}
      </Stack>
    </Fieldset>
  );
}

/** The record's owner, or a chosen user. */
export function AssigneeSelect({
  value,
  onChange,
  label,
}: {
  value: 'owner' | { userId: string } | undefined;
  onChange: (v: 'owner' | { userId: string }) => void;
  label?: string;
}) {
  const { t } = useTranslation();
  const isOwner = !value || value === 'owner';
  return (
    <Stack gap={4}>
      <Select
        label={label ?? t('automationSettings.assignTo')}
        data={[
          { value: 'owner', label: t('automationSettings.recordOwner') },
          { value: 'user', label: t('automationSettings.aUser') },
        ]}
        value={isOwner ? 'owner' : 'user'}
        allowDeselect={false}
        onChange={(v) => onChange(v === 'owner' ? 'owner' : { userId: '' })}
      />
      {!isOwner && (
        <UserInput
          label={t('automationSettings.user')}
          required
          value={value.userId || null}
          onChange={(id) => onChange({ userId: id ?? '' })}
        />
      )}
    </Stack>
  );
}
