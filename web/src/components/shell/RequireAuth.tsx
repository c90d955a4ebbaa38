import { Button, Center, Stack, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { ApiError } from '../../api/client';
import { useMe } from '../../hooks/api/session';
import { setLanguage } from '../../i18n';
import { loginPathFor } from '../../lib/safe-next';
import { sessionExpired } from '../../lib/session-expiry';
import { PageLoader } from './PageLoader';

/** The signed-in part of the app: without a session, sign in first and come back here. */
export function RequireAuth() {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  const locale = me.data?.locale;

  useEffect(() => {
    if (locale) void setLanguage(locale);
  }, [locale]);

  if (me.isPending) return <PageLoader fullScreen />;
  if (me.isError) {
    // The 401 handler has recorded whether a signed-in user lost the session; this redirect may
    // overtake the handler's, and must say the same.
    if (me.error instanceof ApiError && me.error.status === 401)
      return <Navigate to={loginPathFor(location, sessionExpired() ? { expired: '1' } : {})} replace />;
    return (
      <Center h="100vh" component="main">
        <Stack align="center">
          <Text role="alert">{t('errors.loadFailed')}</Text>
          <Button onClick={() => me.refetch()}>{t('common.retry')}</Button>
        </Stack>
      </Center>
    );
  }
  return <Outlet />;
}
