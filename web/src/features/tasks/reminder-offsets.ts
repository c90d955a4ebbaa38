/** The reminder choices of API.md: at due time, 5, 15, 30 minutes, 1 hour, 1 day, 1 week before. */
export const REMINDER_OFFSETS = [
  { key: 'atDue', minutes: 0 },
  { key: 'min5', minutes: 5 },
  { key: 'min15', minutes: 15 },
  { key: 'min30', minutes: 30 },
  { key: 'hour1', minutes: 60 },
  { key: 'day1', minutes: 60 * 24 },
  { key: 'week1', minutes: 60 * 24 * 7 },
] as const;
export type ReminderOffsetKey = (typeof REMINDER_OFFSETS)[number]['key'];

/** The instant of a reminder `key` before `dueAt`, ISO 8601 UTC. */
export function reminderAtFor(dueAt: string, key: ReminderOffsetKey): string {
  const offset = REMINDER_OFFSETS.find((o) => o.key === key)?.minutes ?? 0;
  return new Date(Date.parse(dueAt) - offset * 60_000).toISOString();
}

/** Which offset a stored reminder is, or 'custom' when it is none of them, 'none' when unset. */
export function offsetOf(dueAt: string | null | undefined, reminderAt: string | null | undefined): ReminderOffsetKey | 'none' | 'custom' {
  if (!reminderAt) return 'none';
  if (!dueAt) return 'custom';
  const minutes = (Date.parse(dueAt) - Date.parse(reminderAt)) / 60_000;
  return REMINDER_OFFSETS.find((o) => o.minutes === minutes)?.key ?? 'custom';
}

/** An ISO instant as a datetime-local input value in the browser's time zone. */
export function isoToLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}
