import { Box } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ModuleSummary } from '../../api/types';
import { ConfirmButton } from '../../components/ConfirmButton';
import { useDeleteModule } from '../../hooks/api/module-admin';
import { useUpdateModule } from '../../hooks/api/modules';
import { ModuleLabelsForm } from './ModuleLabelsForm';

/** A custom module's own settings: rename it (plural and singular) or delete it with its records. */
export function ModuleSettingsPanel({ module }: { module: ModuleSummary }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const update = useUpdateModule(module.apiName);
  const remove = useDeleteModule();

  return (
    <ModuleLabelsForm
      titleId="module-settings-title"
      title={t('moduleAdmin.title')}
      submitLabel={t('moduleAdmin.rename')}
      initial={module}
      pending={update.isPending}
      mb="md"
      onSave={async (labels) => {
        await update.mutateAsync(labels);
        notifications.show({ color: 'green', message: t('moduleAdmin.renamed', { name: labels.label }) });
      }}
    >
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
    </ModuleLabelsForm>
  );
}
