import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest } from '../../api/client';
import type { CrmRecord, RecordList } from '../../api/types';
import { queryKeysFactory } from './query-keys';
import { recordsQueryKeys } from './records';

/** Sales (issue 4): pipelines, boards, lead conversion, stage history and contact roles. */
export const salesQueryKeys = {
  pipelines: queryKeysFactory('pipelines'),
  board: (module: string, query: BoardQuery) => ['records', module, 'board', { query }] as const,
  stageHistory: (dealId: string) => ['records', 'deals', 'detail', dealId, 'stage-history'] as const,
  contactRoles: (dealId: string) => ['records', 'deals', 'detail', dealId, 'contact-roles'] as const,
  roleOptions: ['settings', 'contact-roles'] as const,
};

export type StageKind = 'open' | 'won' | 'lost' | 'unqualified';
export interface Stage {
  id: string;
  name: string;
  probability: number;
  kind: StageKind;
  order: number;
}
export interface Pipeline {
  id: string;
  name: string;
  default: boolean;
  stages: Stage[];
}

export function usePipelines() {
  return useQuery({
    queryKey: salesQueryKeys.pipelines.all,
    queryFn: ({ signal }) => api.get<{ data: Pipeline[] }>('/pipelines', undefined, signal).then((r) => r.data),
  });
}

/** Any change to pipelines: refreshes pipelines, metadata (stage options) and deal views. */
export function usePipelineChange<T, R>(fn: (input: T) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: salesQueryKeys.pipelines.all }),
        qc.invalidateQueries({ queryKey: ['modules'] }),
        qc.invalidateQueries({ queryKey: recordsQueryKeys.module('deals') }),
      ]),
  });
}

export const pipelineApi = {
  create: (body: { name: string; stages: { name: string; probability: number }[] }) => api.post<{ data: Pipeline }>('/pipelines', body),
  rename: (id: string, name: string) => api.patch<{ data: Pipeline }>(`/pipelines/${id}`, { name }),
  remove: (id: string, moveTo?: string) => api.delete(`/pipelines/${id}`, { moveTo }),
  addStage: (id: string, body: { name: string; probability: number; kind?: StageKind }) => api.post(`/pipelines/${id}/stages`, body),
  updateStage: (id: string, stageId: string, body: Partial<Pick<Stage, 'name' | 'probability' | 'order'>>) =>
    api.patch(`/pipelines/${id}/stages/${stageId}`, body),
  removeStage: (id: string, stageId: string, moveTo?: string) => api.delete(`/pipelines/${id}/stages/${stageId}`, { moveTo }),
};

export interface BoardQuery {
  field?: string;
  pipeline?: string;
  filter?: unknown;
  view?: string;
  q?: string;
  perColumn?: number;
}
export interface BoardColumn {
  value: string | null;
  label: string;
  count: number;
  sum: number | null;
  weightedSum?: number | null;
  stageId?: string;
  kind?: StageKind;
  probability?: number;
  records: CrmRecord[];
  nextCursor?: string;
}
export interface Board {
  field: string;
  pipeline?: string;
  sumField: string | null;
  columns: BoardColumn[];
}

const boardParams = (q: BoardQuery) => ({
  field: q.field,
  pipeline: q.pipeline,
  filter: q.filter === undefined ? undefined : JSON.stringify(q.filter),
  view: q.view,
  q: q.q,
  perColumn: q.perColumn,
});

export function useBoard(module: string, query: BoardQuery, enabled = true) {
  return useQuery({
    queryKey: salesQueryKeys.board(module, query),
    queryFn: ({ signal }) => api.get<{ data: Board }>(`/records/${module}/board`, boardParams(query), signal).then((r) => r.data),
    enabled,
  });
}

/** The next cards of one column (lazy paging as the column scrolls). */
export function fetchBoardColumn(module: string, query: BoardQuery, value: string | null, cursor: string) {
  return api.get<RecordList>(`/records/${module}/board/column`, { ...boardParams(query), value: value ?? '', cursor });
}

export interface ConvertRequest {
  account?: { id: string };
  contact?: { id: string };
  deal?: { dealName?: string; amount?: number | null; stage?: string; closingDate?: string; pipeline?: string };
}
export interface ConvertResult {
  contact: { id: string };
  account: { id: string };
  deal?: { id: string };
}

export function useConvertLead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ConvertRequest }) =>
      api.post<{ data: ConvertResult }>(`/records/leads/${id}/convert`, body).then((r) => r.data),
    onSettled: () => qc.invalidateQueries({ queryKey: ['records'] }),
  });
}

export interface StageChange {
  from: string | null;
  to: string;
  at: string;
  user: { id: string; name: string | null } | null;
  amount: number | null;
  pipeline: string | null;
}

export function useStageHistory(dealId: string) {
  return useQuery({
    queryKey: salesQueryKeys.stageHistory(dealId),
    queryFn: ({ signal }) =>
      api.get<{ data: StageChange[] }>(`/records/deals/${dealId}/stage-history`, undefined, signal).then((r) => r.data),
  });
}

export interface ContactRole {
  id: string;
  contact: { id: string; name: string | null };
  role: string | null;
  createdAt: string;
}

export function useContactRoles(dealId: string) {
  return useQuery({
    queryKey: salesQueryKeys.contactRoles(dealId),
    queryFn: ({ signal }) =>
      api.get<{ data: ContactRole[] }>(`/records/deals/${dealId}/contact-roles`, undefined, signal).then((r) => r.data),
  });
}

export function useContactRoleChange(dealId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (change: { add: { contact: string; role: string | null } } | { remove: string }) =>
      'add' in change
        ? api.post(`/records/deals/${dealId}/contact-roles`, change.add)
        : api.delete(`/records/deals/${dealId}/contact-roles/${change.remove}`),
    onSettled: () => qc.invalidateQueries({ queryKey: salesQueryKeys.contactRoles(dealId) }),
  });
}

export function useContactRoleOptions() {
  return useQuery({
    queryKey: salesQueryKeys.roleOptions,
    queryFn: ({ signal }) =>
      api.get<{ data: { options: string[] } }>('/settings/contact-roles', undefined, signal).then((r) => r.data.options),
  });
}

export function useSaveContactRoleOptions() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (options: string[]) => apiRequest('/settings/contact-roles', { method: 'PUT', body: { options } }),
    onSettled: () => qc.invalidateQueries({ queryKey: salesQueryKeys.roleOptions }),
  });
}

/** Moves a record to another column: a PATCH of the grouping field through the record service. */
export function moveRecord(module: string, id: string, field: string, value: string | null, extra: Record<string, unknown> = {}) {
  return api.patch<{ data: CrmRecord }>(`/records/${module}/${id}`, { data: { [field]: value, ...extra } }).then((r) => r.data);
}
