import { Fieldset, SimpleGrid, Text, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AddressValue } from '../../api/types';
import { FieldsetLegend } from './FieldsetLegend';

const PARTS = ['street', 'city', 'state', 'postalCode', 'country'] as const;

export interface AddressInputProps {
  legend: ReactNode;
  value: AddressValue;
  onChange: (value: AddressValue) => void;
  required?: boolean;
  error?: ReactNode;
}

/** An address field: street, city, state, postal code and country, grouped under the field's label. */
export function AddressInput({ legend, value, onChange, required, error }: AddressInputProps) {
  const { t } = useTranslation();
  return (
    <Fieldset legend={<FieldsetLegend required={required}>{legend}</FieldsetLegend>} variant="unstyled">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {PARTS.map((p) => (
          <TextInput
            key={p}
            label={t(`form.address.${p}`)}
            value={value[p] ?? ''}
            onChange={(e) => onChange({ ...value, [p]: e.currentTarget.value })}
            style={p === 'street' ? { gridColumn: '1 / -1' } : undefined}
            maxLength={p === 'street' ? 1000 : 255}
          />
        ))}
      </SimpleGrid>
      {error && (
        <Text c="red" size="sm" mt={4} role="alert">
          {error}
        </Text>
      )}
    </Fieldset>
  );
}
