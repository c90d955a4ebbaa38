import { Anchor, Switch, Table, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ModuleSummary } from '../../api/types';
import { serverErrorMessage } from '../../features/record-form/server-error';
import { useCreateModule } from '../../hooks/api/fields-admin';
import { useModules, useUpdateModule } from '../../hooks/api/modules';
import { moduleLabel } from '../../i18n/labels';
import NotFoundPage from '../not-found/NotFoundPage';
import { ModuleLabelsForm } from './ModuleLabelsForm';
import { useIsAdmin } from './SettingsLayout';
import { SettingsTable } from './SettingsTable';

function HiddenSwitch({ module }: { module: ModuleSummary }) {
  const { t } = useTranslation();
  const update = useUpdateModule(module.apiName);
  return (
    <Switch
      checked={!module.hidden}
      disabled={update.isPending}
      label={<VisuallyHidden>{t('settings.modules.visibleName', { name: moduleLabel(t, module) })}</VisuallyHidden>}
      onChange={(e) =>
        update.mutate(
          { hidden: !e.currentTarget.checked },
          { onError: (err) => notifications.show({ color: 'red', message: serverErrorMessage(t, err) }) },
        )
      }
    />
  );
}

function NewModuleForm() {
  const { t } = useTranslation();
  const create = useCreateModule();
  return (
    <ModuleLabelsForm
      titleId="new-module-title"
      title={t('settings.modules.new')}
      submitLabel={t('settings.modules.create')}
      initial={{ label: '', singularLabel: '' }}
      pending={create.isPending}
      clearOnSave
      onSave={async (labels) => {
        await create.mutateAsync(labels);
        notifications.show({ color: 'green', message: t('settings.modules.created', { name: labels.label }) });
      }}
    />
  );
}

/** Modules: their fields, showing or hiding each, and new custom modules (administrators). */
export default function ModulesPage() {
  const { t } = useTranslation();
  const admin = useIsAdmin();
  const modules = useModules();
  if (!admin) return <NotFoundPage message={t('errors.forbidden')} />;
  return (
    <section aria-labelledby="modules-title">
      <Title order={2} id="modules-title" mb="sm">
        {t('settings.nav.modules')}
      </Title>
      <SettingsTable
        mb="md"
        query={modules}
        headers={[t('settings.modules.module'), t('settings.modules.apiName'), t('settings.modules.visible')]}
      >
        {(rows) =>
          rows.map((m) => (
            <Table.Tr key={m.apiName}>
              <Table.Td>
                <Anchor component={Link} to={`/settings/modules/${m.apiName}`}>
                  {moduleLabel(t, m)}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <code>{m.apiName}</code>
              </Table.Td>
              <Table.Td>
                <HiddenSwitch module={m} />
              </Table.Td>
            </Table.Tr>
          ))
        }
      </SettingsTable>
      <NewModuleForm />
    </section>
  );
}
