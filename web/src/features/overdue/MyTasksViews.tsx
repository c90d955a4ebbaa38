import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { MY_TASKS_VIEWS, type MyTasksView } from './my-tasks';

/** The built-in "My tasks" views beside the saved views of the tasks list. */
export function MyTasksViews({ value, onChange }: { value: MyTasksView | null; onChange: (view: MyTasksView | null) => void }) {
  const { t } = useTranslation();
  return (
    <Select
      label={t('myTasks.label')}
      w={200}
      allowDeselect={false}
      value={value ?? 'all'}
      onChange={(v) => onChange(v === 'all' || !v ? null : (v as MyTasksView))}
      data={[{ value: 'all', label: t('myTasks.all') }, ...MY_TASKS_VIEWS.map((v) => ({ value: v, label: t(`myTasks.${v}`) }))]}
    />
  );
}
