import { Alert, Button, Paper, Select, Stack, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import type { Organization } from '../../api/types';
import { serverErrorMessage } from '../../features/record-form/server-error';
import { useOrganization, useUpdateOrganization } from '../../hooks/api/organization';
import NotFoundPage from '../not-found/NotFoundPage';
import { currencies, timeZones } from '../setup/setup-options';
import { useIsAdmin } from './SettingsLayout';
import { Loading } from '../../components/Loading';

/** The organisation: name, time zone, currency (administrators). */
export default function OrganizationPage() {
  const { t, i18n } = useTranslation();
  const admin = useIsAdmin();
  const org = useOrganization();
  const update = useUpdateOrganization();
  const [values, setValues] = useState<Organization | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => {
    if (org.data && !values) setValues(org.data);
  }, [org.data, values]);
  if (!admin) return <NotFoundPage message={t('errors.forbidden')} />;
  if (org.isError) return <Alert color="red">{t('errors.loadFailed')}</Alert>;
  if (!values) return <Loading />;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!values.name.trim()) {
      setErrors({ name: t('form.errors.required') });
      return;
    }
    try {
      await update.mutateAsync({ name: values.name.trim(), timeZone: values.timeZone, currency: values.currency });
      setErrors({});
      notifications.show({ color: 'green', message: t('settings.organization.saved') });
    } catch (err) {
      const f = err instanceof ApiError ? err.field : undefined;
      setErrors({ [f && ['name', 'timeZone', 'currency'].includes(f) ? f : 'name']: serverErrorMessage(t, err) });
    }
  };
  return (
    <section aria-labelledby="org-title">
      <Title order={2} id="org-title" mb="sm">
        {t('settings.nav.organization')}
      </Title>
      <Paper withBorder p="md" component="form" onSubmit={submit} noValidate maw={520}>
        <Stack gap="sm">
          <TextInput label={t('setup.orgName')} required value={values.name} onChange={(e) => setValues({ ...values, name: e.currentTarget.value })} error={errors.name} />
          <Select
            label={t('setup.timeZone')}
            searchable
            allowDeselect={false}
            data={timeZones()}
            value={values.timeZone}
            onChange={(v) => v && setValues({ ...values, timeZone: v })}
            error={errors.timeZone}
          />
          <Select
            label={t('setup.currency')}
            searchable
            allowDeselect={false}
            data={currencies(i18n.language)}
            value={values.currency}
            onChange={(v) => v && setValues({ ...values, currency: v })}
            error={errors.currency}
          />
          <Button type="submit" loading={update.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('common.save')}
          </Button>
        </Stack>
      </Paper>
    </section>
  );
}
