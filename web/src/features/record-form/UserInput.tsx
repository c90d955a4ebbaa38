import { Select } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useUsers } from '../../hooks/api/users';

export interface UserInputProps {
  label: ReactNode;
  value: string | null;
  onChange: (id: string | null) => void;
  required?: boolean;
  error?: ReactNode;
  description?: ReactNode;
}

/** Picks one active user (owner, assignee, a custom user field). */
export function UserInput({ label, value, onChange, required, error, description }: UserInputProps) {
  const { t } = useTranslation();
  const users = useUsers();
  const data = (users.data ?? []).filter((u) => u.active || u.id === value).map((u) => ({ value: u.id, label: u.name }));
  return (
    <Select
      label={label}
      description={description}
      required={required}
      error={error}
      searchable
      clearable={!required}
      data={data}
      value={value}
      onChange={onChange}
      nothingFoundMessage={users.isPending ? t('common.loading') : t('form.noMatches')}
    />
  );
}
