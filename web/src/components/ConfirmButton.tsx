import { Button, type ButtonProps, Group, Modal, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { serverErrorMessage } from '../features/record-form/server-error';

export interface ConfirmButtonProps extends Pick<ButtonProps, 'size' | 'variant' | 'leftSection'> {
  label: string;
  title: string;
  message: string;
  confirmLabel: string;
  onConfirm: () => Promise<unknown>;
  'aria-label'?: string;
}

/** A button that asks before a destructive action (a dialog with Cancel focused first). */
export function ConfirmButton({ label, title, message, confirmLabel, onConfirm, size, variant, leftSection, ...rest }: ConfirmButtonProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      setOpen(false);
    } catch (err) {
      setError(serverErrorMessage(t, err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button
        size={size}
        variant={variant ?? 'subtle'}
        color="red"
        leftSection={leftSection}
        aria-label={rest['aria-label']}
        onClick={() => setOpen(true)}
      >
        {label}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={title} closeButtonProps={{ 'aria-label': t('common.close') }}>
        <Text>{message}</Text>
        {error && (
          <Text c="red" role="alert" mt="sm">
            {error}
          </Text>
        )}
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setOpen(false)} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button color="red" onClick={() => void confirm()} loading={busy}>
            {confirmLabel}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
