import { Button, Menu } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ModuleSummary } from '../../api/types';
import { ModuleIcon } from '../../components/ModuleIcon';
import { useModules } from '../../hooks/api/modules';
import { moduleSingularLabel } from '../../i18n/labels';
import { openCreateRecord } from './create-record-store';

/** The kinds the universal "+ Add" offers first ([MOD-7]); custom modules follow. */
export const ADD_KINDS = ['leads', 'contacts', 'accounts', 'deals', 'tasks', 'events', 'calls', 'notes'];

export function addMenuModules(modules: ModuleSummary[]): { standard: ModuleSummary[]; custom: ModuleSummary[] } {
  const visible = modules.filter((m) => !m.hidden);
  return {
    standard: ADD_KINDS.map((k) => visible.find((m) => m.apiName === k)).filter((m): m is ModuleSummary => Boolean(m)),
    custom: visible.filter((m) => m.custom),
  };
}

/** "+ Add" on every screen: a new lead, contact, account, deal, task, meeting, call or note. */
export function AddMenu() {
  const { t } = useTranslation();
  const modules = useModules();
  const { standard, custom } = addMenuModules(modules.data ?? []);
  return (
    <Menu position="bottom-end" width={220} withinPortal withInitialFocusPlaceholder={false}>
      <Menu.Target>
        <Button leftSection={<IconPlus size={16} aria-hidden />} disabled={!modules.data}>
          {t('shell.add')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {standard.map((m) => (
          <Menu.Item key={m.apiName} leftSection={<ModuleIcon module={m.apiName} size={16} />} onClick={() => openCreateRecord(m.apiName)}>
            {moduleSingularLabel(t, m)}
          </Menu.Item>
        ))}
        {custom.length > 0 && <Menu.Divider />}
        {custom.map((m) => (
          <Menu.Item key={m.apiName} leftSection={<ModuleIcon module={m.apiName} size={16} />} onClick={() => openCreateRecord(m.apiName)}>
            {m.singularLabel}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
