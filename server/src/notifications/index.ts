/** Notifications (API.md "Notifications"): notify(), the inbox, per-user settings, live push, email. */
import type { JobHandler } from '../jobs/index.js';
import { emailNotification } from './email.js';
import { EMAIL_JOB } from './notify.js';

export { mentionsName, readNotificationsOutbox } from './events.js';
export { listNotifications, markAllRead, markRead, unreadCount } from './inbox.js';
export { type LiveNotification, LiveNotifications } from './live.js';
export { EMAIL_JOB, notify } from './notify.js';
export { notificationSettings, updateNotificationSettings } from './settings.js';
export {
  createSubscription,
  deleteSubscription,
  listSubscriptions,
  SUBSCRIBABLE_MODULES,
  type Subscription,
  TRIGGERS,
  updateSubscription,
} from './subscriptions.js';
export { CHANNELS, type Channel, NOTIFICATION_KINDS, type NotificationJson, type NotificationKind, type NotifyInput } from './types.js';

/** The job handlers of notifications, for the composition root's worker. */
export const NOTIFICATION_JOBS: ReadonlyMap<string, JobHandler> = new Map([[EMAIL_JOB, emailNotification]]);
