import type { Field, FieldType, Layout, ModuleSummary } from '../../api/types';
import { hideConvertedLeads } from '../../features/convert-lead/hide-converted';
import { withOverdueFields } from '../../features/overdue/my-tasks';
import type { RecordListQuery } from '../../hooks/api/records';

/** Rows per page of a list ("Load more" asks for the next as many). */
export const LIST_PAGE_SIZE = 50;

/** Types too long or too structured for a table cell. */
const NOT_IN_TABLE: ReadonlySet<FieldType> = new Set<FieldType>(['textarea', 'address', 'participants', 'file']);

/**
 * The basic list's columns: the record's name first, then the first layout fields that fit a cell
 * (up to `max` in all), and the API `fields` to ask for.
 */
export function listColumns(module: ModuleSummary, fields: Field[], layouts: Layout[], max = 6): { columns: Field[]; request: string[] } {
  const byName = new Map(fields.map((f) => [f.apiName, f]));
  const layout = layouts.find((l) => l.isDefault) ?? layouts[0];
  const nameFields = new Set(module.recordName.fields);
  const ordered = [...(layout?.sections.flatMap((s) => s.fields) ?? []), ...fields.map((f) => f.apiName)];
  const columns: Field[] = [];
  const seen = new Set<string>();
  for (const name of ordered) {
    const f = byName.get(name);
    if (!f || seen.has(name) || nameFields.has(name) || NOT_IN_TABLE.has(f.type) || f.system) continue;
    seen.add(name);
    columns.push(f);
    if (columns.length >= max - 1) break;
  }
  return { columns, request: [...nameFields, ...columns.map((c) => c.apiName)] };
}

/** Every field that can be a column (the chooser's choices): not the name fields, nothing too long for a cell. */
export function columnCandidates(module: ModuleSummary, fields: Field[]): Field[] {
  const nameFields = new Set(module.recordName.fields);
  return fields.filter((f) => !nameFields.has(f.apiName) && !NOT_IN_TABLE.has(f.type));
}

/**
 * What a module's list asks for before the user changes anything (no view, filter, search or
 * sort): the list page starts with it, and the warm-up at boot prefetches it, so the two must agree.
 */
export function defaultListQuery(module: ModuleSummary, fields: Field[], layouts: Layout[]): RecordListQuery {
  return {
    fields: withOverdueFields(module.apiName, listColumns(module, fields, layouts).request),
    perPage: LIST_PAGE_SIZE,
    filter: hideConvertedLeads(module.apiName, null, undefined) ?? undefined,
  };
}
