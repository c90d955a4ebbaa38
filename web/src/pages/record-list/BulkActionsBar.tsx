import { Button, Group, Modal, Paper, Progress, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconEdit, IconTrash, IconUserShare, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Field } from '../../api/types';
import { BulkConvertButton } from '../../features/convert-lead/BulkConvertButton';
import { FieldInput } from '../../features/record-form/FieldInput';
import { type BulkProgress, bulkDeleteRecords, bulkUpdateRecords, useBulkChange } from '../../hooks/api/records';
import { fieldLabel } from '../../i18n/labels';

interface Props {
  module: string;
  fields: Field[];
  selected: string[];
  onClear: () => void;
}

type Dialog = null | 'field' | 'owner' | 'delete';

const NOT_BULK: ReadonlySet<string> = new Set(['autonumber', 'formula', 'file', 'participants']);

/** Actions on the selected records: update a field, change owner, delete; 100 per call, with progress. */
export function BulkActionsBar({ module, fields, selected, onClear }: Props) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [fieldName, setFieldName] = useState<string | null>(null);
  const [value, setValue] = useState<unknown>(null);
  const [progress, setProgress] = useState<BulkProgress | null>(null);
  const change = useBulkChange(module);
  const editable = fields.filter((f) => !f.readOnly && !f.system && !NOT_BULK.has(f.type));
  const owner = fields.find((f) => f.apiName === 'owner' && f.type === 'user');
  const field = dialog === 'owner' ? owner : editable.find((f) => f.apiName === fieldName);
  const busy = change.isPending;

  const close = () => {
    if (busy) return;
    setDialog(null);
    setFieldName(null);
    setValue(null);
    setProgress(null);
  };

  const run = async (work: (onProgress: (p: BulkProgress) => void) => Promise<BulkProgress>) => {
    setProgress({ done: 0, total: selected.length, failed: 0 });
    const result = await change.mutateAsync(() => work(setProgress));
    const ok = result.done - result.failed;
    notifications.show({
      color: result.failed ? 'red' : undefined,
      message: result.failed
        ? `${t('bulk.done', { count: ok })} · ${t('bulk.failed', { count: result.failed })}`
        : t('bulk.done', { count: ok }),
    });
    setDialog(null);
    setProgress(null);
    setFieldName(null);
    setValue(null);
    onClear();
  };

  const progressBar = progress && (
    <Stack gap={4}>
      <Progress
        value={progress.total ? (progress.done / progress.total) * 100 : 0}
        aria-label={t('bulk.progress', { done: progress.done, total: progress.total })}
      />
      <Text size="sm" role="status">
        {t('bulk.progress', { done: progress.done, total: progress.total })}
      </Text>
    </Stack>
  );

  return (
    <Paper withBorder p="xs" role="region" aria-label={t('bulk.selected', { count: selected.length })}>
      <Group gap="xs">
        <Text fw={600} size="sm">
          {t('bulk.selected', { count: selected.length })}
        </Text>
        <Button size="xs" variant="default" leftSection={<IconEdit size={14} aria-hidden />} onClick={() => setDialog('field')}>
          {t('bulk.updateField')}
        </Button>
        {owner && (
          <Button size="xs" variant="default" leftSection={<IconUserShare size={14} aria-hidden />} onClick={() => setDialog('owner')}>
            {t('bulk.changeOwner')}
          </Button>
        )}
        {module === 'leads' && <BulkConvertButton selected={selected} onDone={onClear} />}
        <Button size="xs" color="red" variant="light" leftSection={<IconTrash size={14} aria-hidden />} onClick={() => setDialog('delete')}>
          {t('bulk.delete')}
        </Button>
        <Button size="xs" variant="subtle" leftSection={<IconX size={14} aria-hidden />} onClick={onClear}>
          {t('bulk.clear')}
        </Button>
      </Group>

      <Modal
        opened={dialog === 'field' || dialog === 'owner'}
        onClose={close}
        title={dialog === 'owner' ? t('bulk.changeOwner') : t('bulk.updateField')}
      >
        <Stack>
          {dialog === 'field' && (
            <Select
              label={t('bulk.field')}
              data={editable.map((f) => ({ value: f.apiName, label: fieldLabel(t, module, f) }))}
              value={fieldName}
              onChange={(n) => {
                setFieldName(n);
                setValue(null);
              }}
              searchable
            />
          )}
          {field && <FieldInput module={module} field={field} value={value} onChange={setValue} />}
          {progressBar}
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={busy}>
              {t('common.cancel')}
            </Button>
            <Button
              disabled={!field}
              loading={busy}
              onClick={() => field && run((p) => bulkUpdateRecords(module, selected, { [field.apiName]: value === '' ? null : value }, p))}
            >
              {t('bulk.apply')}
            </Button>
          </Group>
        </Stack>
      </Modal>

      <Modal opened={dialog === 'delete'} onClose={close} title={t('bulk.deleteTitle')}>
        <Stack>
          <Text>{t('bulk.deleteConfirm', { count: selected.length })}</Text>
          {progressBar}
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={busy}>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={busy} onClick={() => run((p) => bulkDeleteRecords(module, selected, p))}>
              {t('bulk.delete')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
