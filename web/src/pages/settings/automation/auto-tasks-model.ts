import type { RuleInput, WorkflowAction, WorkflowRule } from '../../../hooks/api/automation';

/**
 * Automatic tasks (Base CRM's "automated actions"): "when a lead, contact or deal is created, or a
 * deal enters a stage (of a pipeline, of an account), create these tasks for this user due in N
 * days". Stored as ordinary workflow rules marked `editor: 'automaticTasks'`: a create trigger, or a
 * field-update trigger on `stage`, one condition of equalities, one createTask action per task.
 */
export const AUTO_TASK_MODULES = ['leads', 'contacts', 'deals'] as const;

export interface AutoTask {
  subject: string;
  assignTo: 'owner' | { userId: string };
  dueInDays: number;
}
export interface AutoTasks {
  name: string;
  module: string;
  active: boolean;
  when: 'created' | 'stageEntered';
  pipeline: string | null;
  stage: string | null;
  account: { id: string; name: string | null } | null;
  tasks: AutoTask[];
}

type Eq = { field: string; op: 'eq'; value: unknown };

export function autoTasksToRule(m: AutoTasks): RuleInput<'workflow'> {
  const deals = m.module === 'deals';
  const eqs: Eq[] = [];
  if (deals && m.pipeline) eqs.push({ field: 'pipeline', op: 'eq', value: m.pipeline });
  if (deals && m.stage) eqs.push({ field: 'stage', op: 'eq', value: m.stage });
  if (deals && m.account) eqs.push({ field: 'account', op: 'eq', value: m.account.id });
  const criteria = eqs.length === 0 ? null : eqs.length === 1 ? eqs[0] : { and: eqs };
  return {
    name: m.name,
    module: m.module,
    active: m.active,
    editor: 'automaticTasks',
    trigger: deals && m.when === 'stageEntered' ? { on: 'fieldUpdate', fields: ['stage'] } : { on: 'create' },
    conditions: [
      {
        criteria,
        instant: m.tasks.map(
          (t): WorkflowAction => ({ type: 'createTask', subject: t.subject, dueInDays: t.dueInDays, assignTo: t.assignTo }),
        ),
        scheduled: [],
      },
    ],
  };
}

/** The editor's model of a rule it wrote (the account's name is not stored: the caller fills it in). */
export function ruleToAutoTasks(r: Pick<WorkflowRule, 'name' | 'module' | 'active' | 'trigger' | 'conditions'>): AutoTasks {
  const c = r.conditions[0];
  const crit = c?.criteria as { and?: Eq[] } | Eq | null;
  const eqs: Eq[] = !crit ? [] : 'and' in crit && Array.isArray(crit.and) ? crit.and : [crit as Eq];
  const eqValue = (name: string) => eqs.find((e) => e.field === name)?.value as string | undefined;
  const account = eqValue('account');
  return {
    name: r.name,
    module: r.module,
    active: r.active,
    when: r.trigger.on === 'fieldUpdate' ? 'stageEntered' : 'created',
    pipeline: eqValue('pipeline') ?? null,
    stage: eqValue('stage') ?? null,
    account: account ? { id: account, name: null } : null,
    tasks: (c?.instant ?? [])
      .filter((a) => a.type === 'createTask')
      .map((a) => ({
        subject: String(a.subject),
        dueInDays: (a.dueInDays as number | undefined) ?? 0,
        assignTo: (a.assignTo as AutoTask['assignTo']) ?? 'owner',
      })),
  };
}
