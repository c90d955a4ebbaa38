import { Grid, NavLink, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import { useMe } from '../../hooks/api/session';

/** The settings area: its own navigation (administrators see the admin pages) and the page. */
export default function SettingsLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const { pathname } = useLocation();
  const admin = me.data?.profile === 'Administrator';
  const items = [
    ...(admin
      ? [
          { to: '/settings/modules', label: t('settings.nav.modules') },
          { to: '/settings/users', label: t('settings.nav.users') },
          { to: '/settings/organization', label: t('settings.nav.organization') },
          { to: '/settings/automation', label: t('automationSettings.nav') },
          { to: '/settings/jobs', label: t('jobsAdmin.nav') },
          { to: '/settings/pipelines', label: t('pipelinesSettings.nav') },
          { to: '/settings/lead-conversion', label: t('leadConversionSettings.nav') },
          { to: '/settings/sample-data', label: t('sampleData.nav') },
        ]
      : []),
    { to: '/settings/notifications', label: t('notificationSettings.nav') },
    { to: '/settings/api-tokens', label: t('settings.nav.apiTokens') },
    { to: '/settings/recycle-bin', label: t('settings.nav.recycleBin') },
  ];
  if (pathname === '/settings' || pathname === '/settings/') return <Navigate to={items[0]!.to} replace />;
  return (
    <Stack gap="md">
      <Title order={1}>{t('settings.title')}</Title>
      <Grid>
        <Grid.Col span={{ base: 12, sm: 3 }}>
          <nav aria-label={t('settings.navLabel')}>
            <Stack gap={2} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {items.map((i) => {
                const active = pathname.startsWith(i.to);
                return (
                  <li key={i.to}>
                    <NavLink component={Link} to={i.to} label={i.label} active={active} aria-current={active ? 'page' : undefined} />
                  </li>
                );
              })}
            </Stack>
          </nav>
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 9 }}>
          <Outlet />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

/** Admin-only pages render this for everyone else. */
export function useIsAdmin() {
  const me = useMe();
  return me.data?.profile === 'Administrator';
}
