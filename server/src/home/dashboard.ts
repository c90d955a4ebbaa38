import { sql } from 'kysely';
import type { Ctx } from '../context.js';
import { invalidRequest } from '../errors.js';
import { ME } from '../filters/index.js';
import { fromMinor } from '../metadata/field-types/currency.js';
import type { Pipeline } from '../metadata/types.js';
import { countRecords, listRecords } from '../records/index.js';
import { type HomeDays, homeDays } from './days.js';

export const HOME_TASKS = 10;
export const HOME_MEETINGS = 10;

export interface StageSummary {
  stageId: string;
  name: string;
  kind: string;
  count: number;
  amount: number;
}

export interface Totals {
  count: number;
  amount: number;
}

export interface HomeSummary {
  today: string;
  timeZone: string;
  pipeline: { id: string; name: string; stages: StageSummary[]; open: Totals } | null;
  closed: { from: string; to: string; won: Totals; lost: Totals; unqualified: Totals };
  tasks: { open: number; overdue: number; items: Record<string, unknown>[] };
  meetings: { items: Record<string, unknown>[] };
}

const zero = (): Totals => ({ count: 0, amount: 0 });

function choosePipeline(ctx: Ctx, raw: string | undefined): Pipeline | null {
  const all = ctx.meta.pipelines;
  if (raw === undefined || raw === '') return all.find((p) => p.isDefault) ?? all[0] ?? null;
  const p = all.find((x) => x.id === raw || x.name === raw);
  if (!p) throw invalidRequest(`'${raw}' is not a pipeline`, { field: 'pipeline' });
  return p;
}

/** Count and amount of the chosen pipeline's deals per stage: one GROUP BY, summed in cents. */
async function pipelineSummary(ctx: Ctx, pipeline: Pipeline | null): Promise<HomeSummary['pipeline']> {
  const deals = ctx.meta.modulesByName.get('deals');
  if (!pipeline || !deals) return null;
  const rows = await sql<{ stage: string | null; n: number; s: number | null }>`
    select stage, count(*) as n, sum(amount) as s from ${sql.table(deals.tableName)}
    where pipeline = ${pipeline.name} group by stage`.execute(ctx.db);
  const byStage = new Map(rows.rows.map((r) => [r.stage, r]));
  const stages = pipeline.stages.map((s) => {
    const g = byStage.get(s.name);
    return { stageId: s.id, name: s.name, kind: s.kind, count: g ? Number(g.n) : 0, amount: fromMinor(g?.s == null ? 0 : Number(g.s)) };
  });
  const open = stages.filter((s) => s.kind === 'open');
  // Summed in cents again so the total is exact too.
  const cents = open.reduce((acc, s) => acc + Math.round(s.amount * 100), 0);
  return { id: pipeline.id, name: pipeline.name, stages, open: { count: open.reduce((a, s) => a + s.count, 0), amount: fromMinor(cents) } };
}

/** Deals closed (won, lost, unqualified) in the last 30 days, by the kind of stage they closed in. */
async function closedDeals(ctx: Ctx, days: HomeDays): Promise<HomeSummary['closed']> {
  const out = {
    from: new Date(days.last30Start).toISOString(),
    to: new Date(days.tomorrowStart).toISOString(),
    won: zero(),
    lost: zero(),
    unqualified: zero(),
  };
  const deals = ctx.meta.modulesByName.get('deals');
  if (!deals?.fieldsByName.has('closedAt')) return out;
  const rows = await sql<{ pipeline: string | null; stage: string | null; n: number; s: number | null }>`
    select pipeline, stage, count(*) as n, sum(amount) as s from ${sql.table(deals.tableName)}
    where ${sql.ref('closedAt')} >= ${days.last30Start} and ${sql.ref('closedAt')} < ${days.tomorrowStart}
    group by pipeline, stage`.execute(ctx.db);
  const cents = { won: 0, lost: 0, unqualified: 0 };
  for (const r of rows.rows) {
    const stage = ctx.meta.pipelines.find((p) => p.name === r.pipeline)?.stages.find((s) => s.name === r.stage);
    if (!stage || stage.kind === 'open') continue;
    out[stage.kind].count += Number(r.n);
    cents[stage.kind] += r.s == null ? 0 : Number(r.s);
  }
  for (const k of ['won', 'lost', 'unqualified'] as const) out[k].amount = fromMinor(cents[k]);
  return out;
}

/** My open tasks, the soonest due first (undated last), each marked overdue when due before now. */
async function myTasks(ctx: Ctx): Promise<HomeSummary['tasks']> {
  const tasks = ctx.meta.modulesByName.get('tasks');
  if (!tasks?.fieldsByName.has('status') || !tasks.fieldsByName.has('dueAt')) return { open: 0, overdue: 0, items: [] };
  const now = ctx.clock.now();
  const mineOpen = [
    { field: 'owner', op: 'eq', value: ME },
    {
      or: [
        { field: 'status', op: 'neq', value: 'Completed' },
        { field: 'status', op: 'isEmpty' },
      ],
    },
  ];
  const overdueFilter = { and: [...mineOpen, { field: 'dueAt', op: 'lt', value: now.toISOString() }] };
  const list = await listRecords(ctx, 'tasks', {
    filter: { and: mineOpen },
    sort: 'dueAt',
    perPage: HOME_TASKS,
    fields: ['subject', 'dueAt', 'status', 'priority', 'relatedTo'].filter((f) => tasks.fieldsByName.has(f)).join(','),
  });
  const items = list.data.map((t) => ({ ...t, overdue: typeof t.dueAt === 'string' && Date.parse(t.dueAt) < now.getTime() }));
  return {
    open: await countRecords(ctx, 'tasks', { filter: { and: mineOpen } }),
    overdue: await countRecords(ctx, 'tasks', { filter: overdueFilter }),
    items,
  };
}

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** My meetings (organised by me or with me as a participant) from today through the next 7 days. */
async function myMeetings(ctx: Ctx, days: HomeDays): Promise<HomeSummary['meetings']> {
  const events = ctx.meta.modulesByName.get('events');
  if (!events?.fieldsByName.has('startAt') || !events.fieldsByName.has('endAt')) return { items: [] };
  const mine = [sql`owner = ${ctx.user.id}`];
  if (events.fieldsByName.get('participants')?.type === 'participants') {
    const pattern = `%"type":"user","id":"${likeEscape(ctx.user.id)}"%`;
    mine.push(sql`participants like ${pattern} escape ${sql.raw(`'\\'`)}`);
  }
  const list = await listRecords(ctx, 'events', {
    sort: 'startAt',
    perPage: HOME_MEETINGS,
    fields: ['title', 'startAt', 'endAt', 'allDay', 'location', 'relatedTo'].filter((f) => events.fieldsByName.has(f)).join(','),
    where: [
      sql`${sql.ref('endAt')} >= ${days.todayStart}`,
      sql`${sql.ref('startAt')} < ${days.next7End}`,
      sql`(${sql.join(mine, sql` or `)})`,
    ],
  });
  const items = list.data.map((e) => ({
    ...e,
    today: typeof e.startAt === 'string' && Date.parse(e.startAt) < days.tomorrowStart,
  }));
  return { items };
}

/**
 * The home dashboard's figures for the acting user: every read goes through the record service
 * or a GROUP BY over the same tables, with "today" and "the last 30 days" in the organisation's
 * time zone at the injectable clock's now.
 */
export async function homeSummary(ctx: Ctx, query: { pipeline?: string }): Promise<HomeSummary> {
  const pipeline = choosePipeline(ctx, query.pipeline);
  const timeZone = ctx.meta.org.timeZone;
  const days = homeDays(ctx.clock.now(), timeZone);
  return {
    today: days.today,
    timeZone,
    pipeline: await pipelineSummary(ctx, pipeline),
    closed: await closedDeals(ctx, days),
    tasks: await myTasks(ctx),
    meetings: await myMeetings(ctx, days),
  };
}
