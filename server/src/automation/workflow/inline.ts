import type { Clock } from '../../clock.js';
import type { ActingUser, Ctx } from '../../context.js';
import type { Db, DialectName } from '../../db/connection.js';
import { DomainError } from '../../errors.js';
import { enqueue, type JobInput } from '../../jobs/index.js';
import type { MetadataSnapshot } from '../../metadata/types.js';
import { createRecords, getRecord, MAX_WRITE_BATCH, updateRecords, type WriteResult } from '../../records/index.js';
import { tagsFieldOf } from '../../tags/index.js';
import { type UserRow, userRowToActingUser } from '../../users/index.js';
import { chunk } from '../../util/chunk.js';
import { withTag } from './actions/add-tag.js';
import { taskValues } from './actions/create-task.js';
import type { RunAction } from './run-log.js';
import type { ActionRef, WorkflowAction } from './types.js';

/** Actions whose only effect is a record write: run in the outbox reader's transaction, in bulk. */
export const INLINE_TYPES: ReadonlySet<string> = new Set(['fieldUpdate', 'assignOwner', 'addTag', 'createTask']);

interface PendingRun {
  row: {
    id: string;
    ruleId: string;
    module: string;
    recordId: string;
    trigger: string;
    eventSeq: number | null;
    condition: number | null;
    depth: number;
    status: string;
    actions: RunAction[];
    at: number;
  };
}

interface InlineAction {
  run: PendingRun;
  ref: ActionRef;
  action: WorkflowAction;
  module: string;
  record: Record<string, unknown>;
  ruleId: string;
  userId: string | null;
  ruleAuthor: string | null;
  depth: number;
}

/**
 * Collects the instant record-writing actions of one outbox batch and runs them together before
 * the batch commits: field updates of one record merged into one update (later rules win), tasks
 * created 100 at a time, runs logged in one insert. Because effects, run log and the outbox cursor
 * commit in one transaction, each happens exactly once (as with jobs, without a job per action).
 * Emails, webhooks and scheduled actions still become jobs.
 */
export class InlineBatch {
  private readonly runs: PendingRun[] = [];
  private readonly actions: InlineAction[] = [];
  private readonly jobs: JobInput[] = [];
  private readonly users = new Map<string, ActingUser | undefined>();

  constructor(
    private readonly db: Db,
    private readonly dialect: DialectName,
    private readonly meta: MetadataSnapshot,
    private readonly clock: Clock,
  ) {}

  addRun(row: PendingRun['row']): PendingRun {
    const run = { row };
    this.runs.push(run);
    return run;
  }

  addAction(a: InlineAction): void {
    this.actions.push(a);
  }

  addJobs(jobs: JobInput[]): void {
    this.jobs.push(...jobs);
  }

  async flush(): Promise<void> {
    await this.runFieldUpdates();
    await this.runTasks();
    if (this.runs.length) {
      for (const part of chunk(this.runs, 200)) {
        await this.db
          .insertInto('workflow_runs')
          .values(part.map((r) => ({ ...r.row, actions: JSON.stringify(r.row.actions) })))
          .execute();
      }
    }
    if (this.jobs.length) await enqueue(this.db, this.clock.now().getTime(), this.jobs);
  }

  private outcome(a: InlineAction, result: WriteResult | undefined): void {
    const logged = a.run.row.actions.find((x) => x.condition === a.ref.condition && x.group === a.ref.group && x.index === a.ref.index);
    if (!logged) return;
    if (result?.status === 'success') logged.status = 'done';
    else {
      logged.status = 'failed';
      logged.error = result ? `${result.code}: ${result.message}`.slice(0, 500) : 'no result';
    }
  }

  /** The user a rule's write acts as: who made the triggering write, else the rule's author, else an administrator. */
  private async userFor(ids: (string | null)[]): Promise<ActingUser | undefined> {
    const key = ids.join('|');
    if (this.users.has(key)) return this.users.get(key);
    let row: unknown;
    for (const id of ids) {
      if (!id || row) continue;
      row = await this.db.selectFrom('users').selectAll().where('id', '=', id).where('active', '=', 1).executeTakeFirst();
    }
    row ??= await this.db
      .selectFrom('users')
      .selectAll()
      .where('profile', '=', 'Administrator')
      .where('active', '=', 1)
      .orderBy('createdAt')
      .executeTakeFirst();
    const user = row ? userRowToActingUser(row as UserRow) : undefined;
    this.users.set(key, user);
    return user;
  }

  private ctxFor(user: ActingUser, depth: number, ruleId: string): Ctx {
    return { db: this.db, dialect: this.dialect, meta: this.meta, user, clock: this.clock, automation: { depth: depth + 1, ruleId } };
  }

  /** Groups actions by who acts and at which depth (one context per group). */
  private async groups(list: InlineAction[]): Promise<Map<string, { ctx: Ctx | undefined; items: InlineAction[] }>> {
    const out = new Map<string, { ctx: Ctx | undefined; items: InlineAction[] }>();
    for (const a of list) {
      const key = `${a.userId}|${a.ruleAuthor}|${a.depth}`;
      let g = out.get(key);
      if (!g) {
        const user = await this.userFor([a.userId, a.ruleAuthor]);
        g = { ctx: user && this.ctxFor(user, a.depth, a.ruleId), items: [] };
        out.set(key, g);
      }
      g.items.push(a);
    }
    return out;
  }

  private async runFieldUpdates(): Promise<void> {
    const list = this.actions.filter((a) => a.action.type !== 'createTask');
    for (const { ctx, items } of (await this.groups(list)).values()) {
      if (!ctx) {
        for (const a of items) this.outcome(a, undefined);
        continue;
      }
      // One update per record: the rules' values merged in rule order.
      const byRecord = new Map<string, { module: string; id: string; patch: Record<string, unknown>; from: InlineAction[] }>();
      for (const a of items) {
        const k = `${a.module}|${a.record.id}`;
        let u = byRecord.get(k);
        if (!u) {
          u = { module: a.module, id: a.record.id as string, patch: {}, from: [] };
          byRecord.set(k, u);
        }
        if (a.action.type === 'fieldUpdate') u.patch[a.action.field as string] = a.action.value;
        else if (a.action.type === 'addTag') await this.mergeTag(ctx, u, a);
        else u.patch.owner = { id: a.action.userId as string };
        u.from.push(a);
      }
      const byModule = new Map<string, (typeof byRecord extends Map<string, infer V> ? V : never)[]>();
      for (const u of byRecord.values()) byModule.set(u.module, [...(byModule.get(u.module) ?? []), u]);
      for (const [module, updates] of byModule) {
        for (const part of chunk(updates, MAX_WRITE_BATCH)) {
          const results = await updateRecords(
            ctx,
            module,
            part.map((u) => ({ id: u.id, ...u.patch })),
          );
          for (const [i, u] of part.entries()) for (const a of u.from) this.outcome(a, results[i]);
        }
      }
    }
  }

  /**
   * Adds a tag on top of what this batch already wrote to the tags field (a field update of an
   * earlier rule), else on the record as it is now; a tag already there changes nothing.
   */
  private async mergeTag(ctx: Ctx, u: { module: string; id: string; patch: Record<string, unknown> }, a: InlineAction): Promise<void> {
    const def = this.meta.modulesByName.get(u.module);
    const field = def && tagsFieldOf(def);
    if (!field) return;
    let base = u.patch[field.apiName];
    if (base === undefined) {
      try {
        base = (await getRecord(ctx, u.module, u.id))[field.apiName];
      } catch (err) {
        // Gone or hidden: the update below reports it as this action's outcome.
        if (!(err instanceof DomainError)) throw err;
        base = null;
      }
    }
    const next = withTag(base, a.action.tag as string);
    if (next) u.patch[field.apiName] = next;
  }

  private async runTasks(): Promise<void> {
    const list = this.actions.filter((a) => a.action.type === 'createTask');
    for (const { ctx, items } of (await this.groups(list)).values()) {
      if (!ctx) {
        for (const a of items) this.outcome(a, undefined);
        continue;
      }
      for (const part of chunk(items, MAX_WRITE_BATCH)) {
        const results = await createRecords(
          ctx,
          'tasks',
          part.map((a) => taskValues({ ctx, action: a.action, module: a.module, record: a.record })),
        );
        for (const [i, a] of part.entries()) this.outcome(a, results[i]);
      }
    }
  }
}
