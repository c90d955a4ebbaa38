import { SimpleGrid } from '@mantine/core';
import type { Field } from '../../api/types';
import { FieldInput, WIDE_TYPES } from './FieldInput';
import type { FormErrors, FormValues } from './form-model';

interface SectionFieldsProps {
  module: string;
  fields: Field[];
  values: FormValues;
  errors: FormErrors;
  onChange: (apiName: string, value: unknown) => void;
}

/** The inputs of one layout section, two columns wide; long inputs take a whole row. Shared by the create and edit forms. */
export function SectionFields({ module, fields, values, errors, onChange }: SectionFieldsProps) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
      {fields.map((f) => (
        <div key={f.apiName} style={WIDE_TYPES.has(f.type) ? { gridColumn: '1 / -1' } : undefined}>
          <FieldInput
            module={module}
            field={f}
            value={values[f.apiName]}
            onChange={(v) => onChange(f.apiName, v)}
            error={errors[f.apiName]}
          />
        </div>
      ))}
    </SimpleGrid>
  );
}
