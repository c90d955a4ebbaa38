import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { queryKeysFactory } from './query-keys';

/** Automation rules (API.md "Automation"): workflow, assignment, scoring and validation rules. */
export const automationQueryKeys = {
  ...queryKeysFactory('automation'),
  runs: (ruleId: string) => ['automation', 'runs', ruleId] as const,
};

export type RuleKind = 'workflow' | 'assignment' | 'scoring' | 'validation';
export const RULE_PATHS: Record<RuleKind, string> = {
  workflow: 'workflow-rules',
  assignment: 'assignment-rules',
  scoring: 'scoring-rules',
  validation: 'validation-rules',
};

export type Criteria = Record<string, unknown> | null;

export interface WorkflowAction {
  type: 'fieldUpdate' | 'createTask' | 'emailNotification' | 'assignOwner' | 'addTag' | 'webhook';
  [key: string]: unknown;
}
export interface Delay {
  days?: number;
  hours?: number;
  minutes?: number;
}
export interface WorkflowCondition {
  criteria: Criteria;
  instant?: WorkflowAction[];
  scheduled?: { after: Delay; actions: WorkflowAction[] }[];
}
export type TriggerOn = 'create' | 'edit' | 'createOrEdit' | 'fieldUpdate' | 'delete' | 'date';
export interface WorkflowTrigger {
  on: TriggerOn;
  fields?: string[];
  date?: { field: string; offsetDays: number; time: string; repeat: 'yearly' | 'none' };
}

interface RuleBase {
  id: string;
  name: string;
  module: string;
  createdAt: string;
  modifiedAt: string;
}
export interface WorkflowRule extends RuleBase {
  active: boolean;
  trigger: WorkflowTrigger;
  conditions: WorkflowCondition[];
  editor?: 'automaticTasks';
}
export interface AssignmentRule extends RuleBase {
  entries: { criteria: Criteria; assignTo: { userId: string } | { roundRobin: string[] } }[];
  fallbackUserId?: string;
}
export interface ScoringRule extends RuleBase {
  active: boolean;
  entries: { criteria: Criteria; points: number }[];
}
export interface ValidationRule extends RuleBase {
  active: boolean;
  criteria: Criteria;
  message: string;
  field?: string;
}
export interface RuleOf {
  workflow: WorkflowRule;
  assignment: AssignmentRule;
  scoring: ScoringRule;
  validation: ValidationRule;
}
export type RuleInput<K extends RuleKind> = Omit<RuleOf[K], 'id' | 'createdAt' | 'modifiedAt'>;

export interface WorkflowRun {
  id: string;
  record: { module: string; id: string };
  trigger: string;
  eventSeq: number | null;
  condition: number | null;
  depth: number;
  status: string;
  actions: { condition: number; group: number | null; index: number; type: string; status: string; error?: string }[];
  at: string;
}

export interface DryRun {
  record: { module: string; id: string; name: string | null };
  condition: number | null;
  nextDateFiring: string | null;
  actions: {
    condition: number;
    group: number | null;
    index: number;
    type: string;
    runAt: string;
    scheduled: boolean;
    effect: Record<string, unknown>;
  }[];
}

export function useRules<K extends RuleKind>(kind: K) {
  return useQuery({
    queryKey: automationQueryKeys.list({ kind }),
    queryFn: ({ signal }) => api.get<{ data: RuleOf[K][] }>(`/automation/${RULE_PATHS[kind]}`, undefined, signal).then((r) => r.data),
  });
}

export function useRule<K extends RuleKind>(kind: K, id: string | undefined) {
  return useQuery({
    queryKey: automationQueryKeys.detail(id ?? '', { kind }),
    queryFn: ({ signal }) => api.get<{ data: RuleOf[K] }>(`/automation/${RULE_PATHS[kind]}/${id}`, undefined, signal).then((r) => r.data),
    enabled: Boolean(id),
  });
}

/** Creates (no id) or changes (with id) a rule. */
export function useSaveRule<K extends RuleKind>(kind: K) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: Partial<RuleInput<K>> }) =>
      (id
        ? api.patch<{ data: RuleOf[K] }>(`/automation/${RULE_PATHS[kind]}/${id}`, body)
        : api.post<{ data: RuleOf[K] }>(`/automation/${RULE_PATHS[kind]}`, body)
      ).then((r) => r.data),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: automationQueryKeys.all }),
  });
}

export function useDeleteRule(kind: RuleKind) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<null>(`/automation/${RULE_PATHS[kind]}/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: automationQueryKeys.all }),
  });
}

export function useRuleRuns(ruleId: string | undefined) {
  return useQuery({
    queryKey: automationQueryKeys.runs(ruleId ?? ''),
    queryFn: ({ signal }) =>
      api.get<{ data: WorkflowRun[] }>(`/automation/workflow-rules/${ruleId}/runs`, undefined, signal).then((r) => r.data),
    enabled: Boolean(ruleId),
    // Actions run in the background: the log fills in as they finish.
    refetchInterval: 3000,
  });
}

/** "Test this rule": runs a saved rule (id) or the definition being edited dry against a record. */
export function useDryRun() {
  return useMutation({
    mutationFn: ({ ruleId, rule, recordId }: { ruleId?: string; rule?: RuleInput<'workflow'>; recordId: string }) =>
      (ruleId
        ? api.post<{ data: DryRun }>(`/automation/workflow-rules/${ruleId}/test`, { recordId })
        : api.post<{ data: DryRun }>('/automation/workflow-rules/test', { rule, recordId })
      ).then((r) => r.data),
  });
}
