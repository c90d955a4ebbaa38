import { ActionIcon, Fieldset, Group, Stack } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FilterGroup } from '../../../features/filter-builder/filter-model';
import { AddButton, CriteriaEditor } from './parts';

/** One entry of an ordered rule (assignment, scoring): its criteria and the kind's own values. */
export interface CriteriaEntry {
  id: string;
  filter: FilterGroup;
}

/**
 * An ordered rule's entries, each a fieldset with its criteria, the kind's own input (from
 * `children`, given a setter for that entry) and a remove button; an add button follows.
 * The last entry cannot be removed: such a rule always has one.
 */
export function CriteriaEntries<E extends CriteriaEntry>({
  module,
  entries,
  onChange,
  blank,
  children,
}: {
  module: string;
  entries: E[];
  onChange: (entries: E[]) => void;
  /** The entry "add" appends. */
  blank: () => E;
  children: (entry: E, set: (patch: Partial<E>) => void) => ReactNode;
}) {
  const { t } = useTranslation();
  const set = (id: string, patch: Partial<E>) => onChange(entries.map((x) => (x.id === id ? { ...x, ...patch } : x)));
  return (
    <>
      {entries.map((e, i) => (
        <Fieldset key={e.id} legend={t('automationSettings.entryN', { n: i + 1 })}>
          <Stack gap="xs">
            <CriteriaEditor
              module={module}
              legend={t('automationSettings.criteria')}
              value={e.filter}
              onChange={(filter) => set(e.id, { filter } as Partial<E>)}
            />
            <Group align="flex-end">
              {children(e, (patch) => set(e.id, patch))}
              <RemoveEntry n={i + 1} onRemove={() => onChange(entries.filter((x) => x.id !== e.id))} disabled={entries.length === 1} />
            </Group>
          </Stack>
        </Fieldset>
      ))}
      <Group>
        <AddButton onClick={() => onChange([...entries, blank()])}>{t('automationSettings.addEntry')}</AddButton>
      </Group>
    </>
  );
}

function RemoveEntry({ n, onRemove, disabled }: { n: number; onRemove: () => void; disabled: boolean }) {
  const { t } = useTranslation();
  return (
    <ActionIcon
      variant="subtle"
      color="red"
      size="lg"
      disabled={disabled}
      aria-label={t('automationSettings.removeEntry', { n })}
      onClick={onRemove}
    >
      <IconTrash size={18} aria-hidden />
    </ActionIcon>
  );
}
