import type { TFunction } from 'i18next';

const KNOWN = new Set(['assigned', 'reminder', 'mention', 'rsvp', 'invitation', 'custom']);

/** A notification kind in the reader's language ("Reminder", "Assigned to you", …). */
export function kindLabel(t: TFunction, kind: string): string {
  return KNOWN.has(kind) ? t(`notificationCentre.kinds.${kind}`) : t('notificationCentre.kinds.other');
}
