import { Table, type TableProps, Text, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadFailed, Loading } from './QueryStatus';

/** What the table needs of its query; a TanStack Query result fits. */
interface ListQuery<T> {
  isPending: boolean;
  isError: boolean;
  data: T[] | undefined;
}

/**
 * A settings list: loading and failure states, then an empty-state line (when `empty` is given)
 * or the table with these column headers and the caller's rows. `actions` adds the last column's
 * header, visually hidden, so the row buttons' column still has a name for screen readers.
 */
export function SettingsTable<T>({
  query,
  headers,
  actions = false,
  empty,
  children,
  ...table
}: {
  query: ListQuery<T>;
  headers: string[];
  actions?: boolean;
  empty?: string;
  children: (rows: T[]) => ReactNode;
} & Omit<TableProps, 'children'>) {
  const { t } = useTranslation();
  if (query.isPending) return <Loading />;
  if (query.isError || !query.data) return <LoadFailed />;
  if (empty !== undefined && query.data.length === 0) return <Text>{empty}</Text>;
  return (
    <Table {...table}>
      <Table.Thead>
        <Table.Tr>
          {headers.map((h) => (
            <Table.Th key={h}>{h}</Table.Th>
          ))}
          {actions && (
            <Table.Th>
              <VisuallyHidden>{t('settings.actions')}</VisuallyHidden>
            </Table.Th>
          )}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>{children(query.data)}</Table.Tbody>
    </Table>
  );
}
