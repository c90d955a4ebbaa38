import type { Db } from '../db/connection.js';
import type { Participant } from '../metadata/field-types/participants.js';
import type { MetadataSnapshot } from '../metadata/types.js';

/** A participant of a meeting with who they are now: name and email read at the time of sending. */
export interface Attendee {
  key: string;
  type: Participant['type'];
  id?: string;
  name: string | null;
  email: string | null;
  status: Participant['status'];
}

/** `contact:<id>`, `lead:<id>`, `user:<id>` or `email:<address>`: stable across edits of the list. */
export function participantKey(p: { type: string; id?: string; email?: string | null }): string {
  return p.type === 'email' ? `email:${(p.email ?? '').toLowerCase()}` : `${p.type}:${p.id}`;
}

/** People outside the CRM's users: they get emails with iCalendar attachments. */
export const isOutside = (a: Attendee) => a.type !== 'user';

const TABLE_OF = { contact: 'contacts', lead: 'leads' } as const;

/** Fills names and emails of participants (as the record stores them) from users, contacts and leads. */
export async function resolveAttendees(
  db: Db,
  meta: MetadataSnapshot,
  participants: readonly Participant[] | null | undefined,
): Promise<Attendee[]> {
  const list = participants ?? [];
  const found = new Map<string, { name: string | null; email: string | null }>();
  const ids = (type: string) => list.filter((p) => p.type === type && p.id).map((p) => p.id as string);
  const userIds = ids('user');
  if (userIds.length) {
    for (const r of await db.selectFrom('users').select(['id', 'name', 'email']).where('id', 'in', userIds).execute()) {
      found.set(`user:${r.id}`, { name: r.name, email: r.email });
    }
  }
  for (const type of ['contact', 'lead'] as const) {
    const module = meta.modulesByName.get(TABLE_OF[type]);
    const wanted = ids(type);
    if (!module || wanted.length === 0) continue;
    const hasEmail = module.fieldsByName.get('email')?.type === 'email';
    const rows = await db
      .selectFrom(module.tableName)
      .select(['id', '_name', ...(hasEmail ? ['email'] : [])])
      .where('id', 'in', wanted)
      .execute();
    for (const r of rows)
      found.set(`${type}:${r.id}`, {
        name: (r._name as string | null) ?? null,
        email: hasEmail ? ((r.email as string | null) ?? null) : null,
      });
  }
  return list.map((p) => {
    const key = participantKey(p);
    const who = p.type === 'email' ? { name: null, email: p.email ?? null } : (found.get(key) ?? { name: null, email: null });
    return { key, type: p.type, ...(p.id ? { id: p.id } : {}), name: who.name, email: who.email, status: p.status };
  });
}
