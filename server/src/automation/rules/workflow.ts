import type { Ctx } from '../../context.js';
import { DomainError, invalidData } from '../../errors.js';
import { fieldType } from '../../metadata/field-types/index.js';
import type { ModuleDef } from '../../metadata/types.js';
import { checkTag, tagsFieldOf } from '../../tags/index.js';
import { checkTemplate } from '../workflow/template.js';
import { checkCriteria, checkInt, checkKeys, checkList, checkText, checkUser, type Json } from './common.js';

export const TRIGGERS = ['create', 'edit', 'createOrEdit', 'fieldUpdate', 'delete', 'date'] as const;
export const ACTION_TYPES = ['fieldUpdate', 'createTask', 'emailNotification', 'assignOwner', 'addTag', 'webhook'] as const;
export const MAX_ACTIONS = 10;
const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

/** `{trigger, conditions: [{criteria, instant?, scheduled?}]}` of a workflow rule. */
export async function checkWorkflowRule(ctx: Ctx, module: ModuleDef, body: Json): Promise<Json> {
  const trigger = checkTrigger(module, body.trigger);
  const conditions = [];
  for (const [i, c] of checkList(body.conditions, 'conditions', 1, 10).entries()) {
    const where = `conditions[${i}]`;
    const o = checkKeys(c, ['criteria', 'instant', 'scheduled'], where);
    const instant = [];
    for (const [k, a] of checkList(o.instant ?? [], `${where}.instant`, 0, MAX_ACTIONS).entries()) {
      instant.push(await checkAction(ctx, module, a, `${where}.instant[${k}]`));
    }
    const scheduled = [];
    for (const [k, s] of checkList(o.scheduled ?? [], `${where}.scheduled`, 0, MAX_ACTIONS).entries()) {
      const sw = `${where}.scheduled[${k}]`;
      const so = checkKeys(s, ['after', 'actions'], sw);
      const after = checkKeys(so.after, ['minutes', 'hours', 'days'], `${sw}.after`);
      const delay = {
        minutes: after.minutes === undefined ? 0 : checkInt(after.minutes, `${sw}.after.minutes`, 0, 525_600),
        hours: after.hours === undefined ? 0 : checkInt(after.hours, `${sw}.after.hours`, 0, 87_600),
        days: after.days === undefined ? 0 : checkInt(after.days, `${sw}.after.days`, 0, 3650),
      };
      const actions = [];
      for (const [n, a] of checkList(so.actions, `${sw}.actions`, 1, MAX_ACTIONS).entries())
        actions.push(await checkAction(ctx, module, a, `${sw}.actions[${n}]`));
      scheduled.push({ after: delay, actions });
    }
    const count = instant.length + scheduled.reduce((n, s) => n + s.actions.length, 0);
    if (count === 0) throw invalidData(where, 'A condition needs at least one action');
    if (count > MAX_ACTIONS)
      throw new DomainError('LIMIT_EXCEEDED', `A condition has at most ${MAX_ACTIONS} actions`, { field: where, max: MAX_ACTIONS });
    conditions.push({ criteria: checkCriteria(ctx, module, o.criteria, true), instant, scheduled });
  }
  // Which editor wrote the rule: the automatic-tasks editor lists and edits only its own rules.
  if (body.editor !== undefined && body.editor !== null && body.editor !== 'automaticTasks')
    throw invalidData('editor', "editor is 'automaticTasks' or absent");
  return { trigger, conditions, ...(body.editor === 'automaticTasks' ? { editor: 'automaticTasks' } : {}) };
}

function checkTrigger(module: ModuleDef, v: unknown): Json {
  const t = checkKeys(v, ['on', 'fields', 'date'], 'trigger');
  if (!TRIGGERS.includes(t.on as (typeof TRIGGERS)[number]))
    throw invalidData('trigger.on', `'${String(t.on)}' is not a trigger (${TRIGGERS.join(', ')})`);
  const out: Json = { on: t.on };
  if (t.on === 'fieldUpdate') {
    out.fields = checkList(t.fields, 'trigger.fields', 1, 20).map((f) => {
      if (typeof f !== 'string' || !module.fieldsByName.has(f))
        throw invalidData('trigger.fields', `'${String(f)}' is not a field of ${module.apiName}`);
      return f;
    });
  }
  if (t.on === 'date') {
    const d = checkKeys(t.date, ['field', 'offsetDays', 'time', 'repeat'], 'trigger.date');
    const f = typeof d.field === 'string' ? module.fieldsByName.get(d.field) : undefined;
    if (!f || (f.type !== 'date' && f.type !== 'datetime'))
      throw invalidData('trigger.date.field', `'${String(d.field)}' is not a date field of ${module.apiName}`);
    if (d.time !== undefined && (typeof d.time !== 'string' || !/^([01]\d|2[0-3]):[0-5]\d$/.test(d.time)))
      throw invalidData('trigger.date.time', 'time is HH:MM');
    if (d.repeat !== undefined && d.repeat !== 'yearly' && d.repeat !== 'none')
      throw invalidData('trigger.date.repeat', "repeat is 'yearly' or 'none'");
    out.date = {
      field: d.field,
      offsetDays: d.offsetDays === undefined ? 0 : checkInt(d.offsetDays, 'trigger.date.offsetDays', -3650, 3650),
      time: d.time ?? '09:00',
      repeat: d.repeat ?? 'none',
    };
  }
  return out;
}

async function checkAction(ctx: Ctx, module: ModuleDef, v: unknown, where: string): Promise<Json> {
  const type = (v as Json | null)?.type;
  if (!ACTION_TYPES.includes(type as (typeof ACTION_TYPES)[number]))
    throw invalidData(`${where}.type`, `'${String(type)}' is not an action type (${ACTION_TYPES.join(', ')})`);
  switch (type) {
    case 'fieldUpdate': {
      const a = checkKeys(v, ['type', 'field', 'value'], where);
      const f = typeof a.field === 'string' ? module.fieldsByName.get(a.field) : undefined;
      if (!f) throw invalidData(`${where}.field`, `'${String(a.field)}' is not a field of ${module.apiName}`);
      if (f.system || f.readOnly || fieldType(f.type).computed)
        throw invalidData(`${where}.field`, `'${f.apiName}' cannot be updated by a rule`);
      try {
        if (a.value !== null) fieldType(f.type).parse(a.value, f, { current: null });
      } catch (err) {
        if (err instanceof DomainError) throw invalidData(`${where}.value`, err.message);
        throw err;
      }
      return { type, field: f.apiName, value: a.value ?? null };
    }
    case 'createTask': {
      const a = checkKeys(v, ['type', 'subject', 'dueInDays', 'priority', 'assignTo'], where);
      const out: Json = { type, subject: checkText(a.subject, `${where}.subject`, 255) };
      checkTemplate(module, out.subject as string, `${where}.subject`);
      if (a.dueInDays !== undefined) out.dueInDays = checkInt(a.dueInDays, `${where}.dueInDays`, 0, 3650);
      if (a.priority !== undefined) {
        const opts = ctx.meta.modulesByName.get('tasks')?.fieldsByName.get('priority')?.options ?? [];
        if (!opts.some((o) => o.value === a.priority && !o.retired))
          throw invalidData(`${where}.priority`, `'${String(a.priority)}' is not a task priority`);
        out.priority = a.priority;
      }
      if (a.assignTo !== undefined && a.assignTo !== 'owner') {
        const to = checkKeys(a.assignTo, ['userId'], `${where}.assignTo`);
        out.assignTo = { userId: await checkUser(ctx, to.userId, `${where}.assignTo.userId`) };
      } else out.assignTo = 'owner';
      return out;
    }
    case 'emailNotification': {
      const a = checkKeys(v, ['type', 'to', 'subject', 'body'], where);
      const to = [];
      for (const r of checkList(a.to, `${where}.to`, 1, 20)) to.push(await checkRecipient(ctx, module, r, `${where}.to`));
      const subject = checkText(a.subject, `${where}.subject`, 255);
      const body = checkText(a.body, `${where}.body`, 20_000);
      checkTemplate(module, subject, `${where}.subject`);
      checkTemplate(module, body, `${where}.body`);
      return { type, to, subject, body };
    }
    case 'assignOwner': {
      const a = checkKeys(v, ['type', 'userId'], where);
      return { type, userId: await checkUser(ctx, a.userId, `${where}.userId`) };
    }
    case 'addTag': {
      const a = checkKeys(v, ['type', 'tag'], where);
      if (!tagsFieldOf(module)) throw invalidData(`${where}.type`, `${module.apiName} has no tags field to add a tag to`);
      const checked = checkTag(a.tag);
      if ('problem' in checked) throw invalidData(`${where}.tag`, checked.problem);
      return { type, tag: checked.tag };
    }
    default: {
      const a = checkKeys(v, ['type', 'url', 'headers'], where);
      let url: URL | null = null;
      try {
        url = typeof a.url === 'string' && a.url.length <= 2000 ? new URL(a.url) : null;
      } catch {}
      if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:'))
        throw invalidData(`${where}.url`, 'The webhook URL must be an http(s) URL');
      const headers: Record<string, string> = {};
      if (a.headers !== undefined) {
        const h = checkKeys(a.headers, Object.keys(a.headers ?? {}), `${where}.headers`);
        if (Object.keys(h).length > 20) throw invalidData(`${where}.headers`, 'At most 20 headers');
        for (const [k, val] of Object.entries(h)) {
          if (!/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}$/.test(k) || typeof val !== 'string' || val.length > 1000 || /[\r\n\0]/.test(val)) {
            throw invalidData(`${where}.headers`, `The header '${k}' is not a valid HTTP header`);
          }
          headers[k] = val;
        }
      }
      return { type, url: url.toString(), headers };
    }
  }
}

async function checkRecipient(ctx: Ctx, module: ModuleDef, r: unknown, where: string): Promise<string> {
  if (r === 'owner') return r;
  if (typeof r === 'string' && r.startsWith('user:')) {
    await checkUser(ctx, r.slice(5), where);
    return r;
  }
  if (typeof r === 'string' && r.startsWith('field:')) {
    const f = module.fieldsByName.get(r.slice(6));
    if (!f || f.type !== 'email') throw invalidData(where, `'${r.slice(6)}' is not an email field of ${module.apiName}`);
    return r;
  }
  if (typeof r === 'string' && r.length <= 254 && EMAIL.test(r)) return r;
  throw invalidData(where, `'${String(r)}' is not a recipient (owner, user:<id>, field:<apiName> or an address)`);
}
