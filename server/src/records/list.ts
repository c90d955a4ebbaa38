import { type RawBuilder, sql } from 'kysely';
import type { Ctx } from '../context.js';
import { invalidRequest } from '../errors.js';
import { filterToSql, parseFilter } from '../filters/index.js';
import type { FieldDef, ModuleDef } from '../metadata/types.js';
import { searchIdsCondition } from '../search/index.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { moduleOf } from './module-of.js';
import { resolveNames } from './references.js';
import { columnsToRecord, recordToJson } from './rows.js';
import { type SortKey, afterSql, orderBySql, parseSort } from './sort.js';

export interface ListQuery {
  fields?: string;
  sort?: string;
  perPage?: number;
  page?: number;
  cursor?: string;
  q?: string;
  filter?: unknown;
  /** Extra conditions from the caller (related lists, saved views), already compiled. */
  where?: RawBuilder<unknown>[];
}

export interface ListResult {
  data: Record<string, unknown>[];
  info: { perPage: number; page?: number; moreRecords: boolean; nextCursor?: string };
}

export const MAX_PER_PAGE = 200;
const MAX_OFFSET = 1_000_000;

function pickFields(module: ModuleDef, spec: string | undefined): FieldDef[] | undefined {
  if (!spec) return undefined;
  const names = spec.split(',').map((s) => s.trim()).filter(Boolean);
  return names
    .filter((n) => n !== 'id' && n !== 'version')
    .map((n) => {
      const f = module.fieldsByName.get(n);
      if (!f) throw invalidRequest(`'${n}' is not a field of ${module.apiName}`, { field: n });
      return f;
    });
}

/** The conditions every read of a module applies: filter, text search, caller's extra ones. */
export function listConditions(ctx: Ctx, module: ModuleDef, query: Pick<ListQuery, 'filter' | 'q' | 'where'>): RawBuilder<unknown>[] {
  const conds: RawBuilder<unknown>[] = [...(query.where ?? [])];
  if (query.filter !== undefined && query.filter !== null) {
    const node = parseFilter(query.filter, module, ctx.meta);
    conds.push(
      filterToSql(node, {
        dialect: ctx.dialect,
        module,
        meta: ctx.meta,
        userId: ctx.user.id,
        now: ctx.clock.now(),
        timeZone: ctx.meta.org.timeZone,
      }),
    );
  }
  if (query.q && query.q.trim()) conds.push(searchIdsCondition(ctx.dialect, module.apiName, query.q, sql.ref('id')));
  return conds;
}

/** A cursor carries one value per sort key, of the key's type (a forged one is refused). */
function checkCursorValues(keys: SortKey[], values: unknown[]): void {
  const ok =
    values.length === keys.length &&
    keys.every((k, i) => {
      const v = values[i];
      if (v === null) return !k.notNull;
      if (k.valueType === 'text') return typeof v === 'string' && v.length <= 2000;
      if (typeof v !== 'number' || !Number.isFinite(v)) return false;
      return k.valueType === 'number' || Number.isSafeInteger(v);
    });
  if (!ok) throw invalidRequest('The cursor is not valid for this list', { field: 'cursor' });
}

export async function listRecords(ctx: Ctx, moduleName: string, query: ListQuery): Promise<ListResult> {
  const module = moduleOf(ctx, moduleName);
  const perPage = query.perPage ?? 50;
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > MAX_PER_PAGE) {
    throw invalidRequest(`perPage must be 1–${MAX_PER_PAGE}`, { field: 'perPage' });
  }
  const page = query.page ?? 1;
  if (!Number.isInteger(page) || page < 1 || (page - 1) * perPage > MAX_OFFSET) {
    throw invalidRequest('page is out of range (use the cursor for deep paging)', { field: 'page' });
  }
  if (query.cursor && query.page !== undefined) throw invalidRequest('Give page or cursor, not both', { field: 'cursor' });
  const fields = pickFields(module, query.fields);
  const sortSpec = query.sort ?? '-createdAt';
  const keys = parseSort(sortSpec, module, ctx.meta, ctx.dialect);
  const conds = listConditions(ctx, module, query);
  if (query.cursor) {
    const c = decodeCursor(query.cursor, sortSpec);
    checkCursorValues(keys, c.values);
    conds.push(afterSql(keys, c.values, c.id));
  }
  const where = conds.length ? sql`where ${sql.join(conds, sql` and `)}` : sql``;
  const sortCols = keys.map((k, i) => sql`${k.expr} as ${sql.ref(`__s${i}`)}`);
  const offset = query.cursor ? 0 : (page - 1) * perPage;
  const result = await sql<Record<string, unknown>>`select *, ${sql.join(sortCols)} from ${sql.table(module.tableName)} ${where}
    order by ${orderBySql(keys)} limit ${perPage + 1} offset ${offset}`.execute(ctx.db);
  const rows = result.rows;
  const more = rows.length > perPage;
  const pageRows = rows.slice(0, perPage);
  const records = pageRows.map((r) => columnsToRecord(module, r, fields));
  await resolveNames(ctx, module, records);
  const info: ListResult['info'] = { perPage, moreRecords: more };
  if (!query.cursor) info.page = page;
  if (more) {
    const last = pageRows[pageRows.length - 1];
    info.nextCursor = encodeCursor({ sort: sortSpec, values: keys.map((_, i) => (last[`__s${i}`] ?? null) as unknown), id: last.id as string });
  }
  return { data: records.map(recordToJson), info };
}

export async function countRecords(ctx: Ctx, moduleName: string, query: Pick<ListQuery, 'filter' | 'q' | 'where'>): Promise<number> {
  const module = moduleOf(ctx, moduleName);
  const conds = listConditions(ctx, module, query);
  const where = conds.length ? sql`where ${sql.join(conds, sql` and `)}` : sql``;
  const r = await sql<{ n: number }>`select count(*) as n from ${sql.table(module.tableName)} ${where}`.execute(ctx.db);
  return Number(r.rows[0].n);
}
