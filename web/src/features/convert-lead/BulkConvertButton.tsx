import { Button, Group, Modal, Progress, Stack, Text } from '@mantine/core';
import { IconTransform } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';

/**
 * Mass action of the lead list: converts the selected leads one by one (each its own
 * transaction: matched or new account and contact, no deal), with progress.
 */
export function BulkConvertButton({ selected, onDone }: { selected: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [progress, setProgress] = useState<{ done: number; failed: number } | null>(null);
  const busy = progress !== null && progress.done + progress.failed < selected.length;

  const run = async () => {
    let done = 0;
    let failed = 0;
    setProgress({ done, failed });
    for (const id of selected) {
      try {
        await api.post(`/records/leads/${id}/convert`, {});
        done++;
      } catch {
        // Already converted, or refused (e.g. a required field): counted, and the rest go on.
        failed++;
      }
      setProgress({ done, failed });
    }
    await qc.invalidateQueries({ queryKey: ['records'] });
  };
  const close = () => {
    if (busy) return;
    const finished = progress !== null;
    setOpen(false);
    setProgress(null);
    if (finished) onDone();
  };

  return (
    <>
      <Button size="xs" variant="default" leftSection={<IconTransform size={14} aria-hidden />} onClick={() => setOpen(true)}>
        {t('convertLead.bulk')}
      </Button>
      <Modal
        closeButtonProps={{ 'aria-label': t('common.close') }}
        opened={open}
        onClose={close}
        title={t('convertLead.bulkTitle', { count: selected.length })}
      >
        <Stack>
          <Text size="sm">{t('convertLead.bulkIntro')}</Text>
          {progress && (
            <>
              <Progress
                value={((progress.done + progress.failed) / selected.length) * 100}
                aria-label={t('convertLead.progress', { done: progress.done + progress.failed, total: selected.length })}
              />
              <Text size="sm" role="status">
                {busy
                  ? t('convertLead.progress', { done: progress.done + progress.failed, total: selected.length })
                  : t('convertLead.bulkDone', { done: progress.done, failed: progress.failed })}
              </Text>
            </>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={busy}>
              {t('common.close')}
            </Button>
            {!progress && <Button onClick={() => void run()}>{t('convertLead.bulkSubmit')}</Button>}
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
