import type { Ctx } from '../context.js';
import { notFound } from '../errors.js';
import type { ModuleDef } from '../metadata/types.js';

export function moduleOf(ctx: Ctx, apiName: string): ModuleDef {
  const m = ctx.meta.modulesByName.get(apiName);
  if (!m) throw notFound(`The module '${apiName}'`);
  return m;
}
