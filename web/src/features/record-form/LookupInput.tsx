import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearch } from '../../hooks/api/search';
import type { LookupValue } from './form-model';

export interface LookupInputProps {
  label: ReactNode;
  /** The module whose records are offered (GET /search?modules=...). */
  module: string;
  value: LookupValue | null;
  onChange: (value: LookupValue | null) => void;
  required?: boolean;
  error?: ReactNode;
  description?: ReactNode;
  disabled?: boolean;
}

/** A typeahead over one module's records: type a few letters, pick a record. */
export function LookupInput({ label, module, value, onChange, required, error, description, disabled }: LookupInputProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState(value?.name ?? '');
  const [debounced] = useDebouncedValue(search, 200);
  const typing = debounced.trim() !== '' && debounced !== (value?.name ?? '');
  const results = useSearch({ q: debounced, modules: [module], limit: 20 }, { enabled: typing });

  const data = useMemo(() => {
    const items = new Map<string, string>();
    if (value) items.set(value.id, value.name ?? t('record.noName'));
    for (const hit of typing ? (results.data ?? []) : []) if (hit.module === module) items.set(hit.id, hit.name ?? t('record.noName'));
    return [...items].map(([id, name]) => ({ value: id, label: name }));
  }, [value, results.data, typing, module, t]);

  return (
    <Select
      label={label}
      description={description}
      required={required}
      error={error}
      disabled={disabled}
      searchable
      clearable={!required}
      data={data}
      value={value?.id ?? null}
      onChange={(id, option) => onChange(id ? { id, name: option?.label ?? null } : null)}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      placeholder={t('form.typeToSearch')}
      nothingFoundMessage={
        debounced.trim() === '' ? t('form.typeToSearch') : results.isFetching ? t('common.loading') : t('form.noMatches')
      }
    />
  );
}
