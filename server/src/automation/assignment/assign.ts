import { sql } from 'kysely';
import type { Ctx } from '../../context.js';
import { invalidData } from '../../errors.js';
import { criteriaMatch } from '../../filters/index.js';
import type { RecordValues } from '../../records/values.js';

interface AssignmentDefinition {
  entries: { criteria: unknown; assignTo: { userId: string } | { roundRobin: string[] } }[];
  fallbackUserId?: string;
}

/**
 * The owner decider for a create that names an assignment rule: each record gets the user of the
 * first matching entry; round-robin entries hand out turns from a counter row, taken for the whole
 * batch in one atomic update (fair across concurrent requests and processes).
 */
export function assignmentRuleOwners(ctx: Ctx, module: string, ruleId: string) {
  const rule = ctx.meta.rules.find((r) => r.id === ruleId && r.kind === 'assignment');
  if (!rule) throw invalidData('assignmentRule', `'${ruleId}' is not an assignment rule`);
  if (rule.module !== module) throw invalidData('assignmentRule', `The assignment rule '${ruleId}' is for ${rule.module}`);
  const def = rule.definition as unknown as AssignmentDefinition;
  const moduleDef = ctx.meta.modulesByName.get(module);
  return async (tx: Ctx, records: RecordValues[]): Promise<void> => {
    if (!moduleDef) return;
    const env = { meta: tx.meta, module: moduleDef, dialect: tx.dialect, userId: tx.user.id, now: tx.clock.now() };
    const byEntry = new Map<number, RecordValues[]>();
    for (const r of records) {
      const i = def.entries.findIndex((e) => criteriaMatch(e.criteria, r, env));
      if (i < 0) {
        if (def.fallbackUserId) r.owner = { id: def.fallbackUserId, name: null };
        continue;
      }
      byEntry.set(i, [...(byEntry.get(i) ?? []), r]);
    }
    for (const [i, list] of byEntry) {
      const to = def.entries[i].assignTo;
      if ('userId' in to) {
        for (const r of list) r.owner = { id: to.userId, name: null };
        continue;
      }
      const start = await takeTurns(tx, `roundRobin:${rule.id}:${i}`, list.length);
      list.forEach((r, k) => {
        r.owner = { id: to.roundRobin[(start + k) % to.roundRobin.length], name: null };
      });
    }
  };
}

/** Reserves n consecutive turns of a counter; returns the first. Row-locked by the update itself. */
async function takeTurns(tx: Ctx, name: string, n: number): Promise<number> {
  await tx.db
    .insertInto('counters')
    .values({ name, value: 0 })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await tx.db
    .updateTable('counters')
    .set({ value: sql`value + ${n}` })
    .where('name', '=', name)
    .returning('value')
    .executeTakeFirstOrThrow();
  return Number(row.value) - n;
}
