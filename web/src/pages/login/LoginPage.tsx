import { Alert, Button, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client';
import { PageLoader } from '../../components/shell/PageLoader';
import { useLogin, useMe } from '../../hooks/api/session';
import { useSetupStatus } from '../../hooks/api/setup';
import { safeNext } from '../../lib/safe-next';

/** Sign in, then go back to where the user was headed (`?next=`). */
export default function LoginPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('login.title')} · ${t('app.name')}`);
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const setup = useSetupStatus();
  const login = useLogin();
  const me = useMe();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ email?: string; password?: string }>({});

  if (setup.isPending) return <PageLoader />;
  if (setup.data === true) return <Navigate to="/setup" replace />;
  // Already signed in (a bookmark of this page, or setup just done): straight on.
  // A user kept in the cache from before a failed refetch is not signed in any more.
  if (me.data && !me.isError && !login.isPending) return <Navigate to={safeNext(params.get('next'))} replace />;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found = {
      ...(email.trim() ? {} : { email: t('form.errors.required') }),
      ...(password ? {} : { password: t('form.errors.required') }),
    };
    setErrors(found);
    if (Object.keys(found).length) return;
    try {
      await login.mutateAsync({ email: email.trim(), password });
      navigate(safeNext(params.get('next')), { replace: true });
    } catch {
      // Shown below from login.error.
    }
  };

  const err = login.error;
  const message =
    err instanceof ApiError
      ? err.code === 'INVALID_CREDENTIALS'
        ? t('login.invalid')
        : err.code === 'RATE_LIMITED'
          ? t('login.rateLimited')
          : err.code === 'NETWORK_ERROR'
            ? t('errors.network')
            : err.message
      : err
        ? t('errors.unexpected')
        : null;

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Title order={1} size="h2">
          {t('login.title')}
        </Title>
        {params.get('expired') === '1' && !message && (
          <Alert color="yellow" role="status">
            {t('login.expired')}
          </Alert>
        )}
        {message && (
          <Alert color="red" role="alert">
            {message}
          </Alert>
        )}
        <TextInput
          label={t('login.email')}
          type="email"
          required
          autoComplete="username"
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          error={errors.email}
          data-autofocus
        />
        <PasswordInput
          label={t('login.password')}
          required
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={errors.password}
          visibilityToggleButtonProps={{ 'aria-label': t('login.togglePassword') }}
        />
        <Button type="submit" loading={login.isPending}>
          {t('login.submit')}
        </Button>
        <Text size="xs" c="dimmed">
          {t('login.forgotHint')}
        </Text>
      </Stack>
    </form>
  );
}
