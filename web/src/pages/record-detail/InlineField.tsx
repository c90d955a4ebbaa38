import { ActionIcon, Button, Group, Text } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { type FormEvent, type KeyboardEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import type { CrmRecord, Field } from '../../api/types';
import { FieldValue } from '../../features/field-value/FieldValue';
import { TaskDue } from '../../features/overdue';
import { FieldInput } from '../../features/record-form/FieldInput';
import { isFormField, validateValues } from '../../features/record-form/form-model';
import { serverErrorMessage } from '../../features/record-form/server-error';
import { useUpdateRecord } from '../../hooks/api/records';
import { fieldLabel } from '../../i18n/labels';
import { changedPayload, toFormValue } from './edit-model';

export interface InlineFieldProps {
  module: string;
  record: CrmRecord;
  field: Field;
  /** False when the record cannot be edited (e.g. a converted lead). */
  editable: boolean;
}

/** One field of the record page: its value, and an "Edit" button that turns it into its input (Enter saves, Escape cancels). */
export function InlineField({ module, record, field, editable }: InlineFieldProps) {
  const { t } = useTranslation();
  const update = useUpdateRecord(module, record.id);
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState<unknown>(null);
  const [error, setError] = useState<string | undefined>();
  const label = fieldLabel(t, module, field);
  const canEdit = editable && isFormField(field);

  const start = () => {
    setValue(toFormValue(field, record[field.apiName]));
    setError(undefined);
    setEditing(true);
  };
  const cancel = () => {
    setEditing(false);
    setError(undefined);
  };
  const save = async (e: FormEvent) => {
    e.preventDefault();
    const found = validateValues([field], { [field.apiName]: value });
    if (found[field.apiName]) {
      setError(t(found[field.apiName]!));
      return;
    }
    const initial = { [field.apiName]: toFormValue(field, record[field.apiName]) };
    const payload = changedPayload([field], initial, { [field.apiName]: value });
    if (Object.keys(payload).length === 0) {
      setEditing(false);
      return;
    }
    try {
      await update.mutateAsync({ values: payload, version: record.version });
      setEditing(false);
    } catch (err) {
      setError(err instanceof ApiError || err instanceof Error ? serverErrorMessage(t, err) : t('errors.unexpected'));
    }
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      cancel();
    }
  };

  if (editing) {
    return (
      <form onSubmit={save} onKeyDown={onKeyDown} noValidate>
        <FieldInput module={module} field={field} value={value} onChange={setValue} error={error} />
        <Group gap="xs" mt={6}>
          <Button type="submit" size="xs" loading={update.isPending}>
            {t('common.save')}
          </Button>
          <Button size="xs" variant="default" onClick={cancel}>
            {t('common.cancel')}
          </Button>
        </Group>
      </form>
    );
  }
  return (
    <div>
      <Group gap={4} wrap="nowrap" justify="space-between">
        <Text size="sm" c="dimmed">
          {label}
        </Text>
        {canEdit && (
          <ActionIcon variant="subtle" size="sm" aria-label={t('recordPage.editField', { field: label })} onClick={start}>
            <IconPencil size={14} aria-hidden />
          </ActionIcon>
        )}
      </Group>
      <Text component="div" m={0}>
        {module === 'tasks' && field.apiName === 'dueAt' ? <TaskDue task={record} /> : <FieldValue field={field} value={record[field.apiName]} />}
      </Text>
    </div>
  );
}
