import { Anchor, Badge, Group, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AddressValue, Field, RecordRef, RelatedToValue } from '../../api/types';
import { optionLabel } from '../../i18n/labels';
import { useFormat } from '../../i18n/use-format';
import { LastActivityValue } from '../deal/activity-age';

type Formatter = ReturnType<typeof useFormat>;

const ADDRESS_ORDER: (keyof AddressValue)[] = ['street', 'city', 'state', 'postalCode', 'country'];

/** A value as plain text (tables, exports, titles). Empty → ''. */
export function fieldValueText(t: TFunction, fmt: Formatter, field: Field, value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  switch (field.type) {
    case 'picklist':
      return optionLabel(t, field.apiName, {
        value: String(value),
        label: field.options?.find((o) => o.value === value)?.label ?? String(value),
      });
    case 'multiselect':
      return (value as string[])
        .map((v) => optionLabel(t, field.apiName, { value: v, label: field.options?.find((o) => o.value === v)?.label ?? v }))
        .join(', ');
    case 'tags':
      return (value as string[]).join(', ');
    case 'date':
      return fmt.date(String(value));
    case 'datetime':
      return fmt.dateTime(String(value));
    case 'integer':
    case 'bigint':
      return fmt.number(Number(value), 0);
    case 'decimal':
      return fmt.number(Number(value), field.decimals ?? 20);
    case 'formula':
      return typeof value === 'number' ? fmt.number(value) : String(value);
    case 'currency':
      return fmt.currency(Number(value));
    case 'percent':
      return fmt.percent(Number(value));
    case 'boolean':
      return value ? t('common.yes') : t('common.no');
    case 'lookup':
    case 'user':
    case 'relatedTo':
      return (value as RecordRef).name ?? t('record.noName');
    case 'address': {
      const a = value as AddressValue;
      return ADDRESS_ORDER.map((k) => a[k])
        .filter(Boolean)
        .join(', ');
    }
    case 'participants':
      return (value as { name?: string; email?: string }[]).map((p) => p.name ?? p.email ?? '').join(', ');
    default:
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}

/** A value shown on a page: links for emails, phones, URLs and related records. */
export function FieldValue({ field, value }: { field: Field; value: unknown }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) {
    return (
      <Text span inherit c="dimmed">
        —
      </Text>
    );
  }
  // How long since the last contact, coloured by age (SPEC [CONT-1]).
  if (field.apiName === 'lastActivityAt' && field.type === 'datetime') {
    return <LastActivityValue at={String(value)} text={fieldValueText(t, fmt, field, value)} />;
  }
  switch (field.type) {
    case 'email':
      return (
        <Anchor inherit href={`mailto:${String(value)}`}>
          {String(value)}
        </Anchor>
      );
    case 'phone':
      return (
        <Anchor inherit href={`tel:${String(value).replace(/\s+/g, '')}`}>
          {String(value)}
        </Anchor>
      );
    case 'url':
      return (
        <Anchor inherit href={String(value)} target="_blank" rel="noopener noreferrer">
          {String(value)}
        </Anchor>
      );
    case 'lookup':
      return field.lookupModule ? (
        <Anchor inherit component={Link} to={`/m/${field.lookupModule}/${(value as RecordRef).id}`}>
          {fieldValueText(t, fmt, field, value)}
        </Anchor>
      ) : (
        <Text span inherit>
          {fieldValueText(t, fmt, field, value)}
        </Text>
      );
    case 'relatedTo': {
      const r = value as RelatedToValue;
      return (
        <Anchor inherit component={Link} to={`/m/${r.module}/${r.id}`}>
          {fieldValueText(t, fmt, field, value)}
        </Anchor>
      );
    }
    case 'tags':
      return (
        <Group gap={4} component="span" display="inline-flex" aria-label={fieldValueText(t, fmt, field, value)}>
          {(value as string[]).map((tag) => (
            <Badge key={tag} variant="light" tt="none" component="span">
              {tag}
            </Badge>
          ))}
        </Group>
      );
    case 'textarea':
      return (
        <Text span inherit style={{ whiteSpace: 'pre-wrap' }}>
          {String(value)}
        </Text>
      );
    default:
      return (
        <Text span inherit>
          {fieldValueText(t, fmt, field, value)}
        </Text>
      );
  }
}
