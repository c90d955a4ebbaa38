import { Button } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { buildUrl } from '../../api/client';

interface Props {
  module: string;
  filter?: unknown;
  sort?: string;
  fields?: string[];
  q?: string;
}

/** A plain download link to the CSV of the list as it is shown (filter, search, sort, columns). */
export function ExportButton({ module, filter, sort, fields, q }: Props) {
  const { t } = useTranslation();
  const href = buildUrl(`/records/${module}/export`, {
    filter: filter === undefined ? undefined : JSON.stringify(filter),
    sort,
    fields: fields?.join(','),
    q,
  });
  return (
    <Button component="a" href={href} download variant="default" leftSection={<IconDownload size={16} aria-hidden />}>
      {t('export.csv')}
    </Button>
  );
}
