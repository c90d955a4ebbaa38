import type { Db, DialectName } from '../db/connection.js';
import { insertField, seedToField } from '../metadata/define.js';
import type { FieldSeed } from '../metadata/standard-modules.js';

export const REPEAT_FREQUENCIES = ['Daily', 'Weekly', 'Monthly', 'Yearly'] as const;
export type RepeatFrequency = (typeof REPEAT_FREQUENCIES)[number];

/**
 * Fields the activities feature adds to the standard modules (migration 0008): a task's repeat
 * rule (frequency, and an end: a last date or how many occurrences are left, this one included),
 * and a reminder on a scheduled call, like a task's.
 */
const ACTIVITY_FIELDS: { module: string; fields: FieldSeed[] }[] = [
  {
    module: 'tasks',
    fields: [
      { apiName: 'repeat', label: 'Repeat', type: 'picklist', options: [...REPEAT_FREQUENCIES] },
      { apiName: 'repeatUntil', label: 'Repeat Until', type: 'date' },
      { apiName: 'repeatCount', label: 'Occurrences Left', type: 'integer' },
    ],
  },
  { module: 'calls', fields: [{ apiName: 'reminderAt', label: 'Reminder', type: 'datetime' }] },
];

export async function addActivityFields(db: Db, dialect: DialectName): Promise<void> {
  for (const group of ACTIVITY_FIELDS) {
    const row = await db.selectFrom('modules').select('tableName').where('apiName', '=', group.module).executeTakeFirst();
    if (!row) continue;
    const max = await db
      .selectFrom('fields')
      .select((eb) => eb.fn.max('sortOrder').as('n'))
      .where('module', '=', group.module)
      .where('system', '=', 0)
      .executeTakeFirst();
    let order = Number(max?.n ?? 0);
    for (const seed of group.fields) {
      const has = await db
        .selectFrom('fields')
        .select('apiName')
        .where('module', '=', group.module)
        .where('apiName', '=', seed.apiName)
        .executeTakeFirst();
      if (!has) await insertField(db, dialect, row.tableName, seedToField(group.module, seed, ++order, false));
    }
    // Not appended to layouts: the web app offers these through its own translated task and call panels.
  }
}
