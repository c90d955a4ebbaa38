import { Alert, Anchor, Breadcrumbs, Button, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useBlocker, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { PageLoader } from '../../components/shell/PageLoader';
import { SectionFields } from '../../features/record-form/SectionFields';
import { errorFieldFor, type FormErrors, type FormValues, formSections, validateValues } from '../../features/record-form/form-model';
import { serverErrorMessage } from '../../features/record-form/server-error';
import { useFields, useLayouts, useModule } from '../../hooks/api/modules';
import { useRecord, useUpdateRecord } from '../../hooks/api/records';
import { moduleLabel, sectionTitle } from '../../i18n/labels';
import { recordName } from '../../lib/record-name';
import NotFoundPage from '../not-found/NotFoundPage';
import { changedPayload, recordFormValues } from './edit-model';

/** The full edit form of one record; leaving with unsaved changes asks first. */
export default function RecordEditPage() {
  const { module: moduleName, id } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const module = useModule(moduleName);
  const fields = useFields(module.data?.apiName);
  const layouts = useLayouts(module.data?.apiName);
  const record = useRecord(module.data?.apiName, id);
  const update = useUpdateRecord(module.data?.apiName ?? '', id ?? '');
  const [initial, setInitial] = useState<FormValues | null>(null);
  const [values, setValues] = useState<FormValues | null>(null);
  const [errors, setErrors] = useState<FormErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const name = module.data && record.data ? (recordName(record.data, module.data.recordName) ?? t('record.noName')) : '';
  useDocumentTitle(name ? `${t('recordPage.editTitle', { name })} · ${t('app.name')}` : t('app.name'));

  useEffect(() => {
    if (fields.data && record.data && initial === null) {
      const v = recordFormValues(fields.data, record.data);
      setInitial(v);
      setValues(v);
    }
  }, [fields.data, record.data, initial]);

  const dirty = useMemo(
    () => !saved && initial !== null && values !== null && JSON.stringify(initial) !== JSON.stringify(values),
    [initial, values, saved],
  );
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname);
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);
  useEffect(() => {
    if (saved && module.data && id) navigate(`/m/${module.data.apiName}/${id}`);
  }, [saved, module.data, id, navigate]);

  const sections = useMemo(() => formSections(fields.data ?? [], layouts.data ?? []), [fields.data, layouts.data]);

  if (module.isPending) return <PageLoader />;
  if (!module.data) return <NotFoundPage message={t('notFound.module')} />;
  if (record.error instanceof ApiError && record.error.status === 404) return <NotFoundPage message={t('notFound.record')} />;
  if (record.isError || fields.isError || layouts.isError) {
    return (
      <Alert color="red" role="alert">
        {t('errors.loadFailed')}
      </Alert>
    );
  }
  if (!record.data || !fields.data || !layouts.data || !values || !initial) return <PageLoader />;
  const m = module.data;
  const allFields = fields.data;
  const r = record.data;

  const setValue = (n: string, v: unknown) => {
    setValues((prev) => ({ ...prev, [n]: v }));
    if (errors[n]) setErrors(({ [n]: _gone, ...rest }) => rest);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    const found = validateValues(allFields, values);
    if (Object.keys(found).length) {
      setErrors(Object.fromEntries(Object.entries(found).map(([k, key]) => [k, t(key)])));
      return;
    }
    const payload = changedPayload(allFields, initial, values);
    if (Object.keys(payload).length === 0) {
      setSaved(true);
      return;
    }
    try {
      await update.mutateAsync({ values: payload, version: r.version });
      setSaved(true);
    } catch (err) {
      const message = serverErrorMessage(t, err);
      const field = err instanceof ApiError ? errorFieldFor(allFields, err.field) : undefined;
      if (field) setErrors({ [field]: message });
      else setFormError(message);
    }
  };

  const invalidCount = Object.keys(errors).length;
  return (
    <Stack gap="md">
      <Breadcrumbs aria-label={t('record.breadcrumbs')}>
        <Anchor component={Link} to={`/m/${m.apiName}`}>
          {moduleLabel(t, m)}
        </Anchor>
        <Anchor component={Link} to={`/m/${m.apiName}/${r.id}`}>
          {name}
        </Anchor>
        <Text span aria-current="page">
          {t('recordPage.edit')}
        </Text>
      </Breadcrumbs>
      <Title order={1}>{t('recordPage.editTitle', { name })}</Title>
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
            <Paper key={`${s.title}-${i}`} withBorder p="md">
              {s.title && (
                <Title order={2} size="h4" mb="sm">
                  {sectionTitle(t, m, s.title)}
                </Title>
              )}
              <SectionFields module={m.apiName} fields={s.fields} values={values} errors={errors} onChange={setValue} />
            </Paper>
          ))}
          <Group justify="flex-end">
            <Button variant="default" component={Link} to={`/m/${m.apiName}/${r.id}`}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={update.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
      <Modal
        opened={blocker.state === 'blocked'}
        onClose={() => blocker.reset?.()}
        title={t('recordPage.unsavedTitle')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Text>{t('recordPage.unsavedBody')}</Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => blocker.reset?.()} data-autofocus>
            {t('recordPage.keepEditing')}
          </Button>
          <Button color="red" onClick={() => blocker.proceed?.()}>
            {t('recordPage.discard')}
          </Button>
        </Group>
      </Modal>
    </Stack>
  );
}
