import type { Clock } from '../clock.js';
import type { Db, DialectName } from '../db/connection.js';
import { consumeOutbox, enqueue, type JobEnv } from '../jobs/index.js';
import type { Participant } from '../metadata/field-types/participants.js';
import type { MetadataSnapshot } from '../metadata/types.js';
import { notify } from '../notifications/index.js';
import { type Attendee, isOutside, resolveAttendees } from './attendees.js';

export const INVITATION_JOB = 'meetings.invitation';
const CURSOR_KEY = 'meetingsCursor';
const BATCH = 2000;
/** A change to one of these makes a new version of the meeting (SEQUENCE + 1) that attendees receive. */
const CONTENT_FIELDS = new Set(['title', 'startAt', 'endAt', 'allDay', 'location', 'description']);

/** What an invitation email is made of, fixed when the change is read (the job's payload). */
export interface InvitationPayload {
  eventId: string;
  uid: string;
  sequence: number;
  method: 'REQUEST' | 'CANCEL';
  to: { key: string; name: string | null; email: string };
  /** `locale` picks the email's language; payloads queued before it was added have none. */
  organiser: { id: string; name: string; email: string; timeZone: string; locale?: string } | null;
  event: { title: string; startAt: string; endAt: string; allDay: boolean; location: string | null; description: string | null };
  attendees: { key: string; name: string | null; email: string; status: string }[];
}

interface RecordEventRow {
  seq: number;
  module: string;
  recordId: string;
  type: 'created' | 'updated' | 'deleted' | 'restored';
  userId: string | null;
  payload: { record?: Record<string, unknown>; changes?: { field: string }[] };
}

interface StateRow {
  eventId: string;
  uid: string;
  sequence: number;
  organiserId: string | null;
  attendees: Attendee[];
}

/**
 * Reads meeting changes from the outbox after they commit and turns them into invitation jobs
 * (one per outside attendee and version, keyed so a re-read never enqueues twice) and in-app
 * notifications for invited users. Same cursor discipline as the automation reader: on
 * PostgreSQL the cursor row and the outbox are locked so no committed event is skipped.
 */
export async function readMeetingsOutbox(env: JobEnv): Promise<boolean> {
  const { db, dialect } = env.database;
  const meta = await env.metaCache.get(db);
  return consumeOutbox(
    env,
    CURSOR_KEY,
    BATCH,
    async (trx, rows) => {
      for (const r of rows) {
        if (r.module !== 'events') continue;
        const event = { ...(r as unknown as RecordEventRow), seq: Number(r.seq), payload: JSON.parse(r.payload as string) };
        await planInvitations(trx, dialect, meta, env.clock, event);
      }
      // Only the cursor moved: report no work, so the worker does not spin over unrelated events.
      return rows.some((r) => r.module === 'events');
    },
    { payloadOf: ['events'] },
  );
}

async function loadState(db: Db, eventId: string): Promise<StateRow | undefined> {
  const row = await db.selectFrom('event_invitations').selectAll().where('eventId', '=', eventId).executeTakeFirst();
  return row ? { ...(row as StateRow), sequence: Number(row.sequence), attendees: JSON.parse(row.attendees as string) } : undefined;
}

async function saveState(db: Db, state: StateRow, now: number, exists: boolean): Promise<void> {
  const values = {
    uid: state.uid,
    sequence: state.sequence,
    organiserId: state.organiserId,
    attendees: JSON.stringify(state.attendees),
    modifiedAt: now,
  };
  if (exists) await db.updateTable('event_invitations').set(values).where('eventId', '=', state.eventId).execute();
  else
    await db
      .insertInto('event_invitations')
      .values({ eventId: state.eventId, ...values })
      .execute();
}

/** Decides what one committed change of a meeting sends, and to whom. */
export async function planInvitations(
  db: Db,
  _dialect: DialectName,
  meta: MetadataSnapshot,
  clock: Clock,
  ev: RecordEventRow,
): Promise<void> {
  const now = clock.now().getTime();
  const record = ev.payload.record ?? {};
  const state = await loadState(db, ev.recordId);
  if (ev.type === 'deleted') {
    if (!state) return;
    const next = { ...state, sequence: state.sequence + 1 };
    await saveState(db, next, now, true);
    await enqueueAll(db, now, next, 'CANCEL', record, next.attendees);
    await notifyUsers(db, clock, next, record, next.attendees, 'cancelled');
    return;
  }
  const attendees = await resolveAttendees(db, meta, (record.participants as Participant[] | null) ?? []);
  const keys = (list: Attendee[]) =>
    list
      .map((a) => a.key)
      .sort()
      .join('\n');
  let sequence = 0;
  if (state) {
    const changed = new Set((ev.payload.changes ?? []).map((c) => c.field));
    const contentChanged = ev.type === 'restored' || [...changed].some((f) => CONTENT_FIELDS.has(f));
    // An answer to an invitation changes only a status: nothing to send.
    if (!contentChanged && keys(attendees) === keys(state.attendees)) return;
    sequence = state.sequence + 1;
  }
  const next: StateRow = {
    eventId: ev.recordId,
    uid: state?.uid ?? `${ev.recordId}@rapport`,
    sequence,
    organiserId: state?.organiserId ?? ev.userId,
    attendees,
  };
  await saveState(db, next, now, Boolean(state));
  const removed = (state?.attendees ?? []).filter((a) => !attendees.some((b) => b.key === a.key));
  await enqueueAll(db, now, next, 'CANCEL', record, removed);
  await enqueueAll(db, now, next, 'REQUEST', record, attendees);
  const newUsers = attendees.filter((a) => !(state?.attendees ?? []).some((b) => b.key === a.key));
  await notifyUsers(db, clock, next, record, newUsers, 'invited');
  await notifyUsers(db, clock, next, record, removed, 'cancelled');
}

async function enqueueAll(
  db: Db,
  now: number,
  state: StateRow,
  method: 'REQUEST' | 'CANCEL',
  record: Record<string, unknown>,
  to: Attendee[],
) {
  const outside = to.filter((a) => isOutside(a) && a.email);
  if (outside.length === 0) return;
  const organiser = state.organiserId
    ? ((await db
        .selectFrom('users')
        .select(['id', 'name', 'email', 'timeZone', 'locale'])
        .where('id', '=', state.organiserId)
        .executeTakeFirst()) ?? null)
    : null;
  const attendees = state.attendees
    .filter((a) => a.email)
    .map((a) => ({ key: a.key, name: a.name, email: a.email as string, status: a.status }));
  const event = {
    title: String(record.title ?? ''),
    startAt: String(record.startAt),
    endAt: String(record.endAt),
    allDay: record.allDay === true,
    location: (record.location as string | null) ?? null,
    description: (record.description as string | null) ?? null,
  };
  await enqueue(
    db,
    now,
    outside.map((a) => ({
      kind: INVITATION_JOB,
      payload: {
        eventId: state.eventId,
        uid: state.uid,
        sequence: state.sequence,
        method,
        to: { key: a.key, name: a.name, email: a.email as string },
        organiser,
        event,
        attendees,
      } satisfies InvitationPayload as unknown as Record<string, unknown>,
      idempotencyKey: `meeting-invitation:${state.eventId}:${state.sequence}:${a.key}`,
    })),
  );
}

/** Invited users hear of it in the app (not the organiser, who made the change). */
async function notifyUsers(
  db: Db,
  clock: Clock,
  state: StateRow,
  record: Record<string, unknown>,
  to: Attendee[],
  what: 'invited' | 'cancelled',
) {
  const title = String(record.title ?? '');
  for (const a of to) {
    if (a.type !== 'user' || !a.id || a.id === state.organiserId) continue;
    await notify(db, clock, {
      userId: a.id,
      kind: 'invitation',
      title: what === 'invited' ? `Invitation: ${title}` : `Cancelled: ${title}`,
      body: what === 'invited' ? `${String(record.startAt)} – ${String(record.endAt)}` : undefined,
      record: { module: 'events', id: state.eventId },
      dedupeKey: `meeting-${what}:${state.eventId}:${state.sequence}:${a.id}`,
    });
  }
}
