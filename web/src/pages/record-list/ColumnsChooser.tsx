import { ActionIcon, Button, Checkbox, Group, Popover, ScrollArea, Stack, Text } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconColumns } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Field } from '../../api/types';
import { fieldLabel } from '../../i18n/labels';

interface Props {
  module: string;
  /** Every field that can be a column. */
  available: Field[];
  /** The columns shown, in order. */
  selected: string[];
  onChange: (columns: string[]) => void;
  onReset: () => void;
}

/** Chooses the list's columns (checkboxes) and their order (move up/down buttons, keyboard-usable). */
export function ColumnsChooser({ module, available, selected, onChange, onReset }: Props) {
  const { t } = useTranslation();
  const byName = new Map(available.map((f) => [f.apiName, f]));
  const shown = selected.filter((n) => byName.has(n));
  const hidden = available.filter((f) => !shown.includes(f.apiName));
  const move = (i: number, d: -1 | 1) => {
    const next = [...shown];
    [next[i], next[i + d]] = [next[i + d], next[i]];
    onChange(next);
  };
  return (
    <Popover position="bottom-end" shadow="md" trapFocus withinPortal>
      <Popover.Target>
        <Button variant="default" leftSection={<IconColumns size={16} aria-hidden />}>
          {t('columns.button')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs" w={280}>
          <Text fw={600} size="sm">
            {t('columns.title')}
          </Text>
          <ScrollArea.Autosize mah={360}>
            <Stack gap={4}>
              {shown.map((name, i) => {
                const f = byName.get(name) as Field;
                const label = fieldLabel(t, module, f);
                return (
                  <Group key={name} justify="space-between" wrap="nowrap">
                    <Checkbox label={label} checked onChange={() => onChange(shown.filter((n) => n !== name))} />
                    <Group gap={2} wrap="nowrap">
                      <ActionIcon
                        variant="subtle"
                        size="sm"
                        aria-label={t('columns.moveUp', { name: label })}
                        disabled={i === 0}
                        onClick={() => move(i, -1)}
                      >
                        <IconArrowUp size={14} aria-hidden />
                      </ActionIcon>
                      <ActionIcon
                        variant="subtle"
                        size="sm"
                        aria-label={t('columns.moveDown', { name: label })}
                        disabled={i === shown.length - 1}
                        onClick={() => move(i, 1)}
                      >
                        <IconArrowDown size={14} aria-hidden />
                      </ActionIcon>
                    </Group>
                  </Group>
                );
              })}
              {hidden.map((f) => (
                <Checkbox
                  key={f.apiName}
                  label={fieldLabel(t, module, f)}
                  checked={false}
                  onChange={() => onChange([...shown, f.apiName])}
                />
              ))}
            </Stack>
          </ScrollArea.Autosize>
          <Button variant="subtle" size="xs" onClick={onReset}>
            {t('columns.reset')}
          </Button>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
