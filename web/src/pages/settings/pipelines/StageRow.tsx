import { ActionIcon, Group, NumberInput, Table, Text, TextInput } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Stage } from '../../../hooks/api/sales';

/** One stage: its name and default probability edited in place, saved with the row's button. */
export function StageRow({
  stage,
  busy,
  onSave,
  extra,
}: {
  stage: Stage;
  busy: boolean;
  onSave: (patch: { name?: string; probability?: number }) => Promise<boolean>;
  extra: ReactNode;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(stage.name);
  const [probability, setProbability] = useState<number | string>(stage.probability);
  const dirty = name.trim() !== stage.name || Number(probability) !== stage.probability;
  return (
    <Table.Tr>
      <Table.Td>
        <TextInput
          aria-label={`${t('pipelinesSettings.stageName')}: ${stage.name}`}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          size="xs"
        />
      </Table.Td>
      <Table.Td>
        <NumberInput
          aria-label={`${t('pipelinesSettings.probability')}: ${stage.name}`}
          value={probability}
          onChange={setProbability}
          min={0}
          max={100}
          size="xs"
          w={90}
        />
      </Table.Td>
      <Table.Td>
        <Text size="sm">{t(`pipelinesSettings.kind_${stage.kind}`)}</Text>
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap">
          <ActionIcon
            variant="subtle"
            aria-label={t('pipelinesSettings.saveStage', { name: stage.name })}
            disabled={!dirty || !name.trim() || busy}
            onClick={() =>
              void onSave({
                ...(name.trim() !== stage.name ? { name: name.trim() } : {}),
                ...(Number(probability) !== stage.probability ? { probability: Number(probability) } : {}),
              })
            }
          >
            <IconDeviceFloppy size={16} aria-hidden />
          </ActionIcon>
          {extra}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
