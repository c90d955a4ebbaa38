import { Alert, Anchor, Button, PasswordInput, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate } from 'react-router';
import { ApiError } from '../../api/client';
import { PageLoader } from '../../components/shell/PageLoader';
import { useRunSetup, useSetupStatus } from '../../hooks/api/setup';
import { browserTimeZone, currencies, SETUP_ERROR_FIELDS, type SetupField, timeZones } from './setup-options';

const MIN_PASSWORD = 8;

/** First-run setup on an empty database: the organisation and its first administrator. */
export default function SetupPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(`${t('setup.title')} · ${t('app.name')}`);
  const status = useSetupStatus();
  const run = useRunSetup();
  const navigate = useNavigate();
  const zones = useMemo(() => timeZones(), []);
  const currencyOptions = useMemo(() => currencies(i18n.language), [i18n.language]);
  const [v, setV] = useState({
    orgName: '',
    timeZone: browserTimeZone(),
    currency: 'USD',
    name: '',
    email: '',
    password: '',
    confirm: '',
  });
  const [errors, setErrors] = useState<Partial<Record<SetupField, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);

  if (status.isPending) return <PageLoader />;
  if (status.data === false) return <Navigate to="/login" replace />;

  const set = (k: SetupField) => (value: string) => {
    setV((prev) => ({ ...prev, [k]: value }));
    setErrors(({ [k]: _gone, ...rest }) => rest);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    const found: Partial<Record<SetupField, string>> = {};
    for (const k of ['orgName', 'timeZone', 'currency', 'name', 'email', 'password'] as const) {
      if (!v[k].trim()) found[k] = t('form.errors.required');
    }
    if (!found.password && [...v.password].length < MIN_PASSWORD) found.password = t('setup.passwordTooShort', { count: MIN_PASSWORD });
    if (!found.password && v.password !== v.confirm) found.confirm = t('setup.passwordsDiffer');
    setErrors(found);
    if (Object.keys(found).length) return;
    try {
      await run.mutateAsync({
        organization: { name: v.orgName.trim(), timeZone: v.timeZone, currency: v.currency, locale: i18n.language },
        admin: { name: v.name.trim(), email: v.email.trim(), password: v.password },
      });
      navigate('/', { replace: true });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'CONFLICT') {
        setFormError(t('setup.alreadyDone'));
        return;
      }
      const field = err instanceof ApiError && err.field ? SETUP_ERROR_FIELDS[err.field] : undefined;
      const message =
        err instanceof ApiError && err.code !== 'SERVER_ERROR' && err.code !== 'NETWORK_ERROR' ? err.message : t('errors.unexpected');
      if (field) setErrors({ [field]: message });
      else setFormError(message);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <div>
          <Title order={1} size="h2">
            {t('setup.title')}
          </Title>
          <Text c="dimmed" size="sm" mt={4}>
            {t('setup.intro')}
          </Text>
        </div>
        {formError && (
          <Alert color="red" role="alert">
            {formError}{' '}
            {run.error instanceof ApiError && run.error.code === 'CONFLICT' && (
              <Anchor component={Link} to="/login">
                {t('login.submit')}
              </Anchor>
            )}
          </Alert>
        )}
        <Title order={2} size="h4">
          {t('setup.organization')}
        </Title>
        <TextInput
          label={t('setup.orgName')}
          required
          value={v.orgName}
          onChange={(e) => set('orgName')(e.currentTarget.value)}
          error={errors.orgName}
          maxLength={200}
          autoComplete="organization"
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('setup.timeZone')}
            required
            searchable
            allowDeselect={false}
            data={zones}
            limit={100}
            value={v.timeZone}
            onChange={(z) => set('timeZone')(z ?? '')}
            error={errors.timeZone}
            nothingFoundMessage={t('form.noMatches')}
          />
          <Select
            label={t('setup.currency')}
            required
            searchable
            allowDeselect={false}
            data={currencyOptions}
            limit={100}
            value={v.currency}
            onChange={(c) => set('currency')(c ?? '')}
            error={errors.currency}
            nothingFoundMessage={t('form.noMatches')}
          />
        </SimpleGrid>
        <Title order={2} size="h4" mt="sm">
          {t('setup.administrator')}
        </Title>
        <TextInput
          label={t('setup.adminName')}
          required
          value={v.name}
          onChange={(e) => set('name')(e.currentTarget.value)}
          error={errors.name}
          autoComplete="name"
          maxLength={255}
        />
        <TextInput
          label={t('login.email')}
          type="email"
          required
          value={v.email}
          onChange={(e) => set('email')(e.currentTarget.value)}
          error={errors.email}
          autoComplete="email"
          maxLength={255}
        />
        <PasswordInput
          label={t('login.password')}
          required
          value={v.password}
          onChange={(e) => set('password')(e.currentTarget.value)}
          error={errors.password}
          description={t('setup.passwordHint', { count: MIN_PASSWORD })}
          autoComplete="new-password"
          visibilityToggleButtonProps={{ 'aria-label': t('login.togglePassword') }}
        />
        <PasswordInput
          label={t('setup.confirmPassword')}
          required
          value={v.confirm}
          onChange={(e) => set('confirm')(e.currentTarget.value)}
          error={errors.confirm}
          autoComplete="new-password"
          visibilityToggleButtonProps={{ 'aria-label': t('login.togglePassword') }}
        />
        <Button type="submit" loading={run.isPending} mt="sm">
          {t('setup.submit')}
        </Button>
      </Stack>
    </form>
  );
}
