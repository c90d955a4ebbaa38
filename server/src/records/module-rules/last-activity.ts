import { CompiledQuery } from 'kysely';
import type { Ctx } from '../../context.js';
import type { AfterWriteRule, RecordWrite } from './types.js';

type Ref = { module?: string; id?: string } | null | undefined;

const FIELD = 'lastActivityAt';

/** A task, event, call or note is "logged" when created, and a task again when it is completed. */
function logged(w: RecordWrite): boolean {
  if (w.prev === null) return true;
  return w.next.status === 'Completed' && w.prev.status !== 'Completed';
}

/**
 * Keeps `lastActivityAt` of the records an activity concerns (SPEC [CONT-1]: how long since the
 * last contact): its `relatedTo` record; for a deal also its contact, its account and the contacts
 * with a role on it; for a contact also its account; and a meeting's contact and lead participants.
 * A derived value like `expectedRevenue`, so it is written straight to the column in the
 * activity's transaction — no new version, history entry or event on the touched records.
 */
export const lastActivityAfterWrite: AfterWriteRule = async (tx, writes) => {
  const touched = new Map<string, Set<string>>();
  const add = (module: string | undefined, id: string | null | undefined) => {
    if (!module || !id) return;
    if (!touched.has(module)) touched.set(module, new Set());
    touched.get(module)?.add(id);
  };
  for (const w of writes) {
    if (!logged(w)) continue;
    const target = w.next.relatedTo as Ref;
    add(target?.module, target?.id);
    const participants = Array.isArray(w.next.participants) ? (w.next.participants as { type?: string; id?: string }[]) : [];
    for (const p of participants) if (p.type === 'contact' || p.type === 'lead') add(`${p.type}s`, p.id);
  }
  if (touched.size === 0) return;
  await addConnected(tx, touched, add);
  const now = tx.clock.now().getTime();
  for (const [module, ids] of touched) {
    const def = tx.meta.modulesByName.get(module);
    if (!def?.fieldsByName.has(FIELD) || ids.size === 0) continue;
    // SQL text, not a Kysely query: a bulk create of tasks touches a hundred records, and the
    // builder's node per id cost more than the update itself.
    const params: unknown[] = [now, ...ids, now];
    const mark = (i: number) => (tx.dialect === 'postgres' ? `$${i + 1}` : '?');
    const list = [...ids].map((_, i) => mark(i + 1)).join(', ');
    const last = mark(params.length - 1);
    await tx.db.executeQuery(
      CompiledQuery.raw(
        `update "${def.tableName}" set "${FIELD}" = ${mark(0)} where id in (${list}) and ("${FIELD}" is null or "${FIELD}" < ${last})`,
        params,
      ),
    );
  }
};

/** The contact, account and role contacts of touched deals, and the account of touched contacts. */
async function addConnected(tx: Ctx, touched: Map<string, Set<string>>, add: (m: string, id: string | null) => void): Promise<void> {
  const dealIds = [...(touched.get('deals') ?? [])];
  const deals = tx.meta.modulesByName.get('deals');
  if (dealIds.length && deals?.fieldsByName.has('contact') && deals.fieldsByName.has('account')) {
    const rows = await tx.db.selectFrom(deals.tableName).select(['contact', 'account']).where('id', 'in', dealIds).execute();
    for (const r of rows as { contact: string | null; account: string | null }[]) {
      add('contacts', r.contact);
      add('accounts', r.account);
    }
    const roles = await tx.db.selectFrom('deal_contact_roles').select('contactId').where('dealId', 'in', dealIds).execute();
    for (const r of roles) add('contacts', r.contactId as string);
  }
  const contactIds = [...(touched.get('contacts') ?? [])];
  const contacts = tx.meta.modulesByName.get('contacts');
  if (contactIds.length && contacts?.fieldsByName.has('account')) {
    const rows = await tx.db.selectFrom(contacts.tableName).select('account').where('id', 'in', contactIds).execute();
    for (const r of rows as { account: string | null }[]) add('accounts', r.account);
  }
}
