import { AppShell, Burger, Group, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { AddMenu } from '../../features/create-record/AddMenu';
import { CreateRecordHost } from '../../features/create-record/CreateRecordHost';
import { GlobalSearch, SearchButton } from '../../features/global-search/GlobalSearch';
import { NotificationBell } from '../../features/notifications';
import { PageLoader } from './PageLoader';
import { SideNav } from './SideNav';
import { SkipLink } from './SkipLink';
import { UserMenu } from './UserMenu';

/**
 * The signed-in shell: header (menu toggle, search, "+ Add", user menu), navigation from module
 * metadata, and the page. Pages render inside <main id="main">, the skip link's target.
 */
export default function AppLayout() {
  const { t } = useTranslation();
  const [navOpened, nav] = useDisclosure(false);
  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !navOpened } }} padding="md">
      <SkipLink />
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={navOpened}
              onClick={nav.toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={navOpened ? t('shell.closeNavigation') : t('shell.openNavigation')}
              aria-expanded={navOpened}
              aria-controls="app-navigation"
            />
            <UnstyledButton component={Link} to="/" aria-label={t('shell.homeLink')}>
              <Text fw={700} size="xl" c="blue" aria-hidden>
                {t('app.name')}
              </Text>
            </UnstyledButton>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <SearchButton />
            <AddMenu />
            <NotificationBell />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar id="app-navigation" aria-label={t('shell.navigation')}>
        <SideNav onNavigate={nav.close} />
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1} style={{ outline: 'none' }}>
        <Suspense fallback={<PageLoader />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
      <GlobalSearch />
      <CreateRecordHost />
    </AppShell>
  );
}
