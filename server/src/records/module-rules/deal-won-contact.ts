import type { Ctx } from '../../context.js';
import { updateRecord } from '../update.js';
import { dealStageChanged, stageOf } from './deals.js';
import type { RecordWrite } from './types.js';

const CUSTOMER = 'Customer';

/**
 * A contact becomes a Customer when one of their deals is won: when a deal enters a won stage, or
 * a won deal gets a contact. The contact is written through the record service (history, outbox)
 * in the deal's transaction. Nothing happens if an admin removed the Customer option.
 */
export async function promoteContactsOfWonDeals(tx: Ctx, writes: readonly RecordWrite[]): Promise<void> {
  const contactType = tx.meta.modulesByName.get('contacts')?.fieldsByName.get('contactType');
  if (!contactType?.options?.some((o) => o.value === CUSTOMER && !o.retired)) return;
  const contactIds = new Set<string>();
  for (const w of writes) {
    const contactId = (w.next.contact as { id?: string } | null)?.id;
    if (!contactId || stageOf(tx.meta.pipelines, w.next)?.kind !== 'won') continue;
    const contactChanged = (w.prev?.contact as { id?: string } | null)?.id !== contactId;
    if (dealStageChanged(w.prev, w.next) || contactChanged) contactIds.add(contactId);
  }
  for (const id of contactIds) {
    const contacts = tx.meta.modulesByName.get('contacts');
    const row = contacts && (await tx.db.selectFrom(contacts.tableName).select('contactType').where('id', '=', id).executeTakeFirst());
    if (row && row.contactType !== CUSTOMER) await updateRecord(tx, 'contacts', id, { contactType: CUSTOMER });
  }
}
