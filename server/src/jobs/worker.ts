import { randomUUID } from 'node:crypto';
import { claimDueJob } from './claim.js';
import { markJobCancelled, markJobDone, markJobFailedAttempt } from './finish.js';
import type { Job, JobEnv, JobHandler } from './types.js';

/** A step run before jobs are claimed (the outbox reader); true when it found work. */
export type WorkerStep = (env: JobEnv) => Promise<boolean>;

const LEASE_MS = 5 * 60_000;
/** Passes per run: work that makes work (a rule's update firing a rule) settles within this. */
const MAX_PASSES = 50;
const MAX_JOBS_PER_PASS = 1000;

/**
 * The in-process job worker. `runDue()` reads the outbox, then runs every due job, and repeats
 * while that made more due work; runs never overlap within a process (the poller and the test
 * clock share one queue of runs). Across processes, claims keep workers apart.
 */
export class JobWorker {
  readonly id = `worker-${randomUUID()}`;
  private running: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly env: JobEnv,
    private readonly handlers: ReadonlyMap<string, JobHandler>,
    private readonly steps: readonly WorkerStep[] = [],
  ) {}

  runDue(): Promise<void> {
    const run = this.running.then(() => this.runPasses());
    this.running = run.catch((err) => this.env.log.error({ err }, 'job worker run failed'));
    return run;
  }

  start(intervalMs = 1000): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      void this.runDue().catch(() => {});
    }, intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  private async runPasses(): Promise<void> {
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      let busy = false;
      for (const step of this.steps) busy = (await step(this.env)) || busy;
      for (let n = 0; n < MAX_JOBS_PER_PASS; n++) {
        const job = await claimDueJob(this.env.database, this.env.clock.now().getTime(), this.id, LEASE_MS);
        if (!job) break;
        busy = true;
        await this.runOne(job);
      }
      if (!busy) return;
    }
  }

  private async runOne(job: Job): Promise<void> {
    const db = this.env.database.db;
    const handler = this.handlers.get(job.kind);
    try {
      if (!handler) throw new Error(`No handler for jobs of kind '${job.kind}'`);
      const outcome = await handler(job, this.env);
      const now = this.env.clock.now().getTime();
      if (outcome === 'cancelled') await markJobCancelled(db, job, now, 'cancelled by its handler');
      else await markJobDone(db, job, now);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      await markJobFailedAttempt(db, job, this.env.clock.now().getTime(), message).catch((e) =>
        this.env.log.error({ err: e }, 'could not record a failed job attempt'),
      );
    }
  }
}
