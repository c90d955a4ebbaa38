import type { Ctx } from '../context.js';
import { invalidRequest } from '../errors.js';
import type { ListQuery } from '../records/index.js';
import { getView } from './service.js';

/**
 * A list request naming a saved view: the view's filter is ANDed with the request's own; the
 * request's sort, columns and page size win over the view's.
 */
export async function applyView(ctx: Ctx, module: string, viewId: string | undefined, query: ListQuery): Promise<ListQuery> {
  if (!viewId) return query;
  const view = await getView(ctx, viewId);
  if (view.module !== module) throw invalidRequest(`The view '${viewId}' belongs to ${view.module}`, { field: 'view' });
  const filters = [view.filter, query.filter].filter((f) => f !== null && f !== undefined);
  return {
    ...query,
    filter: filters.length === 2 ? { and: filters } : filters[0],
    sort: query.sort ?? view.sort ?? undefined,
    fields: query.fields ?? view.fields?.join(',') ?? undefined,
    perPage: query.perPage ?? view.perPage ?? undefined,
  };
}
