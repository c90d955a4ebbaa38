import { Alert, Button, Group, Stack, Title } from '@mantine/core';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import type { CrmRecord, ModuleSummary } from '../../api/types';
import { PageLoader } from '../../components/shell/PageLoader';
import { useFields, useLayouts } from '../../hooks/api/modules';
import { useCreateRecord } from '../../hooks/api/records';
import { sectionTitle } from '../../i18n/labels';
import { errorFieldFor, type FormErrors, type FormValues, formSections, initialValues, toPayload, validateValues } from './form-model';
import { SectionFields } from './SectionFields';
import { serverErrorMessage } from './server-error';

export interface RecordFormProps {
  module: ModuleSummary;
  onCreated: (record: CrmRecord) => void;
  onCancel?: () => void;
  /** Values to start with, e.g. the record a new note is about. */
  initial?: FormValues;
}

/** A create form generated from the module's fields and default layout. */
export function RecordForm({ module, onCreated, onCancel, initial }: RecordFormProps) {
  const { t } = useTranslation();
  const fields = useFields(module.apiName);
  const layouts = useLayouts(module.apiName);
  const create = useCreateRecord(module.apiName);
  const [values, setValues] = useState<FormValues | null>(null);
  const [errors, setErrors] = useState<FormErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  const sections = useMemo(() => formSections(fields.data ?? [], layouts.data ?? []), [fields.data, layouts.data]);
  useEffect(() => {
    if (fields.data && values === null) setValues(initialValues(fields.data, initial));
  }, [fields.data, values, initial]);

  if (fields.isError || layouts.isError) return <Alert color="red">{t('errors.loadFailed')}</Alert>;
  if (!fields.data || !layouts.data || !values) return <PageLoader />;
  const allFields = fields.data;

  const setValue = (name: string, v: unknown) => {
    setValues((prev) => ({ ...prev, [name]: v }));
    if (errors[name]) setErrors(({ [name]: _gone, ...rest }) => rest);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    const found = validateValues(allFields, values);
    if (Object.keys(found).length) {
      setErrors(Object.fromEntries(Object.entries(found).map(([k, key]) => [k, t(key)])));
      return;
    }
    try {
      const record = await create.mutateAsync(toPayload(allFields, values));
      onCreated(record);
    } catch (err) {
      const message = serverErrorMessage(t, err);
      const field = err instanceof ApiError ? errorFieldFor(allFields, err.field) : undefined;
      if (field) setErrors({ [field]: message });
      else setFormError(message);
    }
  };

  const invalidCount = Object.keys(errors).length;
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        {formError && (
          <Alert color="red" role="alert" title={t('form.notSaved')}>
            {formError}
          </Alert>
        )}
        {invalidCount > 0 && !formError && (
          <Alert color="red" role="alert">
            {t('form.fixErrors', { count: invalidCount })}
          </Alert>
        )}
        {sections.map((s, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: layout sections keep their order; titles may repeat
          <Stack key={`${s.title}-${i}`} gap="sm">
            {s.title && (
              <Title order={3} size="h5">
                {sectionTitle(t, module, s.title)}
              </Title>
            )}
            <SectionFields module={module.apiName} fields={s.fields} values={values} errors={errors} onChange={setValue} />
          </Stack>
        ))}
        <Group justify="flex-end">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          )}
          <Button type="submit" loading={create.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
