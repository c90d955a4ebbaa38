import { ActionIcon, Button, Group, Paper, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Field } from '../../api/types';
import { fieldLabel } from '../../i18n/labels';
import {
  emptyGroup,
  type FilterCondition,
  type FilterGroup,
  type FilterItem,
  initialValue,
  isGroup,
  newCondition,
  replaceItem,
} from './filter-model';
import { type FilterOp, operandShape, operatorsFor } from './operators';
import { ValueInput } from './ValueInput';

export interface FilterBuilderProps {
  module: string;
  fields: Field[];
  value: FilterGroup;
  onChange: (value: FilterGroup) => void;
  /** How deep groups may nest (1: conditions only under the top group). */
  maxDepth?: number;
}

/**
 * Builds a filter in the API's language: pick a field, then one of the operators that fit its
 * type, then a value in an input made for that type; conditions are joined in AND/OR groups.
 */
export function FilterBuilder({ module, fields, value, onChange, maxDepth = 2 }: FilterBuilderProps) {
  const { t } = useTranslation();
  const filterable = useMemo(
    () => fields.map((f) => ({ field: f, label: fieldLabel(t, module, f) })).sort((a, b) => a.label.localeCompare(b.label)),
    [fields, module, t],
  );
  const byName = useMemo(() => new Map(fields.map((f) => [f.apiName, f])), [fields]);
  const fieldOptions = filterable.map((f) => ({ value: f.field.apiName, label: f.label }));

  const renderGroup = (group: FilterGroup, depth: number, path: string) => {
    const update = (next: FilterGroup) => onChange(depth === 0 ? next : replaceItem(value, group.id, next));
    const first = filterable[0]?.field;
    return (
      <Stack gap="xs" role="group" aria-label={depth === 0 ? t('filter.title') : t('filter.groupN', { n: path })}>
        <Group gap="xs">
          <SegmentedControl
            size="xs"
            aria-label={t('filter.join')}
            data={[
              { value: 'and', label: t('filter.and') },
              { value: 'or', label: t('filter.or') },
            ]}
            value={group.join}
            onChange={(j) => update({ ...group, join: j as 'and' | 'or' })}
          />
          <Text size="sm" c="dimmed">
            {group.join === 'and' ? t('filter.allMatch') : t('filter.anyMatch')}
          </Text>
          {depth > 0 && (
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t('filter.removeGroup')}
              onClick={() => onChange(replaceItem(value, group.id, null))}
            >
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          )}
        </Group>
        {group.children.map((child, i) => {
          const childPath = path ? `${path}.${i + 1}` : String(i + 1);
          return isGroup(child) ? (
            <Paper key={child.id} withBorder p="xs" ml="md">
              {renderGroup(child, depth + 1, childPath)}
            </Paper>
          ) : (
            <ConditionRow
              key={child.id}
              condition={child}
              label={t('filter.conditionN', { n: childPath })}
              field={byName.get(child.field)}
              fieldOptions={fieldOptions}
              onChange={(next) => onChange(replaceItem(value, child.id, next))}
              onRemove={() => onChange(replaceItem(value, child.id, null))}
              allFields={byName}
            />
          );
        })}
        <Group gap="xs">
          <Button
            size="xs"
            variant="default"
            leftSection={<IconPlus size={14} aria-hidden />}
            disabled={!first}
            onClick={() => first && update({ ...group, children: [...group.children, newCondition(first)] })}
          >
            {t('filter.addCondition')}
          </Button>
          {depth + 1 < maxDepth && (
            <Button
              size="xs"
              variant="default"
              leftSection={<IconPlus size={14} aria-hidden />}
              onClick={() => update({ ...group, children: [...group.children, emptyGroup(group.join === 'and' ? 'or' : 'and')] })}
            >
              {t('filter.addGroup')}
            </Button>
          )}
        </Group>
      </Stack>
    );
  };

  return renderGroup(value, 0, '');
}

interface RowProps {
  condition: FilterCondition;
  label: string;
  field: Field | undefined;
  fieldOptions: { value: string; label: string }[];
  allFields: Map<string, Field>;
  onChange: (next: FilterItem) => void;
  onRemove: () => void;
}

function ConditionRow({ condition, label, field, fieldOptions, allFields, onChange, onRemove }: RowProps) {
  const { t } = useTranslation();
  const ops = field ? operatorsFor(field) : [];
  return (
    <Group gap="xs" align="flex-end" role="group" aria-label={label} wrap="wrap">
      <Select
        label={t('filter.field')}
        data={fieldOptions}
        value={condition.field}
        searchable
        allowDeselect={false}
        w={200}
        onChange={(name) => {
          const f = name ? allFields.get(name) : undefined;
          if (f) onChange({ ...newCondition(f), id: condition.id });
        }}
      />
      <Select
        label={t('filter.operator')}
        data={ops.map((op) => ({ value: op, label: t(`filter.ops.${op}`) }))}
        value={condition.op}
        allowDeselect={false}
        w={190}
        onChange={(o) => {
          if (!o) return;
          const op = o as FilterOp;
          const keep = operandShape(op) === operandShape(condition.op);
          onChange({ ...condition, op, value: keep ? condition.value : initialValue(op) });
        }}
      />
      {field && (
        <ValueInput field={field} op={condition.op} value={condition.value} onChange={(v) => onChange({ ...condition, value: v })} />
      )}
      <ActionIcon variant="subtle" color="red" size="lg" aria-label={t('filter.removeCondition')} onClick={onRemove}>
        <IconTrash size={16} aria-hidden />
      </ActionIcon>
    </Group>
  );
}
