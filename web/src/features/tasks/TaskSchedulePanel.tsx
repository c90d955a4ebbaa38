import { Alert, Button, Group, NumberInput, Paper, Select, Stack, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import type { CrmRecord } from '../../api/types';
import { useUpdateRecord } from '../../hooks/api/records';
import { useFormat } from '../../i18n/use-format';
import { localDateTimeToIso } from '../record-form/form-model';
import { isoToLocalInput, offsetOf, REMINDER_OFFSETS, type ReminderOffsetKey, reminderAtFor } from './reminder-offsets';

const FREQUENCIES = ['Daily', 'Weekly', 'Monthly', 'Yearly'] as const;
type Ends = 'never' | 'onDate' | 'afterCount';

const str = (v: unknown) => (typeof v === 'string' ? v : '');

/**
 * A task's due time, repeat rule and reminder, with the choices of API.md offered in the user's
 * language. Saved together, so the server checks the whole rule at once.
 */
export function TaskSchedulePanel({ task }: { task: CrmRecord }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const update = useUpdateRecord('tasks', task.id);
  const [due, setDue] = useState('');
  const [repeat, setRepeat] = useState<string>('none');
  const [ends, setEnds] = useState<Ends>('never');
  const [until, setUntil] = useState('');
  const [count, setCount] = useState<number | string>(2);
  const [reminder, setReminder] = useState<string>('none');
  const [error, setError] = useState<{ field?: string; message: string } | null>(null);

  useEffect(() => {
    setDue(isoToLocalInput(str(task.dueAt)));
    setRepeat(str(task.repeat) || 'none');
    setEnds(task.repeatUntil ? 'onDate' : typeof task.repeatCount === 'number' ? 'afterCount' : 'never');
    setUntil(str(task.repeatUntil));
    setCount(typeof task.repeatCount === 'number' ? task.repeatCount : 2);
    setReminder(offsetOf(str(task.dueAt) || null, str(task.reminderAt) || null));
  }, [task.dueAt, task.repeat, task.repeatUntil, task.repeatCount, task.reminderAt]);

  const reminderOptions = [
    { value: 'none', label: t('taskSchedule.reminders.none') },
    ...REMINDER_OFFSETS.map((o) => ({ value: o.key, label: t(`taskSchedule.reminders.${o.key}`) })),
    ...(reminder === 'custom'
      ? [{ value: 'custom', label: t('taskSchedule.reminders.custom', { at: fmt.dateTime(str(task.reminderAt)) }) }]
      : []),
  ];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const dueIso = localDateTimeToIso(due) ?? null;
    if ((repeat !== 'none' || (reminder !== 'none' && reminder !== 'custom')) && !dueIso) {
      setError({ field: 'dueAt', message: t('taskSchedule.needsDue') });
      return;
    }
    const values: Record<string, unknown> = {
      dueAt: dueIso,
      repeat: repeat === 'none' ? null : repeat,
      repeatUntil: repeat !== 'none' && ends === 'onDate' ? until || null : null,
      repeatCount: repeat !== 'none' && ends === 'afterCount' ? Number(count) : null,
    };
    if (reminder === 'none') values.reminderAt = null;
    else if (reminder !== 'custom' && dueIso) values.reminderAt = reminderAtFor(dueIso, reminder as ReminderOffsetKey);
    try {
      await update.mutateAsync({ values, version: task.version });
      notifications.show({ color: 'green', message: t('taskSchedule.saved') });
    } catch (err) {
      setError(err instanceof ApiError ? { field: err.field, message: err.message } : { message: t('taskSchedule.notSaved') });
    }
  };

  const errorOf = (field: string) => (error?.field === field ? error.message : undefined);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="task-schedule-title">
      <form onSubmit={(e) => void submit(e)}>
        <Stack gap="sm">
          <Title order={2} size="h4" id="task-schedule-title">
            {t('taskSchedule.title')}
          </Title>
          {error && !['dueAt', 'repeat', 'repeatUntil', 'repeatCount', 'reminderAt'].includes(error.field ?? '') && (
            <Alert color="red" role="alert">
              {error.message}
            </Alert>
          )}
          <Group grow align="flex-start">
            <TextInput
              type="datetime-local"
              label={t('taskSchedule.due')}
              value={due}
              onChange={(e) => setDue(e.currentTarget.value)}
              error={errorOf('dueAt')}
            />
            <Select
              label={t('taskSchedule.reminder')}
              data={reminderOptions}
              value={reminder}
              allowDeselect={false}
              onChange={(v) => v && setReminder(v)}
              error={errorOf('reminderAt')}
            />
          </Group>
          <Group grow align="flex-start">
            <Select
              label={t('taskSchedule.repeat')}
              data={[
                { value: 'none', label: t('taskSchedule.frequencies.none') },
                ...FREQUENCIES.map((f) => ({ value: f, label: t(`taskSchedule.frequencies.${f}`) })),
              ]}
              value={repeat}
              allowDeselect={false}
              onChange={(v) => v && setRepeat(v)}
              error={errorOf('repeat')}
            />
            {repeat !== 'none' && (
              <Select
                label={t('taskSchedule.ends')}
                data={(['never', 'onDate', 'afterCount'] as const).map((v) => ({ value: v, label: t(`taskSchedule.endsOptions.${v}`) }))}
                value={ends}
                allowDeselect={false}
                onChange={(v) => v && setEnds(v as Ends)}
              />
            )}
          </Group>
          {repeat !== 'none' && ends === 'onDate' && (
            <TextInput
              type="date"
              label={t('taskSchedule.until')}
              value={until}
              onChange={(e) => setUntil(e.currentTarget.value)}
              required
              error={errorOf('repeatUntil')}
              maw={240}
            />
          )}
          {repeat !== 'none' && ends === 'afterCount' && (
            <NumberInput
              label={t('taskSchedule.count')}
              value={count}
              onChange={setCount}
              min={1}
              max={1000}
              allowDecimal={false}
              required
              error={errorOf('repeatCount')}
              maw={240}
            />
          )}
          <Group>
            <Button type="submit" loading={update.isPending}>
              {t('taskSchedule.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
