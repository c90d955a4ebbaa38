import { Alert, Button, Checkbox, Group, Modal, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../api/client';
import { useCreateMeeting } from '../../hooks/api/calendar';
import { useMe } from '../../hooks/api/session';
import type { RelatedToFormValue } from '../record-form/form-model';
import { RelatedToInput } from '../record-form/RelatedToInput';
import { type ParticipantChoice, ParticipantsInput } from './ParticipantsInput';
import { fromZonedInput, toZonedInput } from './zoned-time';

export interface MeetingDraft {
  startAt: string;
  endAt: string;
  allDay?: boolean;
  relatedTo?: RelatedToFormValue | null;
}

const FIELDS = ['title', 'startAt', 'endAt', 'location', 'relatedTo', 'participants'] as const;

/**
 * Creates a meeting: title, start, end (in the user's time zone), all-day, location, what it is
 * about, and participants. Saving sends the invitations (server side, after commit).
 */
export function MeetingDialog({ draft, onClose }: { draft: MeetingDraft | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={draft !== null}
      onClose={onClose}
      title={t('meetings.dialog.title')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {draft && <MeetingForm key={`${draft.startAt}-${draft.endAt}`} draft={draft} onDone={onClose} />}
    </Modal>
  );
}

function MeetingForm({ draft, onDone }: { draft: MeetingDraft; onDone: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const zone = me.data?.timeZone ?? 'UTC';
  const create = useCreateMeeting();
  const [title, setTitle] = useState('');
  const [start, setStart] = useState(toZonedInput(draft.startAt, zone));
  const [end, setEnd] = useState(toZonedInput(draft.endAt, zone));
  const [allDay, setAllDay] = useState(draft.allDay ?? false);
  const [location, setLocation] = useState('');
  const [relatedTo, setRelatedTo] = useState<RelatedToFormValue | null>(draft.relatedTo ?? null);
  const [participants, setParticipants] = useState<ParticipantChoice[]>([]);
  const [errors, setErrors] = useState<Partial<Record<(typeof FIELDS)[number], string>>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const startAt = fromZonedInput(start, zone);
    const endAt = fromZonedInput(end, zone);
    const next: typeof errors = {};
    if (!title.trim()) next.title = t('meetings.dialog.required');
    if (!startAt) next.startAt = t('meetings.dialog.required');
    if (!endAt) next.endAt = t('meetings.dialog.required');
    if (startAt && endAt && endAt < startAt) next.endAt = t('meetings.dialog.endBeforeStart');
    setErrors(next);
    setFormError(null);
    if (Object.keys(next).length > 0 || !startAt || !endAt) return;
    try {
      const record = await create.mutateAsync({
        title: title.trim(),
        startAt,
        endAt,
        allDay,
        location: location.trim() || null,
        relatedTo: relatedTo ? { module: relatedTo.module, id: relatedTo.id } : null,
        participants: participants.map(({ label: _label, ...p }) => p),
      });
      notifications.show({
        color: 'green',
        message: (
          <>
            {t('meetings.dialog.saved')} <Link to={`/m/events/${record.id}`}>{t('meetings.dialog.open')}</Link>
          </>
        ),
      });
      onDone();
    } catch (err) {
      const field = err instanceof ApiError ? err.field : undefined;
      if (field && (FIELDS as readonly string[]).includes(field)) setErrors({ [field]: (err as Error).message });
      else setFormError(err instanceof Error ? err.message : t('errors.unexpected'));
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {formError && (
          <Alert color="red" role="alert">
            {formError}
          </Alert>
        )}
        <TextInput
          label={t('meetings.dialog.name')}
          required
          value={title}
          error={errors.title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          data-autofocus
        />
        <Group grow align="flex-start">
          <TextInput
            label={t('meetings.dialog.start')}
            type="datetime-local"
            required
            value={start}
            error={errors.startAt}
            description={zone}
            onChange={(e) => setStart(e.currentTarget.value)}
          />
          <TextInput
            label={t('meetings.dialog.end')}
            type="datetime-local"
            required
            value={end}
            error={errors.endAt}
            description={zone}
            onChange={(e) => setEnd(e.currentTarget.value)}
          />
        </Group>
        <Checkbox label={t('meetings.dialog.allDay')} checked={allDay} onChange={(e) => setAllDay(e.currentTarget.checked)} />
        <TextInput
          label={t('meetings.dialog.location')}
          value={location}
          error={errors.location}
          onChange={(e) => setLocation(e.currentTarget.value)}
        />
        <RelatedToInput legend={t('meetings.dialog.relatedTo')} value={relatedTo} onChange={setRelatedTo} error={errors.relatedTo} />
        <ParticipantsInput value={participants} onChange={setParticipants} error={errors.participants} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('meetings.dialog.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
