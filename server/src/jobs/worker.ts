import { randomUUID } from 'node:crypto';
import { claimDueJob } from './claim.js';
import { markJobCancelled, markJobDone, markJobFailedAttempt } from './finish.js';
import type { Job, JobEnv, JobHandler } from './types.js';

/** A step run before jobs are claimed (the outbox reader); true when it found work. */
export type WorkerStep = (env: JobEnv) => Promise<boolean>;

const LEASE_MS = 5 * 60_000;
/**
 * After a run that found work, the next one comes this soon instead of after the poll interval:
 * more work usually follows (a bulk import's next batches, the events the run's own writes made),
 * and waiting a whole interval each time left the worker idle while work queued. Short enough for
 * low latency, long enough that the next outbox batch is a batch and not one event.
 */
const BUSY_POLL_MS = 250;
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

  private polling = false;

  /** Runs the outbox steps and due jobs until nothing is left; resolves to whether there was any work. */
  runDue(): Promise<boolean> {
    const run = this.running.then(() => this.runPasses());
    this.running = run.then(
      () => undefined,
      (err) => this.env.log.error({ err }, 'job worker run failed'),
    );
    return run;
  }

  start(intervalMs = 1000): void {
    if (this.polling) return;
    this.polling = true;
    const tick = async () => {
      const worked = await this.runDue().catch(() => false);
      if (!this.polling) return;
      this.timer = setTimeout(tick, worked ? BUSY_POLL_MS : intervalMs);
      this.timer.unref();
    };
    this.timer = setTimeout(tick, intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.polling = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  private async runPasses(): Promise<boolean> {
    let worked = false;
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      let busy = false;
      for (const step of this.steps) busy = (await step(this.env)) || busy;
      for (let n = 0; n < MAX_JOBS_PER_PASS; n++) {
        const job = await claimDueJob(this.env.database, this.env.clock.now().getTime(), this.id, LEASE_MS);
        if (!job) break;
        busy = true;
        await this.runOne(job);
      }
      if (!busy) return worked;
      worked = true;
    }
    return worked;
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
