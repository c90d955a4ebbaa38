import { invalidData } from '../../../errors.js';
import { getRecord, updateRecord } from '../../../records/index.js';
import { hasTag, tagsFieldOf } from '../../../tags/index.js';
import type { ActionInput } from './types.js';

/**
 * The tags a record has once `tag` is added: unchanged (null) when it already holds the tag in
 * any case, so adding a present tag writes nothing and leaves no history.
 */
export function withTag(current: unknown, tag: string): string[] | null {
  const tags = Array.isArray(current) ? (current as string[]) : [];
  return hasTag(tags, tag) ? null : [...tags, tag];
}

/** Adds the action's tag to the record's tags field, reading the record as it is now. */
export async function addTag({ ctx, action, module, record }: ActionInput): Promise<void> {
  const def = ctx.meta.modulesByName.get(module);
  const field = def && tagsFieldOf(def);
  if (!field) throw invalidData('tag', `${module} has no tags field`);
  const now = await getRecord(ctx, module, record.id as string);
  const next = withTag(now[field.apiName], action.tag as string);
  if (next) await updateRecord(ctx, module, record.id as string, { [field.apiName]: next });
}
