import { sql } from 'kysely';
import type { Db, DialectName } from '../db/connection.js';
import { insertField, seedToField } from './define.js';
import type { FieldSeed } from './standard-modules.js';
import type { LayoutSection } from './types.js';

/**
 * Standard fields the sales features added after the first release (migration 0004): what a
 * converted lead became, and when a deal closed. Read-only: the record service sets them.
 */
export const SALES_FIELDS: { module: string; section?: string; fields: FieldSeed[] }[] = [
  {
    module: 'leads',
    section: 'Conversion Information',
    fields: [
      { apiName: 'convertedContact', label: 'Converted Contact', type: 'lookup', lookupModule: 'contacts', readOnly: true },
      { apiName: 'convertedAccount', label: 'Converted Account', type: 'lookup', lookupModule: 'accounts', readOnly: true },
      { apiName: 'convertedDeal', label: 'Converted Deal', type: 'lookup', lookupModule: 'deals', readOnly: true },
      { apiName: 'convertedAt', label: 'Converted At', type: 'datetime', readOnly: true },
    ],
  },
  { module: 'deals', fields: [{ apiName: 'closedAt', label: 'Closed At', type: 'datetime', readOnly: true }] },
];

/**
 * Adds the fields above (rows, columns, default layout) and an index of deals by pipeline and
 * stage to an existing install, and backfills them: deals already in a closed stage get `closedAt` = their last change, and every deal gets
 * one stage-history entry, its current stage as of its last change.
 */
export async function addSalesFields(db: Db, dialect: DialectName): Promise<void> {
  for (const group of SALES_FIELDS) {
    const module = await db.selectFrom('modules').select('tableName').where('apiName', '=', group.module).executeTakeFirst();
    if (!module) continue;
    const max = await db
      .selectFrom('fields')
      .select(sql<number>`max(${sql.ref('sortOrder')})`.as('n'))
      .where('module', '=', group.module)
      .where('system', '=', 0)
      .executeTakeFirst();
    let order = Number(max?.n ?? 0);
    for (const seed of group.fields) await insertField(db, dialect, module.tableName, seedToField(group.module, seed, ++order, false));
    await appendToDefaultLayout(
      db,
      group.module,
      group.fields.map((f) => f.apiName),
      group.section,
    );
  }
  const deals = await db.selectFrom('modules').select('tableName').where('apiName', '=', 'deals').executeTakeFirst();
  if (!deals) return;
  const d = sql.table(deals.tableName);
  // Boards, stage renames and moves select deals by pipeline and stage.
  await sql`create index ${sql.id(`${deals.tableName}_pipeline_stage`)} on ${d} (pipeline, stage)`.execute(db);
  await sql`update ${d} set ${sql.ref('closedAt')} = ${sql.ref('modifiedAt')} where exists (
      select 1 from pipeline_stages s join pipelines p on p.id = s."pipelineId"
      where p.name = ${d}.pipeline and s.name = ${d}.stage and s.kind <> 'open')`.execute(db);
  await sql`insert into deal_stage_history ("dealId", "pipelineId", pipeline, "fromStageId", "fromStage", "toStageId", "toStage",
      "toKind", at, "userId", amount)
    select x.id, p.id, x.pipeline, null, null, s.id, x.stage, s.kind, x."modifiedAt", x."modifiedBy", x.amount
    from ${d} x left join pipelines p on p.name = x.pipeline left join pipeline_stages s on s."pipelineId" = p.id and s.name = x.stage
    where x.stage is not null`.execute(db);
}

async function appendToDefaultLayout(db: Db, module: string, fields: string[], section?: string): Promise<void> {
  const layout = await db
    .selectFrom('layouts')
    .select(['id', 'sections'])
    .where('module', '=', module)
    .orderBy('isDefault', 'desc')
    .orderBy('id')
    .executeTakeFirst();
  if (!layout) return;
  const sections = JSON.parse(layout.sections) as LayoutSection[];
  if (section || sections.length === 0) sections.push({ title: section ?? 'Information', fields });
  else sections[0] = { ...sections[0], fields: [...sections[0].fields, ...fields] };
  await db
    .updateTable('layouts')
    .set({ sections: JSON.stringify(sections) })
    .where('id', '=', layout.id)
    .execute();
}
