import type { Ctx } from '../../context.js';
import { invalidData } from '../../errors.js';
import type { ModuleDef } from '../../metadata/types.js';
import { checkCriteria, checkText, type Json } from './common.js';

/** `{criteria, message, field?}` of a validation rule. */
export async function checkValidationRule(ctx: Ctx, module: ModuleDef, body: Json): Promise<Json> {
  const criteria = checkCriteria(ctx, module, body.criteria, false);
  const message = checkText(body.message, 'message', 500);
  if (body.field !== undefined && body.field !== null && (typeof body.field !== 'string' || !module.fieldsByName.has(body.field))) {
    throw invalidData('field', `'${String(body.field)}' is not a field of ${module.apiName}`);
  }
  return { criteria, message, ...(typeof body.field === 'string' ? { field: body.field } : {}) };
}
