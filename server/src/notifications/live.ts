import type { Db } from '../db/connection.js';

export interface LiveNotification {
  seq: number;
  id: string;
  userId: string;
}

type Listener = (n: LiveNotification) => void;

/** How far back each poll looks: a row whose seq was taken before a later one's but committed after it is still seen. */
const LOOKBACK = 200;

/**
 * Live push for one process: while someone listens, polls the notifications table by seq every
 * `intervalMs` and hands each new row to its user's listeners. Polling the table (rather than an
 * in-process event) is what makes a notification created by another app server, or by the job
 * worker of another process, arrive too. One indexed range query per interval per process.
 */
export class LiveNotifications {
  private readonly listeners = new Map<string, Set<Listener>>();
  private timer: NodeJS.Timeout | null = null;
  private lastSeq: number | null = null;
  private readonly delivered = new Set<number>();
  private polling = false;

  constructor(
    private readonly db: Db,
    private readonly intervalMs = 1000,
  ) {}

  subscribe(userId: string, listener: Listener): () => void {
    const set = this.listeners.get(userId) ?? new Set<Listener>();
    this.listeners.set(userId, set);
    set.add(listener);
    this.start();
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(userId);
      if (this.listeners.size === 0) this.stop();
    };
  }

  /** Reads what arrived since the last poll (exposed so a caller can poll right away). */
  async poll(): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    try {
      if (this.lastSeq === null) {
        const row = await this.db
          .selectFrom('notifications')
          .select((eb) => eb.fn.max('seq').as('n'))
          .executeTakeFirst();
        this.lastSeq = Number(row?.n ?? 0);
        return;
      }
      const rows = await this.db
        .selectFrom('notifications')
        .select(['seq', 'id', 'userId'])
        .where('seq', '>', Math.max(0, this.lastSeq - LOOKBACK))
        .orderBy('seq')
        .limit(1000)
        .execute();
      for (const r of rows) {
        const seq = Number(r.seq);
        if (seq <= this.lastSeq - LOOKBACK || this.delivered.has(seq)) continue;
        this.delivered.add(seq);
        if (seq > this.lastSeq) this.lastSeq = seq;
        for (const l of this.listeners.get(r.userId as string) ?? []) l({ seq, id: r.id as string, userId: r.userId as string });
      }
      for (const s of this.delivered) if (s <= this.lastSeq - LOOKBACK) this.delivered.delete(s);
    } finally {
      this.polling = false;
    }
  }

  private start() {
    if (this.timer) return;
    void this.poll().catch(() => {});
    this.timer = setInterval(() => void this.poll().catch(() => {}), this.intervalMs);
    this.timer.unref();
  }

  stop() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.lastSeq = null;
    this.delivered.clear();
  }
}
