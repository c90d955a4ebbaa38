import type { Ctx } from '../context.js';
import { conflict, DomainError } from '../errors.js';
import { createRecords, deleteRecord, MAX_WRITE_BATCH, purgeRecycleBinEntry } from '../records/index.js';
import { inTransaction } from '../records/transaction.js';
import { chunk } from '../util/chunk.js';
import { type Counts, DEMO_MODULES, type DemoModule, type DemoPlan, generateDemoData, type PlannedRecord } from './generate.js';

/**
 * Sample data ([MOD-8]): `loadDemoData` creates a realistic CRM (accounts, contacts, leads, deals
 * over the pipeline, tasks, notes) through the record service and remembers every record it made
 * in `demo_records`; `removeDemoData` deletes exactly those records (and purges them from the
 * recycle bin), leaving everything else alone.
 */
export { type Counts, DEMO_MODULES, DEMO_SIZES, type DemoModule, generateDemoData } from './generate.js';

export interface DemoOptions {
  /** Called after each batch: "accounts 100/100". */
  onProgress?: (module: DemoModule, done: number, total: number) => void;
  /** For tests: smaller data sets. */
  sizes?: Partial<Counts>;
  seed?: number;
}

export const emptyCounts = (): Counts => ({ accounts: 0, contacts: 0, leads: 0, deals: 0, tasks: 0, notes: 0 });
export const totalOf = (c: Counts): number => Object.values(c).reduce((s, n) => s + n, 0);

/** How many records of each module are demo data right now. */
export async function demoRecordCounts(ctx: Ctx): Promise<Counts> {
  const rows = await ctx.db
    .selectFrom('demo_records')
    .select(['module', (eb) => eb.fn.countAll().as('n')])
    .groupBy('module')
    .execute();
  const counts = emptyCounts();
  for (const r of rows) if (r.module in counts) counts[r.module as DemoModule] = Number(r.n);
  return counts;
}

export function describeCounts(c: Counts): string {
  return DEMO_MODULES.filter((m) => c[m] > 0)
    .map((m) => `${c[m]} ${m}`)
    .join(', ');
}

/** Refuses (CONFLICT) when demo data is already there: loading twice never duplicates it. */
export async function loadDemoData(ctx: Ctx, opts: DemoOptions = {}): Promise<Counts> {
  const existing = await demoRecordCounts(ctx);
  if (totalOf(existing) > 0) {
    throw conflict(`Demo data is already loaded (${describeCounts(existing)}); remove it first to load it again`, {
      counts: existing,
    });
  }
  for (const m of DEMO_MODULES) {
    if (!ctx.meta.modulesByName.has(m)) throw conflict(`The module '${m}' is missing; demo data needs the standard modules`);
  }
  const pipeline = ctx.meta.pipelines.find((p) => p.isDefault) ?? ctx.meta.pipelines[0];
  if (!pipeline || pipeline.stages.length === 0) throw conflict('Demo deals need a pipeline with stages');
  const stages = [...pipeline.stages].sort((a, b) => a.order - b.order).map((s) => ({ name: s.name, kind: s.kind }));
  const plan = generateDemoData({ now: ctx.clock.now(), stages, seed: opts.seed, sizes: opts.sizes });

  const ids: Record<DemoModule, string[]> = { accounts: [], contacts: [], leads: [], deals: [], tasks: [], notes: [] };
  const counts = emptyCounts();
  for (const module of DEMO_MODULES) {
    const entries = plan[module];
    let start = 0;
    while (start < entries.length) {
      // A batch ends early before a record that points at another record of the same batch
      // (a subsidiary and its parent account): references must exist when a batch is written.
      let end = start;
      while (end < entries.length && end - start < MAX_WRITE_BATCH && !pointsInto(entries[end], module, start)) end++;
      if (end === start) end++;
      const inputs = entries.slice(start, end).map((e) => toInput(e, ids));
      const created = await inTransaction(ctx, async (tx) => {
        const results = await createRecords(tx, module, inputs);
        const bad = results.findIndex((r) => r.status === 'error');
        if (bad >= 0) {
          const r = results[bad] as Extract<(typeof results)[number], { status: 'error' }>;
          throw new DomainError(
            r.code as DomainError['code'],
            `Could not create demo ${module}: ${r.message}. Records loaded so far are marked as demo data; \`demo remove\` deletes them`,
            { ...r.details, module },
          );
        }
        const newIds = results.map((r) => (r.status === 'success' ? r.id : ''));
        await tx.db
          .insertInto('demo_records')
          .values(newIds.map((recordId) => ({ module, recordId })))
          .execute();
        return newIds;
      });
      ids[module].push(...created);
      counts[module] += created.length;
      start = end;
      opts.onProgress?.(module, start, entries.length);
    }
  }
  return counts;
}

/** Deletes exactly the records listed as demo data, purges them from the recycle bin, and forgets them. */
export async function removeDemoData(ctx: Ctx, opts: Pick<DemoOptions, 'onProgress'> = {}): Promise<Counts> {
  const rows = await ctx.db.selectFrom('demo_records').select(['module', 'recordId']).execute();
  const byModule = new Map<string, string[]>();
  for (const r of rows) {
    const list = byModule.get(r.module) ?? [];
    list.push(r.recordId);
    byModule.set(r.module, list);
  }
  const counts = emptyCounts();
  // Dependants first: notes and tasks, then deals, ... accounts last.
  const order = [...DEMO_MODULES].reverse();
  for (const module of order) {
    const recordIds = byModule.get(module) ?? [];
    let done = 0;
    for (const part of chunk(recordIds, MAX_WRITE_BATCH)) {
      await inTransaction(ctx, async (tx) => {
        if (tx.meta.modulesByName.has(module)) {
          for (const id of part) {
            try {
              await deleteRecord(tx, module, id);
            } catch (err) {
              // Already deleted by someone (it may sit in the recycle bin, purged below).
              if (!(err instanceof DomainError && err.code === 'NOT_FOUND')) throw err;
            }
          }
        }
        const entries = await tx.db
          .selectFrom('recycle_bin')
          .select('id')
          .where('module', '=', module)
          .where('recordId', 'in', part)
          .execute();
        for (const e of entries) await purgeRecycleBinEntry(tx, e.id as string);
        await tx.db.deleteFrom('demo_records').where('module', '=', module).where('recordId', 'in', part).execute();
      });
      done += part.length;
      counts[module] = done;
      opts.onProgress?.(module, done, recordIds.length);
    }
  }
  return counts;
}

function pointsInto(entry: PlannedRecord, module: DemoModule, batchStart: number): boolean {
  const refs = [...Object.values(entry.lookups ?? {}), ...(entry.relatedTo ? [entry.relatedTo] : [])];
  return refs.some((r) => r.module === module && r.index >= batchStart);
}

function toInput(entry: PlannedRecord, ids: Record<DemoModule, string[]>): Record<string, unknown> {
  const idOf = (ref: { module: DemoModule; index: number }) => {
    const id = ids[ref.module][ref.index];
    if (!id) throw new Error(`demo data: ${ref.module}[${ref.index}] is referenced before it is created`);
    return id;
  };
  const input: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(entry.values)) if (v !== null && v !== undefined) input[k] = v;
  for (const [field, ref] of Object.entries(entry.lookups ?? {})) input[field] = idOf(ref);
  if (entry.relatedTo) input.relatedTo = { module: entry.relatedTo.module, id: idOf(entry.relatedTo) };
  return input;
}

export { type DemoAction, type DemoOperationState, DemoOperations } from './operation.js';
export type { DemoPlan };
