import { Anchor, Badge, Breadcrumbs, Button, Group, Modal, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Field } from '../../api/types';
import { ConfirmButton } from '../../components/ConfirmButton';
import { useDeleteField } from '../../hooks/api/fields-admin';
import { useFields, useModule } from '../../hooks/api/modules';
import { fieldLabel, moduleLabel } from '../../i18n/labels';
import NotFoundPage from '../not-found/NotFoundPage';
import { FieldEditor, fieldTypeLabel } from './FieldEditor';
import { ModuleSettingsPanel } from './ModuleSettingsPanel';
import { Loading } from './QueryStatus';
import { useIsAdmin } from './SettingsLayout';
import { SettingsTable } from './SettingsTable';

/** One module's fields: add a custom field, change a field, delete a custom field. */
export default function FieldsPage() {
  const { module: moduleName } = useParams();
  const { t } = useTranslation();
  const admin = useIsAdmin();
  const module = useModule(moduleName);
  const fields = useFields(module.data?.apiName);
  const remove = useDeleteField(moduleName ?? '');
  const [editing, setEditing] = useState<Field | 'new' | null>(null);
  if (!admin) return <NotFoundPage message={t('errors.forbidden')} />;
  if (module.isPending) return <Loading />;
  if (!module.data) return <NotFoundPage message={t('notFound.module')} />;
  const m = module.data;
  const editable = (f: Field) => !f.system && !f.readOnly && f.type !== 'autonumber' && f.type !== 'formula';
  const done = (message?: string) => {
    setEditing(null);
    if (message) notifications.show({ color: 'green', message });
  };

  return (
    <section aria-labelledby="fields-title">
      <Breadcrumbs aria-label={t('record.breadcrumbs')} mb="xs">
        <Anchor component={Link} to="/settings/modules">
          {t('settings.nav.modules')}
        </Anchor>
        <Text span aria-current="page">
          {moduleLabel(t, m)}
        </Text>
      </Breadcrumbs>
      <Group justify="space-between" mb="sm">
        <Title order={2} id="fields-title">
          {t('settings.fields.title', { name: moduleLabel(t, m) })}
        </Title>
        <Group gap="xs">
          <Button component={Link} to={`/settings/modules/${m.apiName}/layout`} variant="default">
            {t('moduleAdmin.editLayout')}
          </Button>
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
            {t('settings.fields.add')}
          </Button>
        </Group>
      </Group>
      {m.custom && <ModuleSettingsPanel key={`${m.label}/${m.singularLabel}`} module={m} />}
      <SettingsTable
        striped
        query={fields}
        headers={[t('settings.fields.label'), t('settings.modules.apiName'), t('settings.fields.type')]}
        actions
      >
        {(rows) =>
          rows.map((f) => {
            const label = fieldLabel(t, m.apiName, f);
            return (
              <Table.Tr key={f.apiName}>
                <Table.Td>
                  {label}{' '}
                  {f.required && (
                    <Badge size="xs" variant="light">
                      {t('settings.fields.required')}
                    </Badge>
                  )}{' '}
                  {f.custom && (
                    <Badge size="xs" variant="light" color="grape">
                      {t('settings.fields.custom')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <code>{f.apiName}</code>
                </Table.Td>
                <Table.Td>{fieldTypeLabel(t, f.type)}</Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    {editable(f) && (
                      <Button
                        size="xs"
                        variant="subtle"
                        onClick={() => setEditing(f)}
                        aria-label={t('settings.fields.editName', { name: label })}
                      >
                        {t('recordPage.edit')}
                      </Button>
                    )}
                    {f.custom && (
                      <ConfirmButton
                        size="xs"
                        label={t('recordPage.delete')}
                        aria-label={t('settings.fields.deleteName', { name: label })}
                        title={t('settings.fields.deleteTitle', { name: label })}
                        message={t('settings.fields.deleteConfirm')}
                        confirmLabel={t('recordPage.delete')}
                        onConfirm={() => remove.mutateAsync(f.apiName)}
                      />
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })
        }
      </SettingsTable>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={
          editing === 'new'
            ? t('settings.fields.add')
            : editing
              ? t('settings.fields.editName', { name: fieldLabel(t, m.apiName, editing) })
              : ''
        }
        size="lg"
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {editing !== null && (
          <FieldEditor
            module={m.apiName}
            field={editing === 'new' ? undefined : editing}
            onDone={() => done(t('settings.fields.saved'))}
            onCancel={() => done()}
          />
        )}
      </Modal>
    </section>
  );
}
