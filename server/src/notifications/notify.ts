import type { Clock } from '../clock.js';
import type { Db } from '../db/connection.js';
import { newId } from '../ids.js';
import { enqueue } from '../jobs/index.js';
import { channelOf } from './settings.js';
import type { NotifyInput } from './types.js';

export const EMAIL_JOB = 'notification.email';

/**
 * Notifies a user, in the caller's transaction: stores the notification (unless the user turned
 * the kind off) and, when they chose email, enqueues its email, so both exist only if the caller
 * commits. Live push needs nothing more: every process's stream reads new rows (live.ts).
 */
export async function notify(db: Db, clock: Clock, input: NotifyInput): Promise<void> {
  const channel = await channelOf(db, input.userId, input.kind);
  if (channel === 'off') return;
  const now = clock.now().getTime();
  const id = newId(now);
  const inserted = await db
    .insertInto('notifications')
    .values({
      id,
      userId: input.userId,
      kind: input.kind,
      title: [...input.title].slice(0, 500).join(''),
      body: input.body === undefined ? null : [...input.body].slice(0, 4000).join(''),
      module: input.record?.module ?? null,
      recordId: input.record?.id ?? null,
      createdAt: now,
      readAt: null,
      dedupeKey: input.dedupeKey ?? null,
    })
    .onConflict((oc) => oc.column('dedupeKey').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted && channel === 'email') {
    await enqueue(db, now, { kind: EMAIL_JOB, payload: { notificationId: id }, idempotencyKey: `notification-email:${id}` });
  }
}
