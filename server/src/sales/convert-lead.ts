import type { Ctx } from '../context.js';
import { DomainError } from '../errors.js';
import { createRecords, getRecord, updateRecord } from '../records/index.js';
import { inTransaction } from '../records/transaction.js';
import { chosenRecord, findByFoldedValue } from './conversion-matches.js';
import { leadPersonName, type SkippedValue, valuesFromLead } from './conversion-values.js';
import { type FieldMapping, readLeadConversionMapping } from './lead-conversion-mapping.js';
import { moveLeadActivities } from './move-activities.js';

export interface ConvertLeadRequest {
  account?: { id: string };
  contact?: { id: string };
  deal?: { dealName?: string; amount?: number | null; stage?: string; closingDate?: string; pipeline?: string };
}

export interface ConvertLeadResult {
  contact: { id: string };
  account: { id: string };
  deal?: { id: string };
  /** Lead values a target field did not accept, left out (omitted when none). */
  skipped?: SkippedValue[];
}

type Values = Record<string, unknown>;

/** Creates one record through the record service; its error (naming the field) fails the conversion. */
async function createOne(tx: Ctx, module: string, values: Values): Promise<string> {
  const [result] = await createRecords(tx, module, [values]);
  if (result.status === 'error') {
    throw new DomainError(result.code as DomainError['code'], `The new ${module} record: ${result.message}`, { ...result.details, module });
  }
  return result.id;
}

/**
 * Converts a lead (API.md "Sales", SPEC [LEAD-2]) in one transaction: any failure leaves
 * everything as it was. The account is the chosen one, else one named like the lead's company
 * (case-insensitively), else a new one; the contact is the chosen one, else one with the lead's
 * email, else a new one; a deal when asked. Activities move, and the lead becomes converted,
 * read-only, pointing at what it became (history action `converted`).
 */
export async function convertLead(ctx: Ctx, leadId: string, req: ConvertLeadRequest): Promise<ConvertLeadResult> {
  return inTransaction(ctx, async (tx) => {
    const lead = await getRecord(tx, 'leads', leadId);
    if (lead.converted === true) throw new DomainError('LEAD_CONVERTED', 'This lead has already been converted');
    const mapping = await readLeadConversionMapping(tx);
    const skipped: SkippedValue[] = [];
    const owner = (lead.owner as { id?: string } | null)?.id;
    const owned = (values: Values): Values => (owner ? { ...values, owner: { id: owner } } : values);

    const accountId = await resolveAccount(tx, lead, req, mapping, skipped, owned);
    const contactId = await resolveContact(tx, lead, req, accountId, mapping, skipped, owned);
    let dealId: string | undefined;
    if (req.deal) {
      const given = Object.fromEntries(Object.entries(req.deal).filter(([, v]) => v !== undefined));
      dealId = await createOne(
        tx,
        'deals',
        owned({
          dealName: (lead.company as string | null)?.trim() || leadPersonName(lead) || null,
          ...valuesFromLead(tx.meta, lead, 'deals', mapping, skipped),
          account: { id: accountId },
          contact: { id: contactId },
          ...given,
        }),
      );
    }
    await moveLeadActivities(tx, leadId, { contactId, dealId });
    await markConverted(tx, lead, { contactId, accountId, dealId });
    return {
      contact: { id: contactId },
      account: { id: accountId },
      ...(dealId ? { deal: { id: dealId } } : {}),
      ...(skipped.length ? { skipped } : {}),
    };
  });
}

async function resolveAccount(
  tx: Ctx,
  lead: Values,
  req: ConvertLeadRequest,
  mapping: readonly FieldMapping[],
  skipped: SkippedValue[],
  owned: (v: Values) => Values,
): Promise<string> {
  if (req.account) return chosenRecord(tx, 'accounts', 'account', req.account);
  const existing = await findByFoldedValue(tx, 'accounts', 'name', lead.company);
  if (existing) return existing;
  const name = (lead.company as string | null)?.trim() || leadPersonName(lead);
  return createOne(tx, 'accounts', owned({ name, ...valuesFromLead(tx.meta, lead, 'accounts', mapping, skipped) }));
}

/** An existing contact without an account is linked to the conversion's account; one with an account keeps it. */
async function resolveContact(
  tx: Ctx,
  lead: Values,
  req: ConvertLeadRequest,
  accountId: string,
  mapping: readonly FieldMapping[],
  skipped: SkippedValue[],
  owned: (v: Values) => Values,
): Promise<string> {
  const existing = req.contact
    ? await chosenRecord(tx, 'contacts', 'contact', req.contact)
    : await findByFoldedValue(tx, 'contacts', 'email', lead.email);
  if (existing) {
    const contact = await getRecord(tx, 'contacts', existing);
    if (contact.account == null && tx.meta.modulesByName.get('contacts')?.fieldsByName.has('account')) {
      await updateRecord(tx, 'contacts', existing, { account: { id: accountId } });
    }
    return existing;
  }
  return createOne(tx, 'contacts', owned({ ...valuesFromLead(tx.meta, lead, 'contacts', mapping, skipped), account: { id: accountId } }));
}

async function markConverted(tx: Ctx, lead: Values, to: { contactId: string; accountId: string; dealId?: string }): Promise<void> {
  const fields = tx.meta.modulesByName.get('leads')?.fieldsByName;
  const values: Values = {
    converted: true,
    convertedContact: { id: to.contactId, name: null },
    convertedAccount: { id: to.accountId, name: null },
    convertedDeal: to.dealId ? { id: to.dealId, name: null } : null,
    convertedAt: tx.clock.now().toISOString(),
  };
  const systemValues = Object.fromEntries(Object.entries(values).filter(([k]) => fields?.has(k)));
  await updateRecord(tx, 'leads', lead.id as string, {}, { systemValues, historyAction: 'converted', ifMatch: lead.version as number });
}
