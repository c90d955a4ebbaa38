import { Box, Button, Group, Paper, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../../api/client';
import type { ModuleSummary } from '../../api/types';
import { ConfirmButton } from '../../components/ConfirmButton';
import { serverErrorMessage } from '../../features/record-form/server-error';
import { useDeleteModule } from '../../hooks/api/module-admin';
import { useUpdateModule } from '../../hooks/api/modules';

/** A custom module's own settings: rename it (plural and singular) or delete it with its records. */
export function ModuleSettingsPanel({ module }: { module: ModuleSummary }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const update = useUpdateModule(module.apiName);
  const remove = useDeleteModule();
  const [label, setLabel] = useState(module.label);
  const [singular, setSingular] = useState(module.singularLabel);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (!label.trim()) found.label = t('form.errors.required');
    if (!singular.trim()) found.singularLabel = t('form.errors.required');
    setErrors(found);
    if (Object.keys(found).length) return;
    try {
      await update.mutateAsync({ label: label.trim(), singularLabel: singular.trim() });
      notifications.show({ color: 'green', message: t('moduleAdmin.renamed', { name: label.trim() }) });
    } catch (err) {
      const field = err instanceof ApiError && err.field === 'singularLabel' ? 'singularLabel' : 'label';
      setErrors({ [field]: serverErrorMessage(t, err) });
    }
  };

  return (
    <Paper withBorder p="md" mb="md" component="form" onSubmit={submit} noValidate aria-labelledby="module-settings-title">
      <Title order={3} size="h5" id="module-settings-title" mb="sm">
        {t('moduleAdmin.title')}
      </Title>
      <Group align="flex-start">
        <TextInput
          label={t('settings.modules.label')}
          required
          value={label}
          onChange={(e) => setLabel(e.currentTarget.value)}
          error={errors.label}
        />
        <TextInput
          label={t('settings.modules.singularLabel')}
          required
          value={singular}
          onChange={(e) => setSingular(e.currentTarget.value)}
          error={errors.singularLabel}
        />
        <Button type="submit" mt={24} loading={update.isPending}>
          {t('moduleAdmin.rename')}
        </Button>
        <Box mt={24}>
          <ConfirmButton
            label={t('moduleAdmin.delete')}
            title={t('moduleAdmin.deleteTitle', { name: module.label })}
            message={t('moduleAdmin.deleteConfirm', { name: module.label })}
            confirmLabel={t('moduleAdmin.deleteConfirmButton')}
            onConfirm={async () => {
              await remove.mutateAsync(module.apiName);
              notifications.show({ color: 'green', message: t('moduleAdmin.deleted', { name: module.label }) });
              navigate('/settings/modules');
            }}
          />
        </Box>
      </Group>
    </Paper>
  );
}
