import { sql } from 'kysely';
import type { Clock } from '../../clock.js';
import type { ActingUser, Ctx } from '../../context.js';
import type { Db, DialectName } from '../../db/connection.js';
import { DomainError } from '../../errors.js';
import { newId } from '../../ids.js';
import { enqueue, type JobInput } from '../../jobs/index.js';
import type { MetadataSnapshot } from '../../metadata/types.js';
import { createRecordsInBulk, getRecord, MAX_WRITE_BATCH, updateRecords, type WriteOutcome } from '../../records/index.js';
import { searchMark, undoSearchWritesTo } from '../../search/index.js';
import { tagsFieldOf } from '../../tags/index.js';
import { activeUser, firstAdministrator } from '../../users/index.js';
import { chunk } from '../../util/chunk.js';
import { withTag } from './actions/add-tag.js';
import { taskValues } from './actions/create-task.js';
import { type RunAction, type RunRow, runIdInSet, storeRunSets } from './run-log.js';
import type { ActionRef, WorkflowAction } from './types.js';

const ADMIN = '(first administrator)';
/** Tasks created in one call: a bulk create of 100 makes a few hundred, better in one call than several. */
const TASK_BATCH = 500;

/** Actions whose only effect is a record write: run in the triggering write's transaction, in bulk. */
export const INLINE_TYPES: ReadonlySet<string> = new Set(['fieldUpdate', 'assignOwner', 'addTag', 'createTask']);

interface PendingRun {
  row: RunRow;
}

/** Instant changes of one record folded into its insert (see takeFoldable). */
export interface FoldedChange {
  patch: Record<string, unknown>;
  /** The first rule whose change it holds: named on the record event, as for an update by rules. */
  ruleId: string;
  /** The actions' outcome: done, or failed with the reason the change could not be made. */
  settle(error?: string): void;
}

interface InlineAction {
  run: PendingRun;
  /** The action's entry in its run's log, where its outcome goes. */
  logged: RunAction;
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
 * Collects the instant record-writing actions of one write's rule firings and runs them together
 * before that write commits: field updates of one record merged into one update (later rules win),
 * or folded into the record's insert (takeFoldable); tasks created in one call; runs logged one row
 * per rule (run-log.ts). Effects, run log and the triggering write
 * commit in one transaction, so each happens exactly once, in every process, with no job per action.
 * Emails, webhooks and scheduled actions still become jobs (enqueued in the same transaction).
 *
 * The effects run under a savepoint: if one of them fails outright (not a per-record refusal such
 * as a validation rule, which is that action's outcome), they are all undone and logged as failed,
 * and the triggering write still commits — a rule never costs the user their write.
 */
export class InlineBatch {
  private readonly runs: PendingRun[] = [];
  /** The runs of each rule, logged as one set. */
  private readonly sets = new Map<string, { id: string; runs: PendingRun[] }>();
  private readonly actions: InlineAction[] = [];
  private readonly jobs: JobInput[] = [];
  /** Users by id (undefined: not an active user), and the first administrator under ADMIN. */
  private readonly users = new Map<string, ActingUser | undefined>();

  constructor(
    private readonly db: Db,
    private readonly dialect: DialectName,
    private readonly meta: MetadataSnapshot,
    private readonly clock: Clock,
    /** How deep in a chain of rule writes this batch runs: names its savepoint apart from its callers'. */
    private readonly depth = 0,
  ) {}

  /** The user whose write fired the rules, known already: spares a lookup. */
  knownUser(user: ActingUser): void {
    this.users.set(user.id, user);
  }

  /**
   * Logs a run with this batch (one row per rule: see run-log.ts); its id is known at once, for its
   * jobs. The row is the caller's new object, given its id in place.
   */
  addRun(row: Omit<RunRow, 'id'>): PendingRun {
    let set = this.sets.get(row.ruleId);
    if (!set) {
      set = { id: newId(row.at), runs: [] };
      this.sets.set(row.ruleId, set);
    }
    const logged = row as RunRow;
    logged.id = runIdInSet(set.id, set.runs.length);
    const run = { row: logged };
    set.runs.push(run);
    this.runs.push(run);
    return run;
  }

  addAction(a: InlineAction): void {
    this.actions.push(a);
  }

  addJobs(jobs: JobInput[]): void {
    this.jobs.push(...jobs);
  }

  /**
   * Takes out of the batch the instant changes (field updates, tags) of records about to be
   * inserted, for the record service to write with the records themselves: per record, the
   * changes merged in rule order and a callback for the actions' outcome. A record gets them all
   * or none — none when any of its changes sets a field `foldable` refuses, so the order in
   * which rules' values win never differs from the update that would otherwise follow.
   */
  takeFoldable(recordIds: ReadonlySet<string>, foldable: (module: string, field: string) => boolean): Map<string, FoldedChange> {
    const byRecord = new Map<string, InlineAction[]>();
    for (const a of this.actions) {
      const id = a.record.id as string;
      if (a.action.type === 'createTask' || !recordIds.has(id)) continue;
      byRecord.set(id, [...(byRecord.get(id) ?? []), a]);
    }
    const out = new Map<string, FoldedChange>();
    const taken = new Set<InlineAction>();
    for (const [id, list] of byRecord) {
      const patch: Record<string, unknown> = {};
      let ok = true;
      for (const a of list) {
        if (a.action.type === 'fieldUpdate' && foldable(a.module, a.action.field as string)) {
          patch[a.action.field as string] = a.action.value;
        } else if (a.action.type === 'addTag') {
          const def = this.meta.modulesByName.get(a.module);
          const field = def && tagsFieldOf(def);
          if (!field || !foldable(a.module, field.apiName)) ok = false;
          else {
            const next = withTag(patch[field.apiName] ?? a.record[field.apiName], a.action.tag as string);
            if (next) patch[field.apiName] = next;
          }
        } else ok = false;
      }
      if (!ok) continue;
      for (const a of list) taken.add(a);
      out.set(id, {
        patch,
        ruleId: list[0].ruleId,
        settle: (error) => {
          for (const a of list) {
            if (error) this.fail(a, error);
            else this.outcome(a, { status: 'success', id });
          }
        },
      });
    }
    const rest = this.actions.filter((a) => !taken.has(a));
    this.actions.length = 0;
    this.actions.push(...rest);
    return out;
  }

  /** Runs logged before their records' events were numbered get their seqs. */
  numberEvents(seqOf: ReadonlyMap<string, number>): void {
    for (const r of this.runs) if (r.row.eventSeq === null) r.row.eventSeq = seqOf.get(r.row.recordId) ?? null;
  }

  async flush(): Promise<void> {
    if (this.actions.length) {
      const savepoint = sql.raw(`workflow_actions_${this.depth}`);
      const searchWrites = searchMark(this.db);
      await sql`savepoint ${savepoint}`.execute(this.db);
      try {
        await this.runFieldUpdates();
        await this.runTasks();
        await sql`release savepoint ${savepoint}`.execute(this.db);
      } catch (err) {
        await sql`rollback to savepoint ${savepoint}`.execute(this.db);
        await sql`release savepoint ${savepoint}`.execute(this.db);
        undoSearchWritesTo(this.db, searchWrites);
        const message = err instanceof Error ? err.message : String(err);
        for (const a of this.actions) this.fail(a, `undone: ${message}`);
      }
    }
    await storeRunSets(
      this.db,
      this.dialect,
      [...this.sets.values()].map((set) => ({ id: set.id, runs: set.runs.map((r) => r.row) })),
    );
    if (this.jobs.length) await enqueue(this.db, this.clock.now().getTime(), this.jobs);
  }

  private outcome(a: InlineAction, result: WriteOutcome | undefined): void {
    if (result?.status === 'success') a.logged.status = 'done';
    else this.fail(a, result ? `${result.code}: ${result.message}` : 'no user to act as');
  }

  private fail(a: InlineAction, error: string): void {
    a.logged.status = 'failed';
    a.logged.error = error.slice(0, 500);
  }

  /** The user a rule's write acts as: who made the triggering write, else the rule's author, else an administrator. */
  private async userFor(ids: (string | null)[]): Promise<ActingUser | undefined> {
    for (const id of ids) {
      if (!id) continue;
      if (!this.users.has(id)) this.users.set(id, await activeUser(this.db, id));
      const user = this.users.get(id);
      if (user) return user;
    }
    if (!this.users.has(ADMIN)) this.users.set(ADMIN, await firstAdministrator(this.db));
    return this.users.get(ADMIN);
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
      for (const part of chunk(items, TASK_BATCH)) {
        const results = await createRecordsInBulk(
          ctx,
          'tasks',
          part.map((a) => taskValues({ ctx, action: a.action, module: a.module, record: a.record })),
        );
        for (const [i, a] of part.entries()) this.outcome(a, results[i]);
      }
    }
  }
}
