import type { Db } from '../db/connection.js';
import { invalidData } from '../errors.js';
import { CHANNELS, type Channel, NOTIFICATION_KINDS, type NotificationKind } from './types.js';

export async function channelOf(db: Db, userId: string, kind: string): Promise<Channel> {
  const row = await db
    .selectFrom('notification_settings')
    .select('channel')
    .where('userId', '=', userId)
    .where('kind', '=', kind)
    .executeTakeFirst();
  return (row?.channel as Channel | undefined) ?? 'inApp';
}

/** Every kind with the user's channel (inApp where they chose nothing). */
export async function notificationSettings(db: Db, userId: string): Promise<Record<NotificationKind, Channel>> {
  const rows = await db.selectFrom('notification_settings').select(['kind', 'channel']).where('userId', '=', userId).execute();
  const out = Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, 'inApp'])) as Record<NotificationKind, Channel>;
  for (const r of rows)
    if ((NOTIFICATION_KINDS as readonly string[]).includes(r.kind)) out[r.kind as NotificationKind] = r.channel as Channel;
  return out;
}

/** Sets some kinds' channels; an unknown kind or channel is refused before anything changes. */
export async function updateNotificationSettings(db: Db, userId: string, changes: Record<string, unknown>) {
  for (const [kind, channel] of Object.entries(changes)) {
    if (!(NOTIFICATION_KINDS as readonly string[]).includes(kind)) throw invalidData(kind, `Unknown notification kind '${kind}'`);
    if (!(CHANNELS as readonly unknown[]).includes(channel)) throw invalidData(kind, `The channel must be one of ${CHANNELS.join(', ')}`);
  }
  await db.transaction().execute(async (trx) => {
    for (const [kind, channel] of Object.entries(changes)) {
      await trx
        .insertInto('notification_settings')
        .values({ userId, kind, channel: channel as string })
        .onConflict((oc) => oc.columns(['userId', 'kind']).doUpdateSet({ channel: channel as string }))
        .execute();
    }
  });
  return notificationSettings(db, userId);
}
