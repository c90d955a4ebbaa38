import { Group, MultiSelect, NumberInput, Select, TagsInput, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Field } from '../../api/types';
import { useUsers } from '../../hooks/api/users';
import { optionLabel } from '../../i18n/labels';
import { DateTimeInput } from '../record-form/DateTimeInput';
import { type FilterOp, kindOfField, operandShape } from './operators';
import { RecordChoice } from './RecordChoice';

interface Props {
  field: Field;
  op: FilterOp;
  value: unknown;
  onChange: (value: unknown) => void;
}

const STRING_OPS: ReadonlySet<FilterOp> = new Set(['contains', 'notContains', 'startsWith', 'endsWith']);

/** The value input that fits a field's kind and an operator's operand: none, one, two (range), many, or N days. */
export function ValueInput({ field, op, value, onChange }: Props) {
  const { t } = useTranslation();
  const kind = kindOfField(field);
  const shape = operandShape(op);
  const users = useUsers();
  if (shape === 'none') return null;

  if (shape === 'days') {
    return (
      <NumberInput
        label={t('filter.days')}
        min={0}
        allowDecimal={false}
        value={typeof value === 'number' ? value : ''}
        onChange={(v) => onChange(typeof v === 'number' ? v : null)}
        w={120}
      />
    );
  }

  const options = (field.options ?? []).filter((o) => !o.retired).map((o) => ({ value: o.value, label: optionLabel(t, field.apiName, o) }));
  const userOptions =
    field.type === 'user'
      ? [{ value: '$me', label: t('filter.me') }, ...(users.data ?? []).map((u) => ({ value: u.id, label: u.name }))]
      : undefined;
  const choices = userOptions ?? (options.length > 0 ? options : undefined);

  // One value of the field's kind.
  const single = (label: string, v: unknown, set: (v: unknown) => void) => {
    if (kind === 'boolean') {
      return (
        <Select
          label={label}
          data={[
            { value: 'true', label: t('common.yes') },
            { value: 'false', label: t('common.no') },
          ]}
          value={typeof v === 'boolean' ? String(v) : null}
          onChange={(s) => set(s === null ? null : s === 'true')}
          allowDeselect={false}
          w={140}
        />
      );
    }
    if (field.type === 'lookup' && field.lookupModule) {
      return (
        <div style={{ width: 260 }}>
          <RecordChoice label={label} module={field.lookupModule} id={typeof v === 'string' && v ? v : null} onChange={set} />
        </div>
      );
    }
    if (choices && !STRING_OPS.has(op)) {
      return <Select label={label} data={choices} value={typeof v === 'string' ? v : null} onChange={set} searchable w={220} />;
    }
    if (kind === 'number') {
      return (
        <NumberInput
          label={label}
          value={typeof v === 'number' ? v : ''}
          onChange={(n) => set(typeof n === 'number' ? n : null)}
          hideControls
          w={160}
        />
      );
    }
    if (kind === 'date') {
      return (
        <TextInput
          type="date"
          label={label}
          value={typeof v === 'string' ? v : ''}
          onChange={(e) => set(e.currentTarget.value || null)}
          w={170}
        />
      );
    }
    if (kind === 'datetime') {
      return (
        // The user's time zone, as in the record form.
        <DateTimeInput label={label} value={typeof v === 'string' ? v : ''} onChange={(iso) => set(iso || null)} w={220} />
      );
    }
    return <TextInput label={label} value={typeof v === 'string' ? v : ''} onChange={(e) => set(e.currentTarget.value)} w={220} />;
  };

  if (shape === 'range') {
    const pair = Array.isArray(value) ? value : [null, null];
    return (
      <Group gap="xs" align="flex-end" wrap="nowrap">
        {single(t('filter.from'), pair[0], (v) => onChange([v, pair[1] ?? null]))}
        {single(t('filter.to'), pair[1], (v) => onChange([pair[0] ?? null, v]))}
      </Group>
    );
  }

  if (shape === 'list') {
    const list = Array.isArray(value) ? value.map(String) : [];
    if (field.type === 'lookup' && field.lookupModule) {
      // "is any of" records: one typeahead per chosen record, plus an empty one to add another.
      const lookupModule = field.lookupModule;
      return (
        <Group gap="xs" align="flex-end">
          {[...list, ''].map((id, i) => (
            <div key={id || `new-${list.length}`} style={{ width: 240 }}>
              <RecordChoice
                label={t('filterRecord.valueN', { n: i + 1 })}
                module={lookupModule}
                id={id || null}
                onChange={(next) => {
                  const out = [...list];
                  if (next) out[i] = next;
                  else out.splice(i, 1);
                  onChange([...new Set(out.filter(Boolean))]);
                }}
              />
            </div>
          ))}
        </Group>
      );
    }
    if (choices) return <MultiSelect label={t('filter.values')} data={choices} value={list} onChange={onChange} searchable w={280} />;
    return (
      <TagsInput
        label={t('filter.values')}
        value={list}
        onChange={(vs) => onChange(kind === 'number' ? vs.map(Number).filter((n) => !Number.isNaN(n)) : vs)}
        w={280}
      />
    );
  }

  return single(t('filter.value'), value, onChange);
}
