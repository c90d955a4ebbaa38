import { sql } from 'kysely';
import type { Ctx } from '../context.js';
import type { ModuleDef } from '../metadata/types.js';
import type { RecordValues } from './values.js';

/** Assigns the next numbers of every autonumber field to new records, one counter update per field. */
export async function assignAutonumbers(ctx: Ctx, module: ModuleDef, records: RecordValues[]): Promise<void> {
  if (records.length === 0) return;
  for (const f of module.fields.filter((x) => x.type === 'autonumber')) {
    const name = `${module.apiName}.${f.apiName}`;
    const n = records.length;
    const r = await sql<{ value: number }>`insert into counters (name, value) values (${name}, ${n})
      on conflict (name) do update set value = counters.value + ${n} returning value`.execute(ctx.db);
    const last = Number(r.rows[0].value);
    records.forEach((rec, i) => {
      rec[f.apiName] = last - n + 1 + i;
    });
  }
}
