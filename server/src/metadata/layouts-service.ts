import { requireAdmin } from '../access/index.js';
import type { Ctx } from '../context.js';
import { invalidData, notFound } from '../errors.js';
import { parseLabel } from './field-request.js';
import { bumpMetaVersion } from './snapshot.js';
import type { LayoutDef, LayoutSection } from './types.js';

/** Replaces a layout's sections: every field named once, only fields of the module. */
export async function updateLayout(ctx: Ctx, moduleName: string, layoutId: string, req: { name?: unknown; sections?: unknown }): Promise<LayoutDef> {
  requireAdmin(ctx);
  const module = ctx.meta.modulesByName.get(moduleName);
  if (!module) throw notFound(`The module '${moduleName}'`);
  const layout = module.layouts.find((l) => l.id === layoutId);
  if (!layout) throw notFound(`The layout '${layoutId}'`);
  const name = req.name !== undefined ? parseLabel(req.name, 'name') : layout.name;
  let sections = layout.sections;
  if (req.sections !== undefined) {
    if (!Array.isArray(req.sections) || req.sections.length === 0 || req.sections.length > 50) {
      throw invalidData('sections', 'sections is a list of 1–50 sections');
    }
    const seen = new Set<string>();
    sections = req.sections.map((s, i): LayoutSection => {
      const sec = s as { title?: unknown; fields?: unknown };
      if (typeof sec !== 'object' || sec === null || !Array.isArray(sec.fields)) {
        throw invalidData('sections', `Section ${i + 1} needs "title" and "fields"`);
      }
      const title = parseLabel(sec.title, 'title');
      const fields = sec.fields.map((f) => {
        const field = typeof f === 'string' ? module.fieldsByName.get(f) : undefined;
        if (!field) throw invalidData('sections', `'${String(f)}' is not a field of ${module.apiName}`, { value: f });
        if (seen.has(field.apiName)) throw invalidData('sections', `'${field.apiName}' is placed twice`, { value: f });
        seen.add(field.apiName);
        return field.apiName;
      });
      return { title, fields };
    });
  }
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('layouts').set({ name, sections: JSON.stringify(sections) }).where('id', '=', layoutId).execute();
    await bumpMetaVersion(trx);
  });
  return { ...layout, name, sections };
}
