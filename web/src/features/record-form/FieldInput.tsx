import { Checkbox, MultiSelect, NumberInput, Select, TagsInput, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AddressValue, Field } from '../../api/types';
import { currencySymbol, decimalSeparator } from '../../i18n/format';
import { fieldLabel, optionLabel } from '../../i18n/labels';
import { useFormatSettings } from '../../i18n/use-format';
import { AddressInput } from './AddressInput';
import { DateTimeInput } from './DateTimeInput';
import type { FormParticipant, LookupValue, RelatedToFormValue } from './form-model';
import { LookupInput } from './LookupInput';
import { ParticipantsField } from './ParticipantsField';
import { RelatedToInput } from './RelatedToInput';
import { UserInput } from './UserInput';

export interface FieldInputProps {
  module: string;
  field: Field;
  value: unknown;
  onChange: (value: unknown) => void;
  error?: string;
}

/** The input for one field, chosen by its type, with its label bound to it and its error under it. */
export function FieldInput({ module, field, value, onChange, error }: FieldInputProps) {
  const { t } = useTranslation();
  const fmt = useFormatSettings();
  const label = fieldLabel(t, module, field);
  const common = { label, required: field.required, error, description: field.tooltip };
  const text = typeof value === 'string' ? value : '';
  const onText = (e: { currentTarget: { value: string } }) => onChange(e.currentTarget.value);
  const options = (field.options ?? [])
    .filter((o) => !o.retired || o.value === value || (Array.isArray(value) && value.includes(o.value)))
    .map((o) => ({ value: o.value, label: optionLabel(t, field.apiName, o) }));
  const numberValue = typeof value === 'number' || typeof value === 'string' ? value : '';
  const numberProps = { ...common, value: numberValue, onChange, decimalSeparator: decimalSeparator(fmt.locale), hideControls: true };

  switch (field.type) {
    case 'text':
      return <TextInput {...common} value={text} onChange={onText} maxLength={field.maxLength ?? 255} />;
    case 'email':
      return <TextInput {...common} type="email" autoComplete="off" value={text} onChange={onText} maxLength={field.maxLength ?? 255} />;
    case 'phone':
      return <TextInput {...common} type="tel" autoComplete="off" value={text} onChange={onText} maxLength={field.maxLength ?? 255} />;
    case 'url':
      return <TextInput {...common} type="url" placeholder="https://" value={text} onChange={onText} maxLength={field.maxLength ?? 2000} />;
    case 'textarea':
      return <Textarea {...common} autosize minRows={3} maxRows={12} value={text} onChange={onText} maxLength={field.maxLength ?? 32000} />;
    case 'picklist':
      return (
        <Select
          {...common}
          data={options}
          value={typeof value === 'string' ? value : null}
          onChange={(v) => onChange(v)}
          clearable={!field.required}
          searchable={options.length > 10}
          nothingFoundMessage={t('form.noMatches')}
        />
      );
    case 'multiselect':
      return (
        <MultiSelect
          {...common}
          data={options}
          value={Array.isArray(value) ? (value as string[]) : []}
          onChange={(v) => onChange(v)}
          searchable={options.length > 10}
          clearable
        />
      );
    case 'tags':
      // Free text: Enter or a comma adds a tag; the server trims, limits and drops repeats in any case.
      return (
        <TagsInput
          {...common}
          value={Array.isArray(value) ? (value as string[]) : []}
          onChange={(v) => onChange(v)}
          maxTags={50}
          splitChars={[',']}
          clearable
          placeholder={t('tags.inputPlaceholder')}
        />
      );
    case 'integer':
    case 'bigint':
      return <NumberInput {...numberProps} allowDecimal={false} />;
    case 'decimal':
      return <NumberInput {...numberProps} decimalScale={field.decimals ?? 2} />;
    case 'currency':
      return (
        <NumberInput {...numberProps} decimalScale={2} leftSection={<span aria-hidden>{currencySymbol(fmt.currency, fmt.locale)}</span>} />
      );
    case 'percent':
      return <NumberInput {...numberProps} min={0} max={100} decimalScale={2} rightSection={<span aria-hidden>%</span>} />;
    case 'date':
      return <TextInput {...common} type="date" value={text} onChange={onText} />;
    case 'datetime':
      return <DateTimeInput {...common} value={text} onChange={onChange} />;
    case 'boolean':
      return (
        <Checkbox
          label={label}
          description={field.tooltip}
          error={error}
          checked={Boolean(value)}
          onChange={(e) => onChange(e.currentTarget.checked)}
          mt="xs"
        />
      );
    case 'lookup':
      return (
        <LookupInput {...common} module={field.lookupModule ?? ''} value={(value as LookupValue | null) ?? null} onChange={onChange} />
      );
    case 'user':
      return <UserInput {...common} value={typeof value === 'string' ? value : null} onChange={onChange} />;
    case 'address':
      return (
        <AddressInput legend={label} required={field.required} error={error} value={(value as AddressValue) ?? {}} onChange={onChange} />
      );
    case 'relatedTo':
      return (
        <RelatedToInput
          legend={label}
          required={field.required}
          error={error}
          value={(value as RelatedToFormValue | null) ?? null}
          onChange={onChange}
        />
      );
    case 'participants':
      return <ParticipantsField value={Array.isArray(value) ? (value as FormParticipant[]) : []} onChange={onChange} error={error} />;
    default:
      return null;
  }
}

/** Inputs that take the whole width of the form. */
export const WIDE_TYPES = new Set(['textarea', 'address', 'relatedTo', 'multiselect', 'participants', 'tags']);
