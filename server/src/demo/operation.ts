import type { Ctx } from '../context.js';
import { conflict, DomainError } from '../errors.js';
import { type Counts, DEMO_MODULES, DEMO_SIZES, type DemoModule } from './generate.js';
import { demoRecordCounts, loadDemoData, removeDemoData, totalOf } from './index.js';

export type DemoAction = 'load' | 'remove';

export interface DemoOperationState {
  action: DemoAction;
  status: 'running' | 'done' | 'failed';
  /** Records written (load) or deleted (remove) so far, of `total`. */
  done: number;
  total: number;
  error: { code: string; message: string } | null;
  startedAt: string;
  finishedAt: string | null;
}

/**
 * Loading or removing sample data takes seconds (about 1,300 records through the record service),
 * longer than a request should: it runs in the background of this server process, one at a time,
 * and reports its progress. It is not a durable job: there is nothing to resume after a restart
 * (a half-loaded set is still listed in demo_records, so "remove" cleans it up).
 */
export class DemoOperations {
  private state: DemoOperationState | null = null;
  private running: Promise<void> | null = null;

  current(): DemoOperationState | null {
    return this.state && { ...this.state, error: this.state.error && { ...this.state.error } };
  }

  /** Starts loading or removing; CONFLICT while another operation runs or when loading twice. */
  async start(ctx: Ctx, action: DemoAction, opts: { sizes?: Partial<Counts> } = {}): Promise<DemoOperationState> {
    if (this.running) throw conflict('Sample data is being loaded or removed right now; wait for it to finish');
    const existing = await demoRecordCounts(ctx);
    if (action === 'load' && totalOf(existing) > 0) {
      throw conflict('Sample data is already loaded; remove it first to load it again', { counts: existing });
    }
    const total = action === 'load' ? totalOf({ ...DEMO_SIZES, ...opts.sizes }) : totalOf(existing);
    const perModule = new Map<DemoModule, number>();
    const state: DemoOperationState = {
      action,
      status: 'running',
      done: 0,
      total,
      error: null,
      startedAt: ctx.clock.now().toISOString(),
      finishedAt: null,
    };
    this.state = state;
    const onProgress = (module: DemoModule, done: number) => {
      perModule.set(module, done);
      state.done = DEMO_MODULES.reduce((s, m) => s + (perModule.get(m) ?? 0), 0);
    };
    const work = action === 'load' ? loadDemoData(ctx, { onProgress, sizes: opts.sizes }) : removeDemoData(ctx, { onProgress });
    this.running = work
      .then(
        () => {
          state.status = 'done';
          state.done = total;
        },
        (err: unknown) => {
          state.status = 'failed';
          state.error =
            err instanceof DomainError
              ? { code: err.code, message: err.message }
              : { code: 'INTERNAL_ERROR', message: 'Sample data could not be changed' };
        },
      )
      .finally(() => {
        state.finishedAt = ctx.clock.now().toISOString();
        this.running = null;
      });
    return this.current() as DemoOperationState;
  }

  /** Resolves when nothing runs (the server waits for it before closing the database). */
  async idle(): Promise<void> {
    await this.running;
  }
}
