import type { Clock } from '../clock.js';
import type { ActingUser, Ctx } from '../context.js';
import type { Database } from '../db/connection.js';
import { DomainError, invalidRequest, notFound } from '../errors.js';
import type { Participant } from '../metadata/field-types/participants.js';
import type { MetadataCache } from '../metadata/snapshot.js';
import { notify } from '../notifications/index.js';
import { getRecord, updateRecord } from '../records/index.js';
import { type UserRow, userRowToActingUser } from '../users/index.js';
import { participantKey } from './attendees.js';
import { rsvpSecret, verifyRsvp } from './rsvp-token.js';
import type { RsvpResponse } from './send-invitation.js';

export interface RsvpDeps {
  database: Database;
  clock: Clock;
  metaCache: MetadataCache;
}

export interface RsvpOutcome {
  title: string;
  startAt: string;
  endAt: string;
  allDay: boolean;
  location: string | null;
  attendee: string;
  status: Participant['status'];
  timeZone: string;
}

/** Whom the answer is recorded as: the organiser, else the event's owner, if still active. */
async function organiserOf(deps: RsvpDeps, eventId: string, ownerId: string | undefined): Promise<ActingUser | undefined> {
  const db = deps.database.db;
  const state = await db.selectFrom('event_invitations').select('organiserId').where('eventId', '=', eventId).executeTakeFirst();
  for (const id of [state?.organiserId as string | undefined, ownerId]) {
    if (!id) continue;
    const row = await db.selectFrom('users').selectAll().where('id', '=', id).where('active', '=', 1).executeTakeFirst();
    if (row) return userRowToActingUser(row as UserRow);
  }
  return undefined;
}

/**
 * Answers an invitation from its emailed link (no login: the signed token is the credential).
 * Without `response` it only reads. A forged or tampered token, a meeting that no longer exists
 * or a participant no longer invited → NOT_FOUND; an expired link → INVALID_REQUEST. The status
 * is written through the record service as the organiser, who then gets an `rsvp` notification.
 */
export async function answerInvitation(deps: RsvpDeps, token: string, response: RsvpResponse | undefined): Promise<RsvpOutcome> {
  const { db, dialect } = deps.database;
  const check = verifyRsvp(await rsvpSecret(db), token, deps.clock.now().getTime());
  if (!check.ok) {
    if (check.reason === 'expired') throw invalidRequest('This invitation link has expired');
    throw notFound('The invitation');
  }
  const { eventId, attendee } = check.claim;
  const meta = await deps.metaCache.get(db);
  const owner = await db
    .selectFrom(meta.modulesByName.get('events')?.tableName ?? 'events')
    .select('owner')
    .where('id', '=', eventId)
    .executeTakeFirst();
  if (!owner) throw notFound('The invitation');
  const user = await organiserOf(deps, eventId, owner.owner as string | undefined);
  if (!user) throw notFound('The invitation');
  return db.transaction().execute(async (trx) => {
    const ctx: Ctx = { db: trx, dialect, meta, user, clock: deps.clock };
    let record: Record<string, unknown>;
    try {
      record = await getRecord(ctx, 'events', eventId);
    } catch (err) {
      if (err instanceof DomainError && err.code === 'NOT_FOUND') throw notFound('The invitation');
      throw err;
    }
    const list = ((record.participants as (Participant & { name?: string | null })[] | null) ?? []).map((p) => ({
      view: p,
      stored: { type: p.type, ...(p.type === 'email' ? { email: p.email } : { id: p.id }), status: p.status } as Participant,
    }));
    const mine = list.find((p) => participantKey(p.stored) === attendee);
    if (!mine) throw notFound('The invitation');
    let status = mine.stored.status;
    if (response && response !== status) {
      const participants = list.map((p) => (p === mine ? { ...p.stored, status: response } : p.stored));
      await updateRecord(ctx, 'events', eventId, {}, { systemValues: { participants } });
      status = response;
      const who = mine.view.name || mine.view.email || attendee;
      await notify(trx, deps.clock, {
        userId: user.id,
        kind: 'rsvp',
        title: `${who} ${response === 'accepted' ? 'accepted' : response === 'declined' ? 'declined' : 'tentatively accepted'}: ${String(record.title)}`,
        record: { module: 'events', id: eventId },
        dedupeKey: `rsvp:${eventId}:${attendee}:${response}:${String(record.version)}`,
      });
    }
    return {
      title: String(record.title ?? ''),
      startAt: String(record.startAt),
      endAt: String(record.endAt),
      allDay: record.allDay === true,
      location: (record.location as string | null) ?? null,
      attendee: mine.view.name || mine.view.email || '',
      status,
      timeZone: user.timeZone,
    };
  });
}
