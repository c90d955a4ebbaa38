import { type MessageKey, translator } from '../i18n/index.js';
import type { JobHandler } from '../jobs/index.js';
import { sendMail } from '../mail/index.js';

/** The subject starts with the kind of notification, in the recipient's language. */
const SUBJECT_PREFIX: Record<string, MessageKey> = {
  reminder: 'notification.kind.reminder',
  assigned: 'notification.kind.assigned',
  mention: 'notification.kind.mention',
  rsvp: 'notification.kind.rsvp',
  custom: 'notification.kind.custom',
  invitation: 'notification.kind.invitation',
};

/**
 * Emails one notification to its user (who chose email for its kind). Runs as a job after the
 * notification committed; a failed send is retried with back-off, and the mail log's dedupe key
 * keeps a retry from sending twice.
 */
export const emailNotification: JobHandler = async (job, env) => {
  const { notificationId } = job.payload as { notificationId: string };
  const db = env.database.db;
  const n = await db.selectFrom('notifications').selectAll().where('id', '=', notificationId).executeTakeFirst();
  if (!n) return 'cancelled';
  const user = await db.selectFrom('users').select(['email', 'active', 'locale']).where('id', '=', n.userId).executeTakeFirst();
  if (!user || Number(user.active) !== 1) return 'cancelled';
  const record = typeof n.module === 'string' && typeof n.recordId === 'string' ? { module: n.module, id: n.recordId } : undefined;
  const link = record ? `${env.config.baseUrl.replace(/\/$/, '')}/m/${record.module}/${record.id}` : undefined;
  const tr = translator(user.locale as string | null);
  const kind = tr.t(Object.hasOwn(SUBJECT_PREFIX, n.kind as string) ? SUBJECT_PREFIX[n.kind as string] : 'notification.kind.custom');
  const text = [n.title, n.body, link].filter((x) => typeof x === 'string' && x !== '').join('\n\n');
  await sendMail(
    { db, clock: env.clock, smtpUrl: env.config.smtpUrl },
    { to: [user.email as string], subject: tr.t('notification.subject', { kind, title: String(n.title) }), text },
    { kind: 'notification', ...(record ? { record } : {}), userId: null, dedupeKey: `notification:${n.id}` },
  );
};
