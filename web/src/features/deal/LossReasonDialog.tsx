import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Field } from '../../api/types';
import { fieldLabel, optionLabel } from '../../i18n/labels';

/**
 * Asks for the loss reason a deal needs on entering Lost or Unqualified (the server refuses the
 * move without one); used by the deal page's stage path and by the board.
 */
export function LossReasonDialog({
  opened,
  title,
  help,
  field,
  initial,
  confirmLabel,
  onCancel,
  onConfirm,
}: {
  opened: boolean;
  title: string;
  help?: string;
  field: Field | undefined;
  initial?: string | null;
  confirmLabel: string;
  onCancel: () => void;
  onConfirm: (reason: string) => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState<string | null>(initial ?? null);
  useEffect(() => {
    if (opened) setReason(initial ?? null);
  }, [opened, initial]);
  return (
    <Modal closeButtonProps={{ 'aria-label': t('common.close') }} opened={opened} onClose={onCancel} title={title}>
      <Stack>
        {help && <Text size="sm">{help}</Text>}
        <Select
          label={field ? fieldLabel(t, 'deals', field) : ''}
          data={(field?.options ?? []).filter((o) => !o.retired).map((o) => ({ value: o.value, label: optionLabel(t, 'lossReason', o) }))}
          value={reason}
          onChange={setReason}
          required
          data-autofocus
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button disabled={!reason} onClick={() => reason && onConfirm(reason)}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
