import { type RawBuilder, sql } from 'kysely';
import type { Ctx } from '../context.js';
import { invalidRequest } from '../errors.js';
import { fromMinor } from '../metadata/field-types/currency.js';
import type { FieldDef, ModuleDef, Pipeline } from '../metadata/types.js';
import { type ListQuery, type ListResult, listConditions, listRecords } from '../records/index.js';
import { moduleOf } from '../records/module-of.js';

/**
 * Kanban boards (SPEC [DEAL-3]): a module's records in columns by a picklist field — deals by the
 * stages of one pipeline. Counts and sums of every column come from one GROUP BY; each column
 * then lists its first cards like any list (same filter, search, view and sort), with a cursor
 * for the rest. Sums are exact: currency is summed in cents by the database.
 */
export interface BoardQuery extends Pick<ListQuery, 'filter' | 'q' | 'sort' | 'fields'> {
  field?: string;
  pipeline?: string;
  sumField?: string;
  perColumn?: number;
}

export interface BoardColumn {
  value: string | null;
  label: string;
  count: number;
  sum: number | null;
  weightedSum?: number | null;
  stageId?: string;
  kind?: string;
  probability?: number;
  records: Record<string, unknown>[];
  nextCursor?: string;
}

export interface Board {
  field: string;
  pipeline?: string;
  sumField: string | null;
  columns: BoardColumn[];
}

const SUMMABLE = new Set(['currency', 'integer', 'bigint', 'decimal']);
export const DEFAULT_PER_COLUMN = 20;

interface ColumnDef {
  value: string | null;
  label: string;
  extra?: Pick<BoardColumn, 'stageId' | 'kind' | 'probability'>;
}

interface BoardShape {
  module: ModuleDef;
  field: FieldDef;
  pipeline?: Pipeline;
  /** Conditions every column shares beyond the list's own (deals: the pipeline). */
  where: RawBuilder<unknown>[];
  columns: ColumnDef[];
}

function isDealStages(module: ModuleDef, field: FieldDef): boolean {
  return module.apiName === 'deals' && field.apiName === 'stage' && !field.custom;
}

function pipelineByNameOrId(ctx: Ctx, raw: string | undefined): Pipeline {
  const pipelines = ctx.meta.pipelines;
  const p =
    raw === undefined ? (pipelines.find((x) => x.isDefault) ?? pipelines[0]) : pipelines.find((x) => x.name === raw || x.id === raw);
  if (!p) throw invalidRequest(`'${raw}' is not a pipeline`, { field: 'pipeline' });
  return p;
}

/** Which columns a board has: the pipeline's stages in order, or the options in order plus "empty". */
function boardShape(ctx: Ctx, moduleName: string, query: Pick<BoardQuery, 'field' | 'pipeline'>): BoardShape {
  const module = moduleOf(ctx, moduleName);
  const fieldName = query.field ?? (module.apiName === 'deals' ? 'stage' : undefined);
  if (!fieldName) throw invalidRequest('Give field, the picklist field the board groups by', { field: 'field' });
  const field = module.fieldsByName.get(fieldName);
  if (field?.type !== 'picklist') throw invalidRequest(`'${fieldName}' is not a picklist field of ${module.apiName}`, { field: 'field' });
  const dealsInPipeline = module.apiName === 'deals' && (query.pipeline !== undefined || isDealStages(module, field));
  const pipeline = dealsInPipeline ? pipelineByNameOrId(ctx, query.pipeline) : undefined;
  if (query.pipeline !== undefined && !pipeline) throw invalidRequest('Only deals have pipelines', { field: 'pipeline' });
  const where = pipeline ? [sql`${sql.ref('pipeline')} = ${pipeline.name}`] : [];
  if (pipeline && isDealStages(module, field)) {
    const columns = pipeline.stages.map((s) => ({
      value: s.name,
      label: s.name,
      extra: { stageId: s.id, kind: s.kind, probability: s.probability },
    }));
    return { module, field, pipeline, where, columns };
  }
  const columns: ColumnDef[] = (field.options ?? []).map((o) => ({ value: o.value, label: o.label }));
  columns.push({ value: null, label: '' });
  return { module, field, pipeline, where, columns };
}

function sumFieldOf(module: ModuleDef, requested: string | undefined): FieldDef | null {
  if (requested !== undefined) {
    const f = module.fieldsByName.get(requested);
    if (!f || !SUMMABLE.has(f.type)) {
      throw invalidRequest(`'${requested}' is not a currency or number field of ${module.apiName}`, { field: 'sumField' });
    }
    return f;
  }
  const amount = module.apiName === 'deals' ? module.fieldsByName.get('amount') : undefined;
  return amount?.type === 'currency' ? amount : (module.fields.find((f) => f.type === 'currency') ?? null);
}

const columnCondition = (field: FieldDef, value: string | null) =>
  value === null ? sql`${sql.ref(field.apiName)} is null` : sql`${sql.ref(field.apiName)} = ${value}`;

const total = (f: FieldDef | null | undefined, raw: unknown): number | null => {
  if (!f) return null;
  const n = raw == null ? 0 : Number(raw);
  return f.type === 'currency' ? fromMinor(n) : n;
};

interface GroupRow {
  v: string | null;
  n: number | string;
  s: number | string | null;
  w: number | string | null;
}

export async function board(ctx: Ctx, moduleName: string, query: BoardQuery): Promise<Board> {
  const shape = boardShape(ctx, moduleName, query);
  const { module, field } = shape;
  const sumField = sumFieldOf(module, query.sumField);
  const weighted = module.apiName === 'deals' ? module.fieldsByName.get('expectedRevenue') : undefined;
  const conds = [...listConditions(ctx, module, { filter: query.filter, q: query.q }), ...shape.where];
  const where = conds.length ? sql`where ${sql.join(conds, sql` and `)}` : sql``;
  const col = sql.ref(field.apiName);
  const sumOf = (f: FieldDef | null | undefined) => (f ? sql`sum(${sql.ref(f.apiName)})` : sql`null`);
  const groups = await sql<GroupRow>`select ${col} as v, count(*) as n, ${sumOf(sumField)} as s, ${sumOf(weighted)} as w
    from ${sql.table(module.tableName)} ${where} group by ${col}`.execute(ctx.db);
  const byValue = new Map(groups.rows.map((r) => [r.v ?? null, r]));
  // Retired options still held by records get a column too, after the live ones.
  const columns = shape.columns.filter(
    (c) => c.value === null || !field.options?.find((o) => o.value === c.value)?.retired || byValue.has(c.value),
  );
  const out: BoardColumn[] = [];
  for (const c of columns) {
    const g = byValue.get(c.value);
    const count = g ? Number(g.n) : 0;
    const page = count > 0 ? await columnPage(ctx, shape, c.value, { ...query, perColumn: query.perColumn }) : null;
    out.push({
      value: c.value,
      label: c.label,
      ...c.extra,
      count,
      sum: total(sumField, g?.s),
      ...(weighted ? { weightedSum: total(weighted, g?.w) } : {}),
      records: page?.data ?? [],
      ...(page?.info.nextCursor ? { nextCursor: page.info.nextCursor } : {}),
    });
  }
  return {
    field: field.apiName,
    ...(shape.pipeline ? { pipeline: shape.pipeline.name } : {}),
    sumField: sumField?.apiName ?? null,
    columns: out,
  };
}

function columnPage(ctx: Ctx, shape: BoardShape, value: string | null, query: BoardQuery & { cursor?: string }): Promise<ListResult> {
  return listRecords(ctx, shape.module.apiName, {
    filter: query.filter,
    q: query.q,
    sort: query.sort,
    fields: query.fields,
    cursor: query.cursor,
    perPage: query.perColumn ?? DEFAULT_PER_COLUMN,
    where: [...shape.where, columnCondition(shape.field, value)],
  });
}

/** The further cards of one column: `value` absent (or empty) is the "empty" column. */
export async function boardColumn(
  ctx: Ctx,
  moduleName: string,
  query: BoardQuery & { value?: string; cursor?: string },
): Promise<ListResult> {
  const shape = boardShape(ctx, moduleName, query);
  const value = query.value === undefined || query.value === '' ? null : query.value;
  if (!shape.columns.some((c) => c.value === value)) {
    throw invalidRequest(`'${value ?? ''}' is not a column of this board`, { field: 'value' });
  }
  return columnPage(ctx, shape, value, query);
}
