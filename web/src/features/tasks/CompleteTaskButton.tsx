import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import type { CrmRecord } from '../../api/types';
import { useUpdateRecord } from '../../hooks/api/records';

/** "Complete": sets the task's status to Completed (the server sets completedAt and makes the next repeat). */
export function CompleteTaskButton({ task, name, size = 'sm' }: { task: CrmRecord; name: string; size?: 'xs' | 'sm' | 'compact-sm' }) {
  const { t } = useTranslation();
  const update = useUpdateRecord('tasks', task.id);
  if (task.status === 'Completed') return null;
  const complete = async () => {
    try {
      await update.mutateAsync({ values: { status: 'Completed' } });
      notifications.show({ color: 'green', message: t('taskActions.completed', { name }) });
    } catch (err) {
      notifications.show({ color: 'red', message: err instanceof ApiError ? err.message : t('taskActions.notCompleted') });
    }
  };
  return (
    <Button
      size={size}
      variant="default"
      leftSection={<IconCircleCheck size={16} color="var(--mantine-color-green-8)" aria-hidden />}
      loading={update.isPending}
      onClick={() => void complete()}
      aria-label={t('taskActions.completeNamed', { name })}
    >
      {t('taskActions.complete')}
    </Button>
  );
}
