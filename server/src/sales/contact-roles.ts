import { requireManageSettings } from '../access/index.js';
import type { Ctx } from '../context.js';
import { DomainError, invalidData, limitExceeded, notFound } from '../errors.js';
import { newId } from '../ids.js';
import { getRecord } from '../records/index.js';
import { inTransaction } from '../records/transaction.js';

/**
 * Contact roles (issue 4, "Deal page"): several contacts on one deal, each with a role from a
 * picklist editable in Settings. A relation between two records, not a record: it lives in its
 * own table; reading or changing it needs access to the deal (and the contact), checked through
 * the record service's reads. Roles of a contact in the recycle bin are hidden, and come back
 * with it when it is restored.
 */
export interface ContactRole {
  id: string;
  contact: { id: string; name: string | null };
  role: string | null;
  createdAt: string;
}

const SETTINGS_KEY = 'contactRoles';
export const DEFAULT_CONTACT_ROLES = [
  'Decision Maker',
  'Economic Buyer',
  'Evaluator',
  'Influencer',
  'Technical Buyer',
  'Champion',
  'Other',
];
const MAX_OPTIONS = 100;
const MAX_ROLES_PER_DEAL = 200;

/** The role picklist: Settings › Pipelines edits it; a new install has the defaults above. */
export async function contactRoleOptions(ctx: Ctx): Promise<string[]> {
  const row = await ctx.db.selectFrom('settings').select('value').where('key', '=', SETTINGS_KEY).executeTakeFirst();
  return row ? (JSON.parse(row.value) as string[]) : DEFAULT_CONTACT_ROLES;
}

export async function saveContactRoleOptions(ctx: Ctx, input: unknown): Promise<string[]> {
  requireManageSettings(ctx);
  if (!Array.isArray(input) || input.length > MAX_OPTIONS)
    throw invalidData('options', `options must be a list of at most ${MAX_OPTIONS} roles`);
  const seen = new Set<string>();
  const options: string[] = [];
  for (const v of input) {
    const name = typeof v === 'string' ? v.trim() : '';
    if (!name || [...name].length > 100 || /\p{Cc}/u.test(name)) throw invalidData('options', 'Each role must be 1–100 characters');
    if (seen.has(name.toLowerCase())) throw invalidData('options', `The role '${name}' is listed twice`);
    seen.add(name.toLowerCase());
    options.push(name);
  }
  const value = JSON.stringify(options);
  await ctx.db
    .insertInto('settings')
    .values({ key: SETTINGS_KEY, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
  return options;
}

async function checkedRole(ctx: Ctx, role: unknown): Promise<string | null> {
  if (role === null || role === undefined || role === '') return null;
  const options = await contactRoleOptions(ctx);
  if (typeof role !== 'string' || !options.includes(role)) throw invalidData('role', `role must be one of: ${options.join(', ')}`);
  return role;
}

export async function listContactRoles(ctx: Ctx, dealId: string): Promise<ContactRole[]> {
  await getRecord(ctx, 'deals', dealId);
  const contacts = ctx.meta.modulesByName.get('contacts');
  if (!contacts) return [];
  const rows = await ctx.db
    .selectFrom('deal_contact_roles as r')
    .innerJoin(`${contacts.tableName} as c`, 'c.id', 'r.contactId')
    .select(['r.id', 'r.contactId', 'c._name as name', 'r.role', 'r.createdAt'])
    .where('r.dealId', '=', dealId)
    .orderBy('r.createdAt')
    .orderBy('r.id')
    .execute();
  return rows.map((r) => ({
    id: r.id as string,
    contact: { id: r.contactId as string, name: (r.name as string | null) ?? null },
    role: (r.role as string | null) ?? null,
    createdAt: new Date(Number(r.createdAt)).toISOString(),
  }));
}

/** Adds a contact to a deal with a role; a contact already on the deal → 409 DUPLICATE_DATA. */
export async function addContactRole(ctx: Ctx, dealId: string, input: { contact: unknown; role?: unknown }): Promise<ContactRole> {
  return inTransaction(ctx, async (tx) => {
    await getRecord(tx, 'deals', dealId);
    const contactId = refId(input.contact);
    try {
      await getRecord(tx, 'contacts', contactId);
    } catch (e) {
      if (e instanceof DomainError && e.code === 'NOT_FOUND') throw invalidData('contact', 'contact must be an existing contact');
      throw e;
    }
    const role = await checkedRole(tx, input.role);
    const existing = await tx.db.selectFrom('deal_contact_roles').select(['id', 'contactId']).where('dealId', '=', dealId).execute();
    if (existing.some((r) => r.contactId === contactId))
      throw new DomainError('DUPLICATE_DATA', 'This contact is already on the deal', { field: 'contact' });
    if (existing.length >= MAX_ROLES_PER_DEAL) throw limitExceeded(`A deal has at most ${MAX_ROLES_PER_DEAL} contact roles`);
    const id = newId();
    await tx.db
      .insertInto('deal_contact_roles')
      .values({ id, dealId, contactId, role, createdAt: tx.clock.now().getTime(), createdBy: tx.user.id })
      .execute();
    const added = (await listContactRoles(tx, dealId)).find((r) => r.id === id);
    if (!added) throw notFound('The contact role');
    return added;
  });
}

export async function updateContactRole(ctx: Ctx, dealId: string, roleId: string, input: { role?: unknown }): Promise<ContactRole> {
  return inTransaction(ctx, async (tx) => {
    await getRecord(tx, 'deals', dealId);
    const role = await checkedRole(tx, input.role);
    const res = await tx.db
      .updateTable('deal_contact_roles')
      .set({ role })
      .where('id', '=', roleId)
      .where('dealId', '=', dealId)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw notFound('The contact role');
    const updated = (await listContactRoles(tx, dealId)).find((r) => r.id === roleId);
    if (!updated) throw notFound('The contact role');
    return updated;
  });
}

export async function removeContactRole(ctx: Ctx, dealId: string, roleId: string): Promise<void> {
  await getRecord(ctx, 'deals', dealId);
  const res = await ctx.db.deleteFrom('deal_contact_roles').where('id', '=', roleId).where('dealId', '=', dealId).executeTakeFirst();
  if (Number(res.numDeletedRows) === 0) throw notFound('The contact role');
}

function refId(v: unknown): string {
  const id = typeof v === 'string' ? v : v && typeof v === 'object' && !Array.isArray(v) ? (v as { id?: unknown }).id : undefined;
  if (typeof id !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(id)) throw invalidData('contact', 'contact must be {"id"} of a contact');
  return id;
}
