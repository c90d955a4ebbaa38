import { sql } from 'kysely';
import type { Ctx } from '../context.js';
import { containsSql } from '../db/dialect.js';
import type { Participant } from '../metadata/field-types/participants.js';
import { updateRecord } from '../records/index.js';

/** Activities: they go to the deal when the conversion makes one (the sale's work), else to the contact. */
const ACTIVITY_MODULES = new Set(['tasks', 'events', 'calls']);

export interface ConversionTargets {
  contactId: string;
  dealId?: string;
}

/**
 * Re-points everything linked to a converted lead through a `relatedTo` field — notes and
 * attachments (and custom modules) to the contact; tasks, meetings and calls to the deal when
 * one is created, else to the contact — and makes the contact a meeting participant in the
 * lead's place. Each record is written through the record service (history, outbox).
 */
export async function moveLeadActivities(tx: Ctx, leadId: string, to: ConversionTargets): Promise<void> {
  for (const module of tx.meta.modules) {
    const table = sql.table(module.tableName);
    for (const field of module.fields) {
      if (field.type === 'relatedTo') {
        const target =
          ACTIVITY_MODULES.has(module.apiName) && to.dealId ? { module: 'deals', id: to.dealId } : { module: 'contacts', id: to.contactId };
        const rows = await sql<{ id: string }>`select id from ${table}
          where ${sql.ref(field.apiName)} = ${leadId} and ${sql.ref(`${field.apiName}__module`)} = 'leads' order by id`.execute(tx.db);
        for (const r of rows.rows) await updateRecord(tx, module.apiName, r.id, { [field.apiName]: target });
      }
      if (field.type === 'participants') {
        const needle = JSON.stringify({ type: 'lead', id: leadId }).slice(1, -1);
        const rows = await sql<{ id: string; v: string }>`select id, ${sql.ref(field.apiName)} as v from ${table}
          where ${containsSql(tx.dialect, sql`${sql.ref(field.apiName)}`, needle)} order by id`.execute(tx.db);
        for (const r of rows.rows) {
          const people = (JSON.parse(r.v) as Participant[]).map((p) =>
            p.type === 'email'
              ? { email: p.email }
              : p.type === 'lead' && p.id === leadId
                ? { type: 'contact', id: to.contactId }
                : { type: p.type, id: p.id },
          );
          await updateRecord(tx, module.apiName, r.id, { [field.apiName]: people });
        }
      }
    }
  }
}
