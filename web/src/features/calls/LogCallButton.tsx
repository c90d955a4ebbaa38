import { Alert, Button, Group, Modal, NumberInput, SegmentedControl, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPhone } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useCreateRecord } from '../../hooks/api/records';
import { localDateTimeToIso } from '../record-form/form-model';
import { isoToLocalInput, REMINDER_OFFSETS, type ReminderOffsetKey, reminderAtFor } from '../tasks/reminder-offsets';

type Mode = 'log' | 'schedule';

/** "Log a call" on a record page: log one that happened, or schedule one with a reminder; relatedTo is this record. */
export function LogCallButton({ module, id }: { module: string; id: string }) {
  const { t } = useTranslation();
  const [opened, modal] = useDisclosure(false);
  return (
    <>
      <Button variant="default" leftSection={<IconPhone size={16} aria-hidden />} onClick={modal.open}>
        {t('callLog.open')}
      </Button>
      <Modal opened={opened} onClose={modal.close} title={t('callLog.title')} size="lg">
        {opened && <CallForm module={module} id={id} onDone={modal.close} />}
      </Modal>
    </>
  );
}

function CallForm({ module, id, onDone }: { module: string; id: string; onDone: () => void }) {
  const { t } = useTranslation();
  const create = useCreateRecord('calls');
  const [mode, setMode] = useState<Mode>('log');
  const [subject, setSubject] = useState('');
  const [callType, setCallType] = useState<string>('Outbound');
  const [start, setStart] = useState(() => isoToLocalInput(new Date().toISOString()));
  const [duration, setDuration] = useState<number | string>('');
  const [result, setResult] = useState('');
  const [notes, setNotes] = useState('');
  const [reminder, setReminder] = useState<string>('min15');
  const [error, setError] = useState<{ field?: string; message: string } | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const startIso = localDateTimeToIso(start);
    if (!startIso) {
      setError({ field: 'callStartAt', message: t('callLog.needsStart') });
      return;
    }
    const values: Record<string, unknown> = {
      subject: subject.trim(),
      callType,
      callStartAt: startIso,
      relatedTo: { module, id },
      ...(notes.trim() ? { description: notes.trim() } : {}),
    };
    if (mode === 'log') {
      if (duration !== '') values.durationMinutes = Number(duration);
      if (result.trim()) values.result = result.trim();
    } else if (reminder !== 'none') {
      values.reminderAt = reminderAtFor(startIso, reminder as ReminderOffsetKey);
    }
    try {
      await create.mutateAsync(values);
      notifications.show({
        color: 'green',
        message: t(mode === 'log' ? 'callLog.logged' : 'callLog.scheduled', { subject: subject.trim() }),
      });
      onDone();
    } catch (err) {
      setError(err instanceof ApiError ? { field: err.field, message: err.message } : { message: t('callLog.notSaved') });
    }
  };
  const errorOf = (field: string) => (error?.field === field ? error.message : undefined);
  return (
    <form onSubmit={(e) => void submit(e)}>
      <Stack gap="sm">
        <SegmentedControl
          value={mode}
          onChange={(v) => setMode(v as Mode)}
          aria-label={t('callLog.mode')}
          data={[
            { value: 'log', label: t('callLog.modes.log') },
            { value: 'schedule', label: t('callLog.modes.schedule') },
          ]}
        />
        {error && !['subject', 'callStartAt', 'durationMinutes'].includes(error.field ?? '') && (
          <Alert color="red" role="alert">
            {error.message}
          </Alert>
        )}
        <TextInput
          label={t('callLog.subject')}
          value={subject}
          onChange={(e) => setSubject(e.currentTarget.value)}
          required
          maxLength={255}
          error={errorOf('subject')}
          data-autofocus
        />
        <Group grow align="flex-start">
          <Select
            label={t('callLog.type')}
            data={[
              { value: 'Outbound', label: t('callLog.types.Outbound') },
              { value: 'Inbound', label: t('callLog.types.Inbound') },
            ]}
            value={callType}
            allowDeselect={false}
            onChange={(v) => v && setCallType(v)}
          />
          <TextInput
            type="datetime-local"
            label={t('callLog.start')}
            value={start}
            onChange={(e) => setStart(e.currentTarget.value)}
            required
            error={errorOf('callStartAt')}
          />
        </Group>
        {mode === 'log' ? (
          <Group grow align="flex-start">
            <NumberInput
              label={t('callLog.duration')}
              value={duration}
              onChange={setDuration}
              min={0}
              max={100000}
              allowDecimal={false}
              error={errorOf('durationMinutes')}
            />
            <TextInput label={t('callLog.result')} value={result} onChange={(e) => setResult(e.currentTarget.value)} maxLength={255} />
          </Group>
        ) : (
          <Select
            label={t('callLog.reminder')}
            data={[
              { value: 'none', label: t('taskSchedule.reminders.none') },
              ...REMINDER_OFFSETS.map((o) => ({ value: o.key, label: t(`taskSchedule.reminders.${o.key}`) })),
            ]}
            value={reminder}
            allowDeselect={false}
            onChange={(v) => v && setReminder(v)}
          />
        )}
        <Textarea label={t('callLog.notes')} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} autosize minRows={2} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t(mode === 'log' ? 'callLog.saveLog' : 'callLog.saveSchedule')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
