import type { FieldDef, ModuleDef } from '../metadata/types.js';

export { checkTag, hasTag, MAX_TAG_LENGTH, MAX_TAGS } from '../metadata/field-types/tags.js';
export { addTagFields, TAGGED_MODULES } from './fields.js';

/**
 * The field the addTag action writes: the standard `tags` field, or in a module without it
 * (a custom module) its first field of type tags; undefined when the module has none.
 */
export function tagsFieldOf(module: ModuleDef): FieldDef | undefined {
  const standard = module.fieldsByName.get('tags');
  if (standard?.type === 'tags') return standard;
  return [...module.fieldsByName.values()].find((f) => f.type === 'tags' && !f.system);
}
