import { type RawBuilder, sql } from 'kysely';
import type { Ctx } from '../context.js';
import { invalidRequest } from '../errors.js';
import { fieldType } from '../metadata/field-types/index.js';
import type { ModuleDef } from '../metadata/types.js';
import type { FeedCursor } from './cursor.js';
import type { TimelineItem, TimelineKind } from './types.js';

/** One kind of timeline item: its newest `limit` items about a record after the cursor. */
export interface SourceQuery {
  module: ModuleDef;
  recordId: string;
  rank: number;
  after: FeedCursor | undefined;
  limit: number;
}

/** Items of a rank before the cursor's come first at equal instants, then ids descending. */
function afterCondition(at: RawBuilder<unknown>, id: RawBuilder<unknown>, q: SourceQuery): RawBuilder<unknown> {
  const c = q.after;
  if (!c) return sql`1 = 1`;
  if (q.rank < c.rank) return sql`${at} < ${c.at}`;
  if (q.rank > c.rank) return sql`${at} <= ${c.at}`;
  return sql`(${at} < ${c.at} or (${at} = ${c.at} and ${id} < ${c.id}))`;
}

const userOf = (id: unknown, name: unknown) => (id ? { id: String(id), name: (name as string | null) ?? null } : null);

/** Field changes, creation, deletion, conversion: the record's own history. */
export async function historySource(ctx: Ctx, q: SourceQuery): Promise<TimelineItem[]> {
  if (q.after && q.after.rank === q.rank && typeof q.after.id !== 'number') {
    throw invalidRequest('The cursor is not valid for this feed', { field: 'cursor' });
  }
  const rows = await sql<{ id: number; at: number; userId: string | null; userName: string | null; action: string; changes: string }>`
    select h.id, h.at, h."userId", u.name as "userName", h.action, h.changes
    from record_history h left join users u on u.id = h."userId"
    where h.module = ${q.module.apiName} and h."recordId" = ${q.recordId}
      and ${afterCondition(sql.ref('h.at'), sql.ref('h.id'), q)}
    order by h.at desc, h.id desc limit ${q.limit}`.execute(ctx.db);
  return rows.rows.map((r) => ({
    id: `history-${r.id}`,
    kind: 'history',
    at: Number(r.at),
    cursorId: Number(r.id),
    user: userOf(r.userId, r.userName),
    action: r.action,
    changes: JSON.parse(r.changes),
  }));
}

/** How an activity module shows on the timeline of the record it relates to. */
interface ActivityShape {
  kind: Exclude<TimelineKind, 'history' | 'email'>;
  module: string;
  /** The instant it is placed at (a task: when it was completed; only completed tasks show). */
  at: (ref: (c: string) => RawBuilder<unknown>) => RawBuilder<unknown>;
  user: string;
  fields: string[];
}

export const ACTIVITIES: ActivityShape[] = [
  { kind: 'note', module: 'notes', at: (r) => r('createdAt'), user: 'createdBy', fields: ['title', 'content'] },
  {
    kind: 'task',
    module: 'tasks',
    at: (r) => r('completedAt'),
    user: 'owner',
    fields: ['subject', 'status', 'priority', 'dueAt', 'completedAt'],
  },
  {
    kind: 'call',
    module: 'calls',
    at: (r) => sql`coalesce(${r('callStartAt')}, ${r('createdAt')})`,
    user: 'owner',
    fields: ['subject', 'callType', 'callStartAt', 'durationMinutes', 'result', 'description'],
  },
  { kind: 'event', module: 'events', at: (r) => r('startAt'), user: 'owner', fields: ['title', 'startAt', 'endAt', 'allDay', 'location'] },
];

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Notes, completed tasks, calls and meetings whose `relatedTo` is the record (meetings also by participant). */
export async function activitySource(ctx: Ctx, shape: ActivityShape, q: SourceQuery): Promise<TimelineItem[]> {
  const activity = ctx.meta.modulesByName.get(shape.module);
  const link = activity?.fieldsByName.get('relatedTo');
  if (!activity || link?.type !== 'relatedTo') return [];
  if (q.after && q.after.rank === q.rank && typeof q.after.id !== 'string') {
    throw invalidRequest('The cursor is not valid for this feed', { field: 'cursor' });
  }
  const ref = (c: string) => sql.ref(`x.${c}`);
  const at = shape.at(ref);
  const links: RawBuilder<unknown>[] = [
    sql`(${ref(link.apiName)} = ${q.recordId} and ${ref(`${link.apiName}__module`)} = ${q.module.apiName})`,
  ];
  // A contact or lead invited to a meeting sees it on their timeline too.
  const participants = activity.fieldsByName.get('participants');
  const participantType = { contacts: 'contact', leads: 'lead' }[q.module.apiName];
  if (participants?.type === 'participants' && participantType) {
    const pattern = `%"type":"${participantType}","id":"${likeEscape(q.recordId)}"%`;
    links.push(sql`${ref(participants.apiName)} like ${pattern} escape ${sql.raw(`'\\'`)}`);
  }
  const rows = await sql<Record<string, unknown>>`
    select x.*, ${at} as "_at", u.name as "_userName"
    from ${sql.table(activity.tableName)} x left join users u on u.id = ${ref(shape.user)}
    where (${sql.join(links, sql` or `)}) and ${at} is not null and ${afterCondition(at, ref('id'), q)}
    order by ${at} desc, x.id desc limit ${q.limit}`.execute(ctx.db);
  const fields = shape.fields.map((n) => activity.fieldsByName.get(n)).filter((f) => f !== undefined);
  return rows.rows.map((r) => {
    const values: Record<string, unknown> = {};
    for (const f of fields) values[f.apiName] = fieldType(f.type).fromRow(r, f);
    return {
      id: `${shape.kind}-${r.id}`,
      kind: shape.kind,
      at: Number(r._at),
      cursorId: String(r.id),
      user: userOf(r[shape.user], r._userName),
      record: { module: activity.apiName, id: String(r.id), name: (r._name as string | null) ?? null },
      values,
    };
  });
}

let sentEmailsKnown = false;

/** Whether the mail log exists yet (it arrives with the meetings migration); once seen, it stays. */
async function hasSentEmails(ctx: Ctx): Promise<boolean> {
  if (sentEmailsKnown) return true;
  const found =
    ctx.dialect === 'postgres'
      ? await sql<{ t: string | null }>`select to_regclass('sent_emails')::text as t`.execute(ctx.db).then((r) => r.rows[0]?.t != null)
      : await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name = 'sent_emails'`
          .execute(ctx.db)
          .then((r) => r.rows.length > 0);
  sentEmailsKnown = found;
  return found;
}

/** Emails the product sent about the record (invitations, notifications, workflow emails). */
export async function emailSource(ctx: Ctx, q: SourceQuery): Promise<TimelineItem[]> {
  if (!(await hasSentEmails(ctx))) return [];
  if (q.after && q.after.rank === q.rank && typeof q.after.id !== 'string') {
    throw invalidRequest('The cursor is not valid for this feed', { field: 'cursor' });
  }
  const at = sql.ref('e.sent_at');
  const rows = await sql<{
    id: string;
    sent_at: number;
    user_id: string | null;
    userName: string | null;
    to_addresses: string;
    subject: string;
    kind: string;
  }>`
    select e.id, e.sent_at, e.user_id, u.name as "userName", e.to_addresses, e.subject, e.kind
    from sent_emails e left join users u on u.id = e.user_id
    where e.module = ${q.module.apiName} and e.record_id = ${q.recordId} and ${afterCondition(at, sql.ref('e.id'), q)}
    order by e.sent_at desc, e.id desc limit ${q.limit}`.execute(ctx.db);
  return rows.rows.map((r) => {
    let to: string[] = [];
    try {
      const parsed = JSON.parse(r.to_addresses) as unknown;
      if (Array.isArray(parsed)) to = parsed.map(String);
    } catch {
      // An unreadable address list shows as none rather than failing the whole timeline.
    }
    return {
      id: `email-${r.id}`,
      kind: 'email',
      at: Number(r.sent_at),
      cursorId: String(r.id),
      user: userOf(r.user_id, r.userName),
      email: { to, subject: r.subject, kind: r.kind },
    };
  });
}
