import type { Db, DialectName } from '../db/connection.js';
import { addStandardFieldIfMissing } from '../metadata/define.js';
import type { FieldSeed } from '../metadata/standard-modules.js';

/** The modules that carry the standard `tags` field (new installs get it from standard-modules.ts). */
export const TAGGED_MODULES = ['leads', 'contacts', 'accounts', 'deals'] as const;

export const TAGS_FIELD: FieldSeed = { apiName: 'tags', label: 'Tags', type: 'tags' };

/**
 * Migration 0012: gives existing databases the standard `tags` field, appended to the first
 * section of each default layout so the record form shows it as on a new install. A module that
 * already has a field named `tags` (a new install, or an administrator's own) is left alone.
 */
export async function addTagFields(db: Db, dialect: DialectName): Promise<void> {
  for (const module of TAGGED_MODULES) {
    if (!(await addStandardFieldIfMissing(db, dialect, module, TAGS_FIELD))) continue;
    const layouts = await db
      .selectFrom('layouts')
      .select(['id', 'sections'])
      .where('module', '=', module)
      .where('isDefault', '=', 1)
      .execute();
    for (const layout of layouts) {
      const sections = JSON.parse(String(layout.sections)) as { title: string; fields: string[] }[];
      if (sections.length === 0 || sections.some((s) => s.fields.includes('tags'))) continue;
      sections[0] = { ...sections[0], fields: [...sections[0].fields, 'tags'] };
      await db
        .updateTable('layouts')
        .set({ sections: JSON.stringify(sections) })
        .where('id', '=', layout.id)
        .execute();
    }
  }
}
