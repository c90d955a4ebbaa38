import type { Ctx } from '../context.js';
import { forbidden, invalidData, notFound } from '../errors.js';
import { parseFilter } from '../filters/index.js';
import { newId } from '../ids.js';
import { parseSort } from '../records/sort.js';

/**
 * Saved list views: a module's filter, sort, columns and page size under a name, private to their
 * owner or shared with everyone. Only the owner (or an administrator) changes a view.
 */
export interface SavedView {
  id: string;
  module: string;
  name: string;
  shared: boolean;
  owner: { id: string };
  filter: unknown;
  sort: string | null;
  fields: string[] | null;
  perPage: number | null;
  createdAt: string;
  modifiedAt: string;
}

export interface ViewInput {
  module?: unknown;
  name?: unknown;
  shared?: unknown;
  filter?: unknown;
  sort?: unknown;
  fields?: unknown;
  perPage?: unknown;
}

interface ViewRow {
  id: string;
  module: string;
  name: string;
  ownerId: string;
  shared: number;
  definition: string;
  createdAt: number;
  modifiedAt: number;
}

const toView = (r: ViewRow): SavedView => {
  const d = JSON.parse(r.definition) as Pick<SavedView, 'filter' | 'sort' | 'fields' | 'perPage'>;
  return {
    id: r.id,
    module: r.module,
    name: r.name,
    shared: !!r.shared,
    owner: { id: r.ownerId },
    filter: d.filter ?? null,
    sort: d.sort ?? null,
    fields: d.fields ?? null,
    perPage: d.perPage ?? null,
    createdAt: new Date(Number(r.createdAt)).toISOString(),
    modifiedAt: new Date(Number(r.modifiedAt)).toISOString(),
  };
};

function checkDefinition(ctx: Ctx, module: string, input: ViewInput, base: Partial<SavedView>) {
  const m = ctx.meta.modulesByName.get(module);
  if (!m) throw invalidData('module', `'${module}' is not a module`);
  const filter = input.filter !== undefined ? input.filter : base.filter;
  if (filter !== null && filter !== undefined) parseFilter(filter, m, ctx.meta);
  const sort = input.sort !== undefined ? input.sort : base.sort;
  if (sort !== null && sort !== undefined) {
    if (typeof sort !== 'string' || sort.length > 300) throw invalidData('sort', 'sort is "field" or "-field", comma separated');
    parseSort(sort, m, ctx.meta, ctx.dialect);
  }
  const fields = input.fields !== undefined ? input.fields : base.fields;
  if (fields !== null && fields !== undefined) {
    if (!Array.isArray(fields) || fields.length > 100) throw invalidData('fields', 'fields is a list of at most 100 field names');
    for (const f of fields) if (typeof f !== 'string' || !m.fieldsByName.has(f)) throw invalidData('fields', `'${String(f)}' is not a field of ${module}`);
  }
  const perPage = input.perPage !== undefined ? input.perPage : base.perPage;
  if (perPage !== null && perPage !== undefined && (typeof perPage !== 'number' || !Number.isInteger(perPage) || perPage < 1 || perPage > 200)) {
    throw invalidData('perPage', 'perPage must be 1–200');
  }
  return { filter: filter ?? null, sort: sort ?? null, fields: fields ?? null, perPage: perPage ?? null };
}

function checkName(v: unknown): string {
  if (typeof v !== 'string' || !v.trim() || [...v].length > 100 || /\p{Cc}/u.test(v)) throw invalidData('name', 'name must be 1–100 characters');
  return v.trim();
}

export async function listViews(ctx: Ctx, module?: string): Promise<SavedView[]> {
  let q = ctx.db
    .selectFrom('saved_views')
    .selectAll()
    .where((eb) => eb.or([eb('ownerId', '=', ctx.user.id), eb('shared', '=', 1)]));
  if (module) q = q.where('module', '=', module);
  return ((await q.orderBy('name').orderBy('id').execute()) as ViewRow[]).map(toView);
}

/** A view the current user may use (their own, or shared). */
export async function getView(ctx: Ctx, id: string): Promise<SavedView> {
  const r = (await ctx.db.selectFrom('saved_views').selectAll().where('id', '=', id).executeTakeFirst()) as ViewRow | undefined;
  if (!r || (!r.shared && r.ownerId !== ctx.user.id)) throw notFound(`The view '${id}'`);
  return toView(r);
}

export async function createView(ctx: Ctx, input: ViewInput): Promise<SavedView> {
  if (typeof input.module !== 'string') throw invalidData('module', 'module is required');
  const name = checkName(input.name);
  if (input.shared !== undefined && typeof input.shared !== 'boolean') throw invalidData('shared', 'shared must be true or false');
  const def = checkDefinition(ctx, input.module, input, {});
  const now = ctx.clock.now().getTime();
  const row: ViewRow = {
    id: newId(now),
    module: input.module,
    name,
    ownerId: ctx.user.id,
    shared: input.shared ? 1 : 0,
    definition: JSON.stringify(def),
    createdAt: now,
    modifiedAt: now,
  };
  await ctx.db.insertInto('saved_views').values(row).execute();
  return toView(row);
}

async function ownView(ctx: Ctx, id: string): Promise<SavedView> {
  const view = await getView(ctx, id);
  if (view.owner.id !== ctx.user.id && ctx.user.profile !== 'Administrator') throw forbidden('Only the owner of a view can change it');
  return view;
}

export async function updateView(ctx: Ctx, id: string, input: ViewInput): Promise<SavedView> {
  const view = await ownView(ctx, id);
  if (input.module !== undefined && input.module !== view.module) throw invalidData('module', 'The module of a view cannot change');
  const name = input.name !== undefined ? checkName(input.name) : view.name;
  if (input.shared !== undefined && typeof input.shared !== 'boolean') throw invalidData('shared', 'shared must be true or false');
  const def = checkDefinition(ctx, view.module, input, view);
  const now = ctx.clock.now().getTime();
  await ctx.db
    .updateTable('saved_views')
    .set({ name, shared: (input.shared ?? view.shared) ? 1 : 0, definition: JSON.stringify(def), modifiedAt: now })
    .where('id', '=', id)
    .execute();
  return getView(ctx, id);
}

export async function deleteView(ctx: Ctx, id: string): Promise<void> {
  await ownView(ctx, id);
  await ctx.db.deleteFrom('saved_views').where('id', '=', id).execute();
}
