import { ActionIcon, Anchor, Group, Menu, Paper, Stack, Text } from '@mantine/core';
import { IconDots } from '@tabler/icons-react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CrmRecord, RecordNameRule } from '../../api/types';
import { ActivityAge } from '../../features/deal/activity-age';
import { TaskDue } from '../../features/overdue';
import type { BoardColumn } from '../../hooks/api/sales';
import { useFormat } from '../../i18n/use-format';
import { recordName } from '../../lib/record-name';

const refName = (v: unknown) => (v && typeof v === 'object' ? ((v as { name?: string | null }).name ?? null) : null);

export interface CardProps {
  module: string;
  record: CrmRecord;
  nameRule: RecordNameRule;
  column: BoardColumn;
  columns: BoardColumn[];
  columnLabel: (c: BoardColumn) => string;
  onMove: (record: CrmRecord, from: BoardColumn, to: BoardColumn) => void;
}

/**
 * One card: name (a link), account, amount, closing date, owner and days since last activity.
 * Dragged with the mouse, or moved from the keyboard: arrow keys to the next column left or right,
 * or the "Move to…" menu.
 */
export function BoardCard({ module, record, nameRule, column, columns, columnLabel, onMove }: CardProps) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const name = recordName(record, nameRule) ?? t('record.noName');
  const index = columns.findIndex((c) => c.value === column.value);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget) return;
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    const to = columns[index + step];
    if (step !== 0 && to) {
      e.preventDefault();
      onMove(record, column, to);
    }
  };
  const amount = typeof record.amount === 'number' ? record.amount : null;
  const account = refName(record.account);
  const owner = refName(record.owner);
  return (
    <Paper
      withBorder
      p="xs"
      radius="sm"
      component="article"
      tabIndex={0}
      draggable
      aria-label={name}
      aria-describedby="board-keyboard-help"
      data-testid="board-card"
      onDragStart={(e) => {
        e.dataTransfer.setData('application/x-rapport-card', JSON.stringify({ record, from: column.value }));
        e.dataTransfer.effectAllowed = 'move';
      }}
      onKeyDown={onKeyDown}
      style={{ cursor: 'grab' }}
    >
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap={4}>
        <Anchor component={Link} to={`/m/${module}/${record.id}`} fw={600} size="sm" draggable={false}>
          {name}
        </Anchor>
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <ActionIcon variant="subtle" size="sm" aria-label={t('salesBoard.moveMenu', { name })}>
              <IconDots size={16} aria-hidden />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Label>{t('salesBoard.moveTo')}</Menu.Label>
            {columns
              .filter((c) => c.value !== column.value)
              .map((c) => (
                <Menu.Item key={c.value ?? ''} onClick={() => onMove(record, column, c)}>
                  {columnLabel(c)}
                </Menu.Item>
              ))}
          </Menu.Dropdown>
        </Menu>
      </Group>
      <Stack gap={2} mt={4}>
        {module === 'tasks' && (
          <Text size="xs">
            <TaskDue task={record} />
          </Text>
        )}
        {account && (
          <Text size="xs" c="dimmed">
            {account}
          </Text>
        )}
        <Group gap="xs" justify="space-between">
          {amount !== null && <Text size="sm">{fmt.currency(amount)}</Text>}
          {typeof record.closingDate === 'string' && (
            <Text size="xs" c="dimmed">
              {fmt.date(record.closingDate)}
            </Text>
          )}
        </Group>
        <Group gap="xs" justify="space-between">
          {owner && <Text size="xs">{owner}</Text>}
          <ActivityAge at={record.lastActivityAt as string | null | undefined} />
        </Group>
      </Stack>
    </Paper>
  );
}
