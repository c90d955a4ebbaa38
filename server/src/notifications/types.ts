export const NOTIFICATION_KINDS = ['reminder', 'assigned', 'mention', 'rsvp', 'custom', 'invitation'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Where a user wants a kind delivered: in the app, in the app and by email, or not at all. */
export const CHANNELS = ['inApp', 'email', 'off'] as const;
export type Channel = (typeof CHANNELS)[number];

export interface NotifyInput {
  userId: string;
  kind: NotificationKind;
  title: string;
  body?: string;
  record?: { module: string; id: string };
  /** A second notify() with the same key does nothing. */
  dedupeKey?: string;
}

/** A notification as the API shows it (API.md "Notifications"). */
export interface NotificationJson {
  id: string;
  kind: string;
  title: string;
  body?: string;
  record?: { module: string; id: string; name: string | null };
  createdAt: string;
  read: boolean;
}
