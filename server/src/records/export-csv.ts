import type { Ctx } from '../context.js';
import type { FieldDef } from '../metadata/types.js';
import { type ListQuery, listRecords } from './list.js';
import { moduleOf } from './module-of.js';

const PAGE = 200;

/** A cell a spreadsheet will not run as a formula (values starting with = + - @ or a control). */
export function safeCell(text: string): string {
  const guarded = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/** How a field's API value reads in a spreadsheet cell. */
export function cellText(field: FieldDef | undefined, v: unknown): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) {
    return v
      .map((x) => (typeof x === 'object' && x !== null ? ((x as { name?: string; email?: string }).name ?? (x as { email?: string }).email ?? '') : String(x)))
      .join('; ');
  }
  if (typeof v === 'object') {
    if (field?.type === 'address') return Object.values(v as Record<string, string>).join(', ');
    const ref = v as { name?: string | null; id?: string };
    return ref.name ?? ref.id ?? '';
  }
  return String(v);
}

/**
 * The rows of a list (its filter, search, sort and columns) as CSV, page by page with the keyset
 * cursor so a large module streams without holding it in memory.
 */
export async function* exportCsv(ctx: Ctx, moduleName: string, query: ListQuery): AsyncGenerator<string> {
  const module = moduleOf(ctx, moduleName);
  const names = query.fields
    ? query.fields.split(',').map((s) => s.trim()).filter((n) => n && n !== 'id' && n !== 'version')
    : module.fields.map((f) => f.apiName);
  // Validate the columns (and filter, sort) before the first byte goes out.
  let page = await listRecords(ctx, moduleName, { ...query, perPage: PAGE, page: undefined, cursor: undefined, fields: names.join(',') });
  const fields = names.map((n) => module.fieldsByName.get(n));
  yield `\ufeff${['Id', ...fields.map((f, i) => f?.label ?? names[i])].map(safeCell).join(',')}\r\n`;
  for (;;) {
    let out = '';
    for (const rec of page.data) {
      out += `${[String(rec.id), ...names.map((n, i) => cellText(fields[i], rec[n]))].map(safeCell).join(',')}\r\n`;
    }
    yield out;
    if (!page.info.moreRecords || !page.info.nextCursor) return;
    page = await listRecords(ctx, moduleName, { ...query, perPage: PAGE, page: undefined, cursor: page.info.nextCursor, fields: names.join(',') });
  }
}
