import { ActionIcon, Alert, Button, Checkbox, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconX } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import type { Field, FieldType } from '../../api/types';
import { serverErrorMessage } from '../../features/record-form/server-error';
import { type FieldInputBody, useCreateField, useUpdateField } from '../../hooks/api/fields-admin';
import { useModules } from '../../hooks/api/modules';
import { moduleLabel } from '../../i18n/labels';

/** A field type's name; tags keeps its own in web/src/i18n/<lang>/tags.json. */
export const fieldTypeLabel = (t: TFunction, type: string): string =>
  type === 'tags' ? t('tags.fieldType') : t(`settings.fieldTypes.${type}`, { defaultValue: type });

/** The types an administrator can give a custom field. */
export const CUSTOM_FIELD_TYPES: FieldType[] = [
  'text',
  'textarea',
  'email',
  'phone',
  'url',
  'picklist',
  'multiselect',
  'date',
  'datetime',
  'integer',
  'bigint',
  'decimal',
  'currency',
  'percent',
  'boolean',
  'lookup',
  'user',
  'tags',
];
export const MAX_OPTIONS = 500;
const SIMPLE_DEFAULT: ReadonlySet<FieldType> = new Set(['text', 'textarea', 'email', 'phone', 'url', 'integer', 'bigint', 'decimal', 'currency', 'percent']);
const NUMERIC: ReadonlySet<FieldType> = new Set(['integer', 'bigint', 'decimal', 'currency', 'percent']);

interface OptionRow {
  key: number;
  /** The option's value when the editor opened; absent for new options. */
  original?: string;
  value: string;
}

let nextKey = 1;

/** The options to send and the renames: rows whose original value changed. */
export function optionsPatch(rows: OptionRow[]): { options: string[]; renameOptions: Record<string, string> } {
  const options = rows.map((r) => r.value.trim()).filter(Boolean);
  const renameOptions: Record<string, string> = {};
  for (const r of rows) if (r.original !== undefined && r.value.trim() && r.value.trim() !== r.original) renameOptions[r.original] = r.value.trim();
  return { options, renameOptions };
}

export interface FieldEditorProps {
  module: string;
  /** The field to change; absent to add a new one. */
  field?: Field;
  onDone: () => void;
  onCancel: () => void;
}

/** Add or change a field: label, type (new fields), required, unique, default and picklist options. */
export function FieldEditor({ module, field, onDone, onCancel }: FieldEditorProps) {
  const { t } = useTranslation();
  const modules = useModules();
  const create = useCreateField(module);
  const update = useUpdateField(module);
  const [label, setLabel] = useState(field?.label ?? '');
  const [type, setType] = useState<FieldType>(field?.type ?? 'text');
  const [required, setRequired] = useState(field?.required ?? false);
  const [unique, setUnique] = useState(field?.unique ?? false);
  const [lookupModule, setLookupModule] = useState<string | null>(field?.lookupModule ?? null);
  const [defaultValue, setDefaultValue] = useState<string>(field?.defaultValue == null ? '' : String(field.defaultValue));
  const [rows, setRows] = useState<OptionRow[]>(() =>
    (field?.options ?? []).filter((o) => !o.retired).map((o) => ({ key: nextKey++, original: o.value, value: o.value })),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const hasOptions = type === 'picklist' || type === 'multiselect';

  const move = (i: number, d: number) =>
    setRows((prev) => {
      const next = [...prev];
      const [row] = next.splice(i, 1);
      next.splice(i + d, 0, row!);
      return next;
    });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    const found: Record<string, string> = {};
    if (!label.trim()) found.label = t('form.errors.required');
    if (type === 'lookup' && !lookupModule) found.lookupModule = t('form.errors.required');
    if (hasOptions && optionsPatch(rows).options.length === 0) found.options = t('settings.fields.needOptions');
    if (NUMERIC.has(type) && defaultValue.trim() && Number.isNaN(Number(defaultValue))) found.defaultValue = t('form.errors.number');
    setErrors(found);
    if (Object.keys(found).length) return;
    const body: FieldInputBody = { label: label.trim(), required, unique };
    if (hasOptions) {
      const { options, renameOptions } = optionsPatch(rows);
      body.options = options;
      if (field && Object.keys(renameOptions).length) body.renameOptions = renameOptions;
    }
    if (SIMPLE_DEFAULT.has(type) || type === 'picklist' || type === 'boolean') {
      const dv = defaultValue.trim();
      if (type === 'boolean') body.defaultValue = dv === 'true' ? true : dv === 'false' ? false : null;
      else body.defaultValue = dv === '' ? null : NUMERIC.has(type) ? Number(dv) : dv;
      if (!field && body.defaultValue === null) delete body.defaultValue;
    }
    try {
      if (field) await update.mutateAsync({ apiName: field.apiName, patch: body });
      else await create.mutateAsync({ ...body, type, ...(type === 'lookup' && lookupModule ? { lookupModule } : {}) });
      onDone();
    } catch (err) {
      const message = serverErrorMessage(t, err);
      const name = err instanceof ApiError ? err.field?.split(/[.[]/)[0] : undefined;
      if (name && ['label', 'type', 'lookupModule', 'options', 'renameOptions', 'defaultValue', 'required', 'unique'].includes(name))
        setErrors({ [name === 'renameOptions' ? 'options' : name]: message });
      else setFormError(message);
    }
  };

  const typeData = CUSTOM_FIELD_TYPES.map((ty) => ({ value: ty, label: fieldTypeLabel(t, ty) }));
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {formError && (
          <Alert color="red" role="alert" title={t('form.notSaved')}>
            {formError}
          </Alert>
        )}
        <TextInput label={t('settings.fields.label')} required value={label} onChange={(e) => setLabel(e.currentTarget.value)} error={errors.label} data-autofocus />
        {!field && (
          <Select
            label={t('settings.fields.type')}
            required
            data={typeData}
            value={type}
            onChange={(v) => v && setType(v as FieldType)}
            allowDeselect={false}
            error={errors.type}
          />
        )}
        {!field && type === 'lookup' && (
          <Select
            label={t('settings.fields.lookupModule')}
            required
            data={(modules.data ?? []).map((m) => ({ value: m.apiName, label: moduleLabel(t, m) }))}
            value={lookupModule}
            onChange={setLookupModule}
            error={errors.lookupModule}
          />
        )}
        <Checkbox label={t('settings.fields.required')} checked={required} onChange={(e) => setRequired(e.currentTarget.checked)} />
        {type !== 'boolean' && hasOptions === false && (
          <Checkbox label={t('settings.fields.unique')} checked={unique} onChange={(e) => setUnique(e.currentTarget.checked)} />
        )}
        {hasOptions && (
          <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
            <Text component="legend" fw={500} size="sm" mb={4}>
              {t('settings.fields.options')}
            </Text>
            <Stack gap={4}>
              {rows.map((r, i) => (
                <Group key={r.key} gap={4} wrap="nowrap">
                  <TextInput
                    style={{ flex: 1 }}
                    label={t('settings.fields.optionN', { n: i + 1 })}
                    value={r.value}
                    onChange={(e) => {
                      const v = e.currentTarget.value;
                      setRows((prev) => prev.map((x) => (x.key === r.key ? { ...x, value: v } : x)));
                    }}
                  />
                  <ActionIcon variant="subtle" mt={24} disabled={i === 0} onClick={() => move(i, -1)} aria-label={t('settings.fields.moveUp', { n: i + 1 })}>
                    <IconArrowUp size={16} aria-hidden />
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    mt={24}
                    disabled={i === rows.length - 1}
                    onClick={() => move(i, 1)}
                    aria-label={t('settings.fields.moveDown', { n: i + 1 })}
                  >
                    <IconArrowDown size={16} aria-hidden />
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    mt={24}
                    onClick={() => setRows((prev) => prev.filter((x) => x.key !== r.key))}
                    aria-label={t('settings.fields.removeOption', { n: i + 1 })}
                  >
                    <IconX size={16} aria-hidden />
                  </ActionIcon>
                </Group>
              ))}
            </Stack>
            {errors.options && (
              <Text c="red" size="sm" role="alert" mt={4}>
                {errors.options}
              </Text>
            )}
            <Button
              variant="light"
              size="xs"
              mt="xs"
              leftSection={<IconPlus size={14} aria-hidden />}
              disabled={rows.length >= MAX_OPTIONS}
              onClick={() => setRows((prev) => [...prev, { key: nextKey++, value: '' }])}
            >
              {t('settings.fields.addOption')}
            </Button>
          </fieldset>
        )}
        {type === 'picklist' ? (
          <Select
            label={t('settings.fields.default')}
            clearable
            data={optionsPatch(rows).options.filter((v, i, a) => a.indexOf(v) === i)}
            value={defaultValue || null}
            onChange={(v) => setDefaultValue(v ?? '')}
            error={errors.defaultValue}
          />
        ) : type === 'boolean' ? (
          <Select
            label={t('settings.fields.default')}
            clearable
            data={[
              { value: 'true', label: t('common.yes') },
              { value: 'false', label: t('common.no') },
            ]}
            value={defaultValue || null}
            onChange={(v) => setDefaultValue(v ?? '')}
            error={errors.defaultValue}
          />
        ) : SIMPLE_DEFAULT.has(type) ? (
          <TextInput label={t('settings.fields.default')} value={defaultValue} onChange={(e) => setDefaultValue(e.currentTarget.value)} error={errors.defaultValue} />
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
