import { NavLink, ScrollArea, Skeleton, Stack } from '@mantine/core';
import { IconCalendar, IconHome, IconLayoutKanban } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useModules } from '../../hooks/api/modules';
import { moduleLabel } from '../../i18n/labels';
import { ModuleIcon } from '../ModuleIcon';

/** Navigation built from module metadata: every module not hidden by an administrator. */
export function SideNav({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const modules = useModules();
  const { pathname } = useLocation();
  return (
    <ScrollArea type="auto" h="100%">
      <Stack gap={2} p="xs" component="ul" style={{ listStyle: 'none', margin: 0 }}>
        <li>
          <NavLink
            component={Link}
            to="/"
            label={t('nav.home')}
            leftSection={<IconHome size={18} stroke={1.6} aria-hidden />}
            active={pathname === '/'}
            aria-current={pathname === '/' ? 'page' : undefined}
            onClick={onNavigate}
          />
        </li>
        <li>
          <NavLink
            component={Link}
            to="/calendar"
            label={t('calendarPage.nav')}
            leftSection={<IconCalendar size={18} stroke={1.6} aria-hidden />}
            active={pathname === '/calendar'}
            aria-current={pathname === '/calendar' ? 'page' : undefined}
            onClick={onNavigate}
          />
        </li>
        {modules.data?.some((m) => m.apiName === 'deals' && !m.hidden) && (
          <li>
            <NavLink
              component={Link}
              to="/m/deals/board"
              label={t('salesBoard.nav')}
              leftSection={<IconLayoutKanban size={18} stroke={1.6} aria-hidden />}
              active={pathname === '/m/deals/board'}
              aria-current={pathname === '/m/deals/board' ? 'page' : undefined}
              onClick={onNavigate}
            />
          </li>
        )}
        {modules.isPending &&
          Array.from({ length: 6 }, (_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: fixed placeholders while the modules load
            <li key={i}>
              <Skeleton h={32} my={4} />
            </li>
          ))}
        {modules.data
          ?.filter((m) => !m.hidden)
          .map((m) => {
            const to = `/m/${m.apiName}`;
            // The deals board has its own entry (Pipeline) above.
            const active = (pathname === to || pathname.startsWith(`${to}/`)) && pathname !== '/m/deals/board';
            return (
              <li key={m.apiName}>
                <NavLink
                  component={Link}
                  to={to}
                  label={moduleLabel(t, m)}
                  leftSection={<ModuleIcon module={m.apiName} />}
                  active={active}
                  aria-current={active ? 'page' : undefined}
                  onClick={onNavigate}
                />
              </li>
            );
          })}
      </Stack>
    </ScrollArea>
  );
}
