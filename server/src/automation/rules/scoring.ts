import type { Ctx } from '../../context.js';
import { invalidData } from '../../errors.js';
import type { ModuleDef } from '../../metadata/types.js';
import { checkCriteria, checkInt, checkKeys, checkList, type Json } from './common.js';

/** `{entries: [{criteria, points}]}` of a scoring rule; the module needs a `score` field. */
export async function checkScoringRule(ctx: Ctx, module: ModuleDef, body: Json): Promise<Json> {
  if (!module.fieldsByName.has('score')) throw invalidData('module', `${module.apiName} has no score field`);
  const entries = checkList(body.entries, 'entries', 1, 100).map((e, i) => {
    const o = checkKeys(e, ['criteria', 'points'], `entries[${i}]`);
    return {
      criteria: checkCriteria(ctx, module, o.criteria, true),
      points: checkInt(o.points, `entries[${i}].points`, -100_000, 100_000),
    };
  });
  return { entries };
}
