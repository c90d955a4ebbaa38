import { Group, Text, useComputedColorScheme } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/use-format';
import { isOverdue } from './overdue';

/** A red that keeps a 4.5:1 contrast on the light and the dark background. */
export function useOverdueColor(): string {
  return useComputedColorScheme('light') === 'dark' ? 'red.4' : 'red.9';
}

/**
 * Marks something overdue: red, with an icon and the word "Overdue", so the cue does not rest on
 * colour alone.
 */
export function OverdueCue({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  const color = useOverdueColor();
  return (
    <Group component="span" gap={4} wrap="nowrap" c={color} style={{ display: 'inline-flex' }} data-overdue="true">
      <IconAlertTriangle size={14} aria-hidden />
      {children}
      <Text span inherit fw={600} size="xs" tt="uppercase">
        {t('overdue.label')}
      </Text>
    </Group>
  );
}

/** A task's due date: plain, or in red with "Overdue" when it is due before now and not completed. */
export function TaskDue({ task }: { task: Readonly<Record<string, unknown>> }) {
  const fmt = useFormat();
  if (typeof task.dueAt !== 'string') {
    return (
      <Text span inherit c="dimmed">
        —
      </Text>
    );
  }
  const text = fmt.dateTime(task.dueAt);
  return isOverdue(task) ? (
    <OverdueCue>
      <span>{text}</span>
    </OverdueCue>
  ) : (
    <Text span inherit>
      {text}
    </Text>
  );
}
