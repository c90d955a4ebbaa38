import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from '../../api/client';
import type { CrmRecord, HistoryEntry, RecordList, WriteResult } from '../../api/types';
import { queryKeysFactory } from './query-keys';
import { searchQueryKeys } from './search';

/** Records of any module: lists (cursor paging), one record, create, update, delete, history. */
const keys = queryKeysFactory('records');
export const recordsQueryKeys = {
  ...keys,
  module: (module: string) => ['records', module] as const,
  moduleLists: (module: string) => ['records', module, 'list'] as const,
  moduleList: (module: string, query: RecordListQuery) => ['records', module, 'list', { query }] as const,
  record: (module: string, id: string) => ['records', module, 'detail', id] as const,
  history: (module: string, id: string) => ['records', module, 'detail', id, 'history'] as const,
};

export interface RecordListQuery {
  fields?: string[];
  sort?: string;
  perPage?: number;
  q?: string;
  filter?: unknown;
  view?: string;
}

function listParams(query: RecordListQuery, cursor?: string) {
  return {
    fields: query.fields?.join(','),
    sort: query.sort,
    perPage: query.perPage,
    q: query.q,
    filter: query.filter === undefined ? undefined : JSON.stringify(query.filter),
    view: query.view,
    cursor,
  };
}

/** A list of a module's records page by page, following `info.nextCursor`: shared by the hook and the warm-up at boot. */
export const recordListQuery = (module: string, query: RecordListQuery) =>
  infiniteQueryOptions({
    queryKey: recordsQueryKeys.moduleList(module, query),
    queryFn: ({ pageParam, signal }) => api.get<RecordList>(`/records/${module}`, listParams(query, pageParam), signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => (last.info.moreRecords ? last.info.nextCursor : undefined),
  });

export function useRecordList(module: string | undefined, query: RecordListQuery, options: { enabled?: boolean } = {}) {
  return useInfiniteQuery({
    ...recordListQuery(module ?? '', query),
    enabled: Boolean(module) && options.enabled !== false,
    placeholderData: keepPreviousData,
  });
}

export function useRecordCount(module: string | undefined, filter?: unknown, options: { q?: string; enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...recordsQueryKeys.module(module ?? ''), 'count', { filter, q: options.q }],
    queryFn: ({ signal }) =>
      api
        .get<{ count: number }>(
          `/records/${module}/count`,
          { filter: filter === undefined ? undefined : JSON.stringify(filter), q: options.q },
          signal,
        )
        .then((r) => r.count),
    enabled: Boolean(module) && options.enabled !== false,
  });
}

export function useRecord(module: string | undefined, id: string | undefined) {
  return useQuery({
    queryKey: recordsQueryKeys.record(module ?? '', id ?? ''),
    queryFn: ({ signal }) => api.get<{ data: CrmRecord }>(`/records/${module}/${id}`, undefined, signal).then((r) => r.data),
    enabled: Boolean(module && id),
  });
}

export function useRecordHistory(module: string | undefined, id: string | undefined) {
  return useQuery({
    queryKey: recordsQueryKeys.history(module ?? '', id ?? ''),
    queryFn: ({ signal }) => api.get<{ data: HistoryEntry[] }>(`/records/${module}/${id}/history`, undefined, signal).then((r) => r.data),
    enabled: Boolean(module && id),
  });
}

/** Creates one record; a per-record failure is thrown as an ApiError naming the field. */
export async function createRecord(module: string, values: Record<string, unknown>): Promise<CrmRecord> {
  const res = await api.post<{ data: WriteResult[] }>(`/records/${module}`, { data: [values] });
  const result = res.data[0];
  if (result?.status !== 'success' || !result.record) {
    throw new ApiError(400, result?.code ?? 'INVALID_DATA', result?.message ?? 'The record was not saved', result?.details ?? {});
  }
  return result.record;
}

function useInvalidateModule() {
  const queryClient = useQueryClient();
  return (module: string) =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: recordsQueryKeys.module(module) }),
      queryClient.invalidateQueries({ queryKey: searchQueryKeys.all }),
    ]);
}

export function useCreateRecord(module: string) {
  const invalidate = useInvalidateModule();
  return useMutation({
    mutationFn: (values: Record<string, unknown>) => createRecord(module, values),
    onSuccess: () => invalidate(module),
  });
}

export function useUpdateRecord(module: string, id: string) {
  const queryClient = useQueryClient();
  const invalidate = useInvalidateModule();
  return useMutation({
    mutationFn: ({ values, version }: { values: Record<string, unknown>; version?: number }) =>
      api
        .patch<{ data: CrmRecord }>(
          `/records/${module}/${id}`,
          { data: values },
          version === undefined ? undefined : { 'if-match': String(version) },
        )
        .then((r) => r.data),
    onSuccess: (record) => {
      queryClient.setQueryData(recordsQueryKeys.record(module, id), record);
      return invalidate(module);
    },
  });
}

export function useDeleteRecord(module: string) {
  const queryClient = useQueryClient();
  const invalidate = useInvalidateModule();
  return useMutation({
    mutationFn: (id: string) => api.delete<{ data: { id: string; deleted: boolean } }>(`/records/${module}/${id}`),
    onSuccess: (_r, id) => {
      queryClient.removeQueries({ queryKey: recordsQueryKeys.record(module, id) });
      return invalidate(module);
    },
  });
}

/** The API's limit on records per bulk call (PATCH /records/{m}, DELETE /records/{m}?ids=). */
export const BULK_CHUNK = 100;

export interface BulkProgress {
  done: number;
  total: number;
  failed: number;
}

function chunks<T>(items: T[], size = BULK_CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Applies the same values to many records, 100 per call, reporting progress after each call. */
export async function bulkUpdateRecords(
  module: string,
  ids: string[],
  values: Record<string, unknown>,
  onProgress: (p: BulkProgress) => void,
): Promise<BulkProgress> {
  const p: BulkProgress = { done: 0, total: ids.length, failed: 0 };
  for (const part of chunks(ids)) {
    try {
      const res = await api.patch<{ data: WriteResult[] }>(`/records/${module}`, { data: part.map((id) => ({ id, ...values })) });
      p.failed += res.data.filter((r) => r.status !== 'success').length;
    } catch (err) {
      // 400 when every record of the call failed: count them and go on with the next call.
      if (!(err instanceof ApiError) || err.status === 0 || err.status >= 500) throw err;
      p.failed += part.length;
    }
    p.done += part.length;
    onProgress({ ...p });
  }
  return p;
}

/** Deletes many records (to the recycle bin), 100 per call, reporting progress after each call. */
export async function bulkDeleteRecords(module: string, ids: string[], onProgress: (p: BulkProgress) => void): Promise<BulkProgress> {
  const p: BulkProgress = { done: 0, total: ids.length, failed: 0 };
  for (const part of chunks(ids)) {
    try {
      const res = await api.delete<{ data?: { status?: string }[] } | null>(`/records/${module}`, { ids: part.join(',') });
      p.failed += (res?.data ?? []).filter((r) => r.status === 'error').length;
    } catch (err) {
      if (!(err instanceof ApiError) || err.status === 0 || err.status >= 500) throw err;
      p.failed += part.length;
    }
    p.done += part.length;
    onProgress({ ...p });
  }
  return p;
}

/** Runs a bulk change and refreshes the module's lists and counts afterwards. */
export function useBulkChange(module: string) {
  const invalidate = useInvalidateModule();
  return useMutation({
    mutationFn: (run: () => Promise<BulkProgress>) => run(),
    onSettled: () => invalidate(module),
  });
}
