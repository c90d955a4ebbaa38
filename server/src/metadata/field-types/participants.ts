import { invalidData } from '../../errors.js';
import { lookupId } from './check.js';
import { email as emailType } from './email.js';
import type { FieldType, ValueReference } from './types.js';
import { singleColumn } from './types.js';

export interface Participant {
  type: 'user' | 'contact' | 'lead' | 'email';
  id?: string;
  email?: string;
  status: 'needsAction' | 'accepted' | 'declined' | 'tentative';
}

const MODULE_OF = { user: 'users', contact: 'contacts', lead: 'leads' } as const;

/** The people invited to an event: users, contacts, leads or plain addresses, each with a status. */
export const participants: FieldType = {
  name: 'participants',
  kind: 'opaque',
  columns: [{ suffix: '', kind: 'text' }],
  accepts: {},
  parse(input, field, pc) {
    if (input === null || input === undefined) return null;
    if (!Array.isArray(input) || input.length > 200) {
      throw invalidData(field.apiName, `'${field.apiName}' must be an array of at most 200 participants`);
    }
    const before = (Array.isArray(pc.current) ? pc.current : []) as Participant[];
    const out: Participant[] = [];
    for (const p of input) {
      if (typeof p !== 'object' || p === null || Array.isArray(p)) {
        throw invalidData(field.apiName, `each participant must be {"type", "id"} or {"email"}`);
      }
      const { type, id, email } = p as Record<string, unknown>;
      let next: Participant;
      if (type === undefined && email !== undefined) {
        const addr = emailType.parse(email, field, { current: null });
        if (!addr) throw invalidData(field.apiName, 'a participant email may not be empty');
        next = { type: 'email', email: addr as string, status: 'needsAction' };
      } else if (type === 'user' || type === 'contact' || type === 'lead') {
        next = { type, id: lookupId(id, field), status: 'needsAction' };
      } else {
        throw invalidData(field.apiName, `a participant's type must be user, contact or lead`);
      }
      const same = before.find((b) => b.type === next.type && b.id === next.id && b.email === next.email);
      if (same) next.status = same.status;
      if (out.some((o) => o.type === next.type && o.id === next.id && o.email === next.email)) continue;
      out.push(next);
    }
    return out.length ? out : null;
  },
  ...singleColumn((v) => (v == null ? null : JSON.stringify(v))),
  fromRow: (row, f) => (row[f.apiName] == null ? null : JSON.parse(row[f.apiName] as string)),
  references: (v, f) =>
    ((v as Participant[] | null) ?? [])
      .filter((p) => p.type !== 'email')
      .map((p): ValueReference => ({ module: MODULE_OF[p.type as keyof typeof MODULE_OF], id: p.id as string, field: f.apiName })),
};
