import type { Ctx } from '../../context.js';
import { invalidData } from '../../errors.js';
import { criteriaMatch } from '../../filters/index.js';
import { getRecord } from '../../records/index.js';
import { tagsFieldOf } from '../../tags/index.js';
import { checkModule, checkName, type Json } from '../rules/common.js';
import { getRule, ruleSecret } from '../rules/store.js';
import { checkWorkflowRule } from '../rules/workflow.js';
import { withTag } from './actions/add-tag.js';
import { taskValues } from './actions/create-task.js';
import { composeEmail } from './actions/email.js';
import { signBody, webhookBody } from './actions/webhook.js';
import { dueTimeOf } from './date-trigger.js';
import { planActions } from './decide.js';
import type { WorkflowAction, WorkflowDefinition } from './types.js';

export interface DryRunAction {
  condition: number;
  group: number | null;
  index: number;
  type: string;
  /** When it would run: now (instant) or after the scheduled delay. */
  runAt: string;
  scheduled: boolean;
  /** What it would do, resolved against the record. */
  effect: Json;
}

export interface DryRun {
  record: { module: string; id: string; name: string | null };
  /** The first matching condition (null: none matches, nothing would happen). */
  condition: number | null;
  /** For date rules: when it would next fire for this record (null: never). */
  nextDateFiring: string | null;
  actions: DryRunAction[];
}

/**
 * Runs a workflow rule dry against one record the caller can see: which condition matches and
 * what each of its actions would do, resolved (values, task, email, webhook request). Writes
 * nothing, sends nothing, queues nothing.
 */
export async function dryRunWorkflowRule(ctx: Ctx, source: { ruleId: string } | { definition: Json }, recordId: string): Promise<DryRun> {
  let module: string;
  let def: WorkflowDefinition;
  let secret: string | null = null;
  if ('ruleId' in source) {
    const rule = ctx.meta.rules.find((r) => r.id === source.ruleId && r.kind === 'workflow');
    if (!rule) {
      // The snapshot may be older than a rule saved a moment ago by another process.
      const fresh = await getRule(ctx, 'workflow', source.ruleId);
      module = fresh.module as string;
      def = { trigger: fresh.trigger, conditions: fresh.conditions } as WorkflowDefinition;
    } else {
      module = rule.module;
      def = rule.definition as unknown as WorkflowDefinition;
    }
    secret = await ruleSecret(ctx.db, source.ruleId);
  } else {
    const { name, module: m, active: _active, ...rest } = source.definition;
    checkName(name ?? 'Unsaved rule');
    module = checkModule(ctx, m).apiName;
    def = (await checkWorkflowRule(ctx, checkModule(ctx, m), rest)) as unknown as WorkflowDefinition;
  }
  const moduleDef = checkModule(ctx, module);
  if (typeof recordId !== 'string' || !recordId) throw invalidData('recordId', 'recordId is required');
  const record = await getRecord(ctx, module, recordId);
  const now = ctx.clock.now().getTime();
  const env = { meta: ctx.meta, module: moduleDef, dialect: ctx.dialect, userId: ctx.user.id, now: new Date(now) };
  const ci = def.conditions.findIndex((c) => criteriaMatch(c.criteria, record, env));
  const next = def.trigger.on === 'date' ? dueTimeOf(ctx.meta, def, record, now) : null;
  const actions: DryRunAction[] = [];
  if (ci >= 0) {
    for (const p of planActions(def.conditions[ci], ci, now)) {
      actions.push({
        ...p.ref,
        type: p.action.type,
        runAt: new Date(p.runAt).toISOString(),
        scheduled: p.scheduled,
        effect: await effectOf(ctx, p.action, module, record, secret, EVENT_OF[def.trigger.on] ?? 'created'),
      });
    }
  }
  return {
    record: { module, id: recordId, name: nameOf(moduleDef.recordName.fields, record) },
    condition: ci >= 0 ? ci : null,
    nextDateFiring: next === null ? null : new Date(next).toISOString(),
    actions,
  };
}

/** The record's display name from its name fields (for the answer only). */
function nameOf(fields: readonly string[], record: Record<string, unknown>): string | null {
  const parts = fields.map((f) => record[f]).filter((v): v is string => typeof v === 'string' && v.trim() !== '');
  return parts.length ? parts.join(' ') : null;
}

const EVENT_OF: Record<string, string> = {
  create: 'created',
  createOrEdit: 'created',
  edit: 'updated',
  fieldUpdate: 'updated',
  delete: 'deleted',
  date: 'date',
};

async function effectOf(
  ctx: Ctx,
  action: WorkflowAction,
  module: string,
  record: Record<string, unknown>,
  secret: string | null,
  event: string,
): Promise<Json> {
  switch (action.type) {
    case 'fieldUpdate':
      return { field: action.field, from: record[action.field as string] ?? null, to: action.value ?? null };
    case 'assignOwner': {
      const u = await ctx.db
        .selectFrom('users')
        .select(['id', 'name'])
        .where('id', '=', action.userId as string)
        .executeTakeFirst();
      return { field: 'owner', from: record.owner ?? null, to: u ? { id: u.id, name: u.name } : { id: action.userId, name: null } };
    }
    case 'addTag': {
      // "tag X would be added" or "already present" (in any case): the run would change nothing.
      const def = ctx.meta.modulesByName.get(module);
      const field = def && tagsFieldOf(def);
      const present = !withTag(field ? record[field.apiName] : null, action.tag as string);
      return { field: field?.apiName ?? null, tag: action.tag, alreadyPresent: present };
    }
    case 'createTask': {
      const task = taskValues({ ctx, action, module, record });
      const ownerId = (task.owner as { id?: string } | undefined)?.id;
      const u = ownerId ? await ctx.db.selectFrom('users').select(['id', 'name']).where('id', '=', ownerId).executeTakeFirst() : undefined;
      return { task: { ...task, owner: u ? { id: u.id, name: u.name } : null } };
    }
    case 'emailNotification': {
      const mail = await composeEmail({ ctx, action, record });
      return { to: mail.to, subject: mail.subject, html: mail.html };
    }
    case 'webhook': {
      const body = webhookBody(event, module, record);
      return {
        url: action.url,
        headers: {
          ...(action.headers as Record<string, string>),
          'content-type': 'application/json',
          ...(secret ? { 'x-rapport-signature': signBody(secret, body) } : {}),
        },
        payload: JSON.parse(body) as Json,
      };
    }
    default:
      return {};
  }
}
