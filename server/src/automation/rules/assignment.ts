import type { Ctx } from '../../context.js';
import { invalidData } from '../../errors.js';
import type { ModuleDef } from '../../metadata/types.js';
import { checkCriteria, checkKeys, checkList, checkUser, type Json } from './common.js';

/** `{entries: [{criteria, assignTo: {userId} | {roundRobin: [...]}}], fallbackUserId?}`. */
export async function checkAssignmentRule(ctx: Ctx, module: ModuleDef, body: Json): Promise<Json> {
  const entries = [];
  for (const [i, e] of checkList(body.entries, 'entries', 1, 50).entries()) {
    const o = checkKeys(e, ['criteria', 'assignTo'], `entries[${i}]`);
    const to = checkKeys(o.assignTo, ['userId', 'roundRobin'], `entries[${i}].assignTo`);
    let assignTo: Json;
    if (to.userId !== undefined && to.roundRobin === undefined) {
      assignTo = { userId: await checkUser(ctx, to.userId, `entries[${i}].assignTo.userId`) };
    } else if (to.roundRobin !== undefined && to.userId === undefined) {
      const ids = checkList(to.roundRobin, `entries[${i}].assignTo.roundRobin`, 1, 100);
      const users: string[] = [];
      for (const id of ids) users.push(await checkUser(ctx, id, `entries[${i}].assignTo.roundRobin`));
      assignTo = { roundRobin: users };
    } else {
      throw invalidData(`entries[${i}].assignTo`, 'assignTo is {"userId"} or {"roundRobin": [userIds]}');
    }
    entries.push({ criteria: checkCriteria(ctx, module, o.criteria, true), assignTo });
  }
  const fallback = body.fallbackUserId == null ? undefined : await checkUser(ctx, body.fallbackUserId, 'fallbackUserId');
  return { entries, ...(fallback ? { fallbackUserId: fallback } : {}) };
}
