import { Alert, Anchor, Button, Group, Loader, Paper, Switch, Table, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../api/client';
import type { ModuleSummary } from '../../api/types';
import { serverErrorMessage } from '../../features/record-form/server-error';
import { useCreateModule } from '../../hooks/api/fields-admin';
import { useModules, useUpdateModule } from '../../hooks/api/modules';
import { moduleLabel } from '../../i18n/labels';
import NotFoundPage from '../not-found/NotFoundPage';
import { useIsAdmin } from './SettingsLayout';

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
  const [label, setLabel] = useState('');
  const [singular, setSingular] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (!label.trim()) found.label = t('form.errors.required');
    if (!singular.trim()) found.singularLabel = t('form.errors.required');
    setErrors(found);
    if (Object.keys(found).length) return;
    try {
      await create.mutateAsync({ label: label.trim(), singularLabel: singular.trim() });
      notifications.show({ color: 'green', message: t('settings.modules.created', { name: label.trim() }) });
      setLabel('');
      setSingular('');
    } catch (err) {
      const field = err instanceof ApiError && err.field === 'singularLabel' ? 'singularLabel' : 'label';
      setErrors({ [field]: serverErrorMessage(t, err) });
    }
  };
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} noValidate aria-labelledby="new-module-title">
      <Title order={3} size="h5" id="new-module-title" mb="sm">
        {t('settings.modules.new')}
      </Title>
      <Group align="flex-start">
        <TextInput label={t('settings.modules.label')} required value={label} onChange={(e) => setLabel(e.currentTarget.value)} error={errors.label} />
        <TextInput
          label={t('settings.modules.singularLabel')}
          required
          value={singular}
          onChange={(e) => setSingular(e.currentTarget.value)}
          error={errors.singularLabel}
        />
        <Button type="submit" mt={24} loading={create.isPending}>
          {t('settings.modules.create')}
        </Button>
      </Group>
    </Paper>
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
      {modules.isPending ? (
        <Loader role="status" aria-label={t('common.loading')} />
      ) : modules.isError ? (
        <Alert color="red">{t('errors.loadFailed')}</Alert>
      ) : (
        <Table mb="md">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('settings.modules.module')}</Table.Th>
              <Table.Th>{t('settings.modules.apiName')}</Table.Th>
              <Table.Th>{t('settings.modules.visible')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {modules.data.map((m) => (
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
            ))}
          </Table.Tbody>
        </Table>
      )}
      <NewModuleForm />
    </section>
  );
}
