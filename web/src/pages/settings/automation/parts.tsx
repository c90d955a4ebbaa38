import { Button, Fieldset, Select, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FilterBuilder } from '../../../features/filter-builder/FilterBuilder';
import { type FilterGroup, fromApiFilter, toApiFilter } from '../../../features/filter-builder/filter-model';
import type { Criteria } from '../../../hooks/api/automation';
import { useFields, useModules } from '../../../hooks/api/modules';
import { moduleLabel } from '../../../i18n/labels';

/** A module picker (only for new rules: a rule's module never changes). */
export function ModuleSelect({
  value,
  onChange,
  disabled,
  only,
}: {
  value: string;
  onChange: (m: string) => void;
  disabled?: boolean;
  only?: string[];
}) {
  const { t } = useTranslation();
  const modules = useModules();
  const data = (modules.data ?? [])
    .filter((m) => !only || only.includes(m.apiName))
    .map((m) => ({ value: m.apiName, label: moduleLabel(t, m) }));
  return (
    <Select
      label={t('automationSettings.module')}
      data={data}
      value={value}
      onChange={(v) => v && onChange(v)}
      disabled={disabled}
      allowDeselect={false}
      required
    />
  );
}

/** Criteria edited with the list views' filter builder; an empty builder means "every record". */
export function CriteriaEditor({
  module,
  legend,
  value,
  onChange,
}: {
  module: string;
  legend: string;
  value: FilterGroup;
  onChange: (g: FilterGroup) => void;
}) {
  const { t } = useTranslation();
  const fields = useFields(module);
  return (
    <Fieldset legend={legend}>
      {value.children.length === 0 && (
        <Text size="sm" c="dimmed" mb="xs">
          {t('automationSettings.matchesAll')}
        </Text>
      )}
      {fields.data && <FilterBuilder module={module} fields={fields.data} value={value} onChange={onChange} />}
    </Fieldset>
  );
}

/** The editors' "add another" button (task, condition, action, entry). */
export function AddButton({ disabled, onClick, children }: { disabled?: boolean; onClick: () => void; children: ReactNode }) {
  return (
    <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} disabled={disabled} onClick={onClick}>
      {children}
    </Button>
  );
}

export const criteriaToModel = (c: Criteria): FilterGroup => fromApiFilter(c);
export const modelToCriteria = (g: FilterGroup): Criteria => (toApiFilter(g) as Criteria | undefined) ?? null;
