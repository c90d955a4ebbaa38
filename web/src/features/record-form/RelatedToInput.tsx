import { Fieldset, Select, SimpleGrid, Text } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useModules } from '../../hooks/api/modules';
import { moduleSingularLabel } from '../../i18n/labels';
import { FieldsetLegend } from './FieldsetLegend';
import type { RelatedToFormValue } from './form-model';
import { LookupInput } from './LookupInput';

/** Modules an activity or note is usually about come first. */
const PREFERRED = ['deals', 'contacts', 'accounts', 'leads'];
const ACTIVITIES = new Set(['tasks', 'events', 'calls', 'notes']);

export interface RelatedToInputProps {
  legend: ReactNode;
  value: RelatedToFormValue | null;
  onChange: (value: RelatedToFormValue | null) => void;
  required?: boolean;
  error?: ReactNode;
}

/** A link to one record of any module: choose the module, then the record. */
export function RelatedToInput({ legend, value, onChange, required, error }: RelatedToInputProps) {
  const { t } = useTranslation();
  const modules = useModules();
  const [module, setModule] = useState<string | null>(value?.module ?? 'deals');
  const choices = (modules.data ?? [])
    .filter((m) => !m.hidden && !ACTIVITIES.has(m.apiName))
    .sort((a, b) => {
      const ia = PREFERRED.indexOf(a.apiName);
      const ib = PREFERRED.indexOf(b.apiName);
      return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib);
    })
    .map((m) => ({ value: m.apiName, label: moduleSingularLabel(t, m) }));

  return (
    <Fieldset legend={<FieldsetLegend required={required}>{legend}</FieldsetLegend>} variant="unstyled">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select
          label={t('form.relatedTo.module')}
          data={choices}
          value={module}
          allowDeselect={false}
          onChange={(m) => {
            setModule(m);
            if (value && value.module !== m) onChange(null);
          }}
        />
        {module && (
          <LookupInput
            key={module}
            label={t('form.relatedTo.record')}
            module={module}
            required={required}
            value={value && value.module === module ? value : null}
            onChange={(v) => onChange(v ? { ...v, module } : null)}
          />
        )}
      </SimpleGrid>
      {error && (
        <Text c="red" size="sm" mt={4} role="alert">
          {error}
        </Text>
      )}
    </Fieldset>
  );
}
