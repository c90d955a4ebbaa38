import { Button } from '@mantine/core';
import { IconCalendarPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MeetingDialog, type MeetingDraft } from './MeetingDialog';

/** "New meeting": on a record's page the meeting is about that record; on the calendar, about nothing yet. */
export function NewMeetingButton({ about }: { about?: { module: string; id: string; name: string | null } }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<MeetingDraft | null>(null);
  const open = () => {
    // The next full hour, for an hour.
    const start = new Date();
    start.setMinutes(0, 0, 0);
    start.setHours(start.getHours() + 1);
    setDraft({ startAt: start.toISOString(), endAt: new Date(start.getTime() + 3_600_000).toISOString(), relatedTo: about ?? null });
  };
  return (
    <>
      <Button variant="default" leftSection={<IconCalendarPlus size={16} aria-hidden />} onClick={open}>
        {t('meetings.newMeeting')}
      </Button>
      <MeetingDialog draft={draft} onClose={() => setDraft(null)} />
    </>
  );
}
