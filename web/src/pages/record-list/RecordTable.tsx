import { Anchor, Checkbox, Table, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconSelector } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { CrmRecord, Field, ModuleSummary } from '../../api/types';
import { FieldValue } from '../../features/field-value/FieldValue';
import { TaskDue } from '../../features/overdue';
import { fieldLabel } from '../../i18n/labels';
import { recordName } from '../../lib/record-name';

interface Props {
  module: ModuleSummary;
  title: string;
  columns: Field[];
  records: CrmRecord[];
  /** `field` or `-field`, or undefined for the server's default order. */
  sort: string | undefined;
  onSort: (sort: string | undefined) => void;
  selected: ReadonlySet<string>;
  onSelect: (ids: string[], on: boolean) => void;
}

/** Next sort when a header is clicked: ascending → descending → default order. */
export function nextSort(current: string | undefined, field: string): string | undefined {
  if (current === field) return `-${field}`;
  if (current === `-${field}`) return undefined;
  return field;
}

export function RecordTable({ module, title, columns, records, sort, onSort, selected, onSelect }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const allSelected = records.length > 0 && records.every((r) => selected.has(r.id));
  const someSelected = !allSelected && records.some((r) => selected.has(r.id));
  const nameSortField = module.recordName.fields[module.recordName.fields.length - 1];

  const header = (field: string, label: string) => {
    const dir = sort === field ? 'ascending' : sort === `-${field}` ? 'descending' : undefined;
    const Icon = dir === 'ascending' ? IconArrowUp : dir === 'descending' ? IconArrowDown : IconSelector;
    return (
      <Table.Th key={field} scope="col" aria-sort={dir ?? 'none'}>
        <UnstyledButton
          onClick={() => onSort(nextSort(sort, field))}
          fw={700}
          fz="sm"
          style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}
        >
          {label}
          <Icon size={14} aria-hidden />
        </UnstyledButton>
      </Table.Th>
    );
  };

  return (
    <Table.ScrollContainer minWidth={640}>
      <Table highlightOnHover striped aria-label={title}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40}>
              <Checkbox
                aria-label={t('list.selectAll')}
                checked={allSelected}
                indeterminate={someSelected}
                onChange={(e) =>
                  onSelect(
                    records.map((r) => r.id),
                    e.currentTarget.checked,
                  )
                }
              />
            </Table.Th>
            {nameSortField ? header(nameSortField, t('list.name')) : <Table.Th scope="col">{t('list.name')}</Table.Th>}
            {columns.map((c) => header(c.apiName, fieldLabel(t, module.apiName, c)))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {records.map((r) => {
            const name = recordName(r, module.recordName) ?? t('record.noName');
            const href = `/m/${module.apiName}/${r.id}`;
            return (
              <Table.Tr key={r.id} onClick={() => navigate(href)} style={{ cursor: 'pointer' }}>
                <Table.Td onClick={(e) => e.stopPropagation()}>
                  <Checkbox
                    aria-label={t('list.selectRow', { name })}
                    checked={selected.has(r.id)}
                    onChange={(e) => onSelect([r.id], e.currentTarget.checked)}
                  />
                </Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={href} onClick={(e) => e.stopPropagation()} fw={500} inherit>
                    {name}
                  </Anchor>
                </Table.Td>
                {columns.map((c) => (
                  <Table.Td key={c.apiName}>
                    {module.apiName === 'tasks' && c.apiName === 'dueAt' ? <TaskDue task={r} /> : <FieldValue field={c} value={r[c.apiName]} />}
                  </Table.Td>
                ))}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
