import type { Ctx } from '../context.js';
import { invalidData, notFound } from '../errors.js';
import { parseFilter } from '../filters/index.js';
import { newId } from '../ids.js';

/** Custom notifications watch these modules (SPEC [ACT-5]). */
export const SUBSCRIBABLE_MODULES = ['leads', 'contacts', 'deals'] as const;
export const TRIGGERS = ['created', 'fieldChanged', 'stageChanged', 'taskAdded'] as const;
export type Trigger = (typeof TRIGGERS)[number];

/** "The stage" of each watched module: a deal's stage, a lead's status. Contacts have none. */
export const STAGE_FIELD: Record<string, string | undefined> = { deals: 'stage', leads: 'leadStatus' };

export interface Subscription {
  id: string;
  name: string;
  module: string;
  trigger: Trigger;
  fields: string[];
  criteria: unknown;
  active: boolean;
  createdAt: string;
}

type Row = Record<string, unknown>;

export function rowToSubscription(r: Row): Subscription {
  return {
    id: r.id as string,
    name: r.name as string,
    module: r.module as string,
    trigger: r.trigger as Trigger,
    fields: JSON.parse(r.fields as string) as string[],
    criteria: r.criteria === null ? null : JSON.parse(r.criteria as string),
    active: Number(r.active) === 1,
    createdAt: new Date(Number(r.createdAt)).toISOString(),
  };
}

export interface SubscriptionInput {
  name?: unknown;
  module?: unknown;
  trigger?: unknown;
  fields?: unknown;
  criteria?: unknown;
  active?: unknown;
}

/** Checks a whole subscription (after merging a change), naming the first field that is wrong. */
function check(ctx: Ctx, s: SubscriptionInput) {
  if (typeof s.name !== 'string' || s.name.trim() === '' || s.name.length > 100)
    throw invalidData('name', 'Give the notification a name of 1–100 characters');
  if (!(SUBSCRIBABLE_MODULES as readonly unknown[]).includes(s.module)) {
    throw invalidData('module', `Custom notifications watch ${SUBSCRIBABLE_MODULES.join(', ')}`);
  }
  const module = ctx.meta.modulesByName.get(s.module as string);
  if (!module) throw invalidData('module', `The module '${String(s.module)}' does not exist`);
  if (!(TRIGGERS as readonly unknown[]).includes(s.trigger))
    throw invalidData('trigger', `The trigger must be one of ${TRIGGERS.join(', ')}`);
  const fields = s.fields ?? [];
  if (!Array.isArray(fields) || fields.some((f) => typeof f !== 'string'))
    throw invalidData('fields', 'Fields are a list of field API names');
  if (s.trigger === 'fieldChanged') {
    if (fields.length === 0) throw invalidData('fields', 'Name the fields whose change notifies you');
    for (const f of fields)
      if (!module.fieldsByName.get(f)) throw invalidData('fields', `The field '${f}' does not exist on ${module.apiName}`);
  } else if (fields.length > 0) throw invalidData('fields', 'Fields are given only with the fieldChanged trigger');
  if (s.trigger === 'stageChanged' && !STAGE_FIELD[module.apiName]) throw invalidData('trigger', `${module.label} have no stage`);
  if (s.criteria !== null && s.criteria !== undefined) {
    try {
      parseFilter(s.criteria, module, ctx.meta);
    } catch (err) {
      throw invalidData('criteria', err instanceof Error ? err.message : 'The filter is not valid');
    }
  }
  if (s.active !== undefined && typeof s.active !== 'boolean') throw invalidData('active', 'active is true or false');
  return { fields: fields as string[] };
}

export async function listSubscriptions(ctx: Ctx): Promise<Subscription[]> {
  const rows = await ctx.db
    .selectFrom('notification_subscriptions')
    .selectAll()
    .where('userId', '=', ctx.user.id)
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
  return rows.map(rowToSubscription);
}

export async function createSubscription(ctx: Ctx, input: SubscriptionInput): Promise<Subscription> {
  const { fields } = check(ctx, input);
  const now = ctx.clock.now().getTime();
  const row = {
    id: newId(now),
    userId: ctx.user.id,
    module: input.module as string,
    name: (input.name as string).trim(),
    trigger: input.trigger as string,
    fields: JSON.stringify(fields),
    criteria: input.criteria === null || input.criteria === undefined ? null : JSON.stringify(input.criteria),
    active: input.active === false ? 0 : 1,
    createdAt: now,
  };
  await ctx.db.insertInto('notification_subscriptions').values(row).execute();
  return rowToSubscription(row);
}

async function own(ctx: Ctx, id: string): Promise<Row> {
  const row = await ctx.db
    .selectFrom('notification_subscriptions')
    .selectAll()
    .where('id', '=', id)
    .where('userId', '=', ctx.user.id)
    .executeTakeFirst();
  if (!row) throw notFound(`The custom notification '${id}'`);
  return row;
}

export async function updateSubscription(ctx: Ctx, id: string, input: SubscriptionInput): Promise<Subscription> {
  const current = rowToSubscription(await own(ctx, id));
  const merged: SubscriptionInput = { ...current, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) };
  const { fields } = check(ctx, merged);
  await ctx.db
    .updateTable('notification_subscriptions')
    .set({
      name: (merged.name as string).trim(),
      module: merged.module as string,
      trigger: merged.trigger as string,
      fields: JSON.stringify(fields),
      criteria: merged.criteria === null || merged.criteria === undefined ? null : JSON.stringify(merged.criteria),
      active: merged.active === false ? 0 : 1,
    })
    .where('id', '=', id)
    .execute();
  return rowToSubscription(await own(ctx, id));
}

export async function deleteSubscription(ctx: Ctx, id: string): Promise<void> {
  await own(ctx, id);
  await ctx.db.deleteFrom('notification_subscriptions').where('id', '=', id).execute();
}
