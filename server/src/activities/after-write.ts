import type { Ctx } from '../context.js';
import { planReminder } from './reminders.js';
import { createNextOccurrence } from './repeat.js';

type Write = { id: string; prev: Record<string, unknown> | null; next: Record<string, unknown> };

/** What a task write implies in its transaction: its reminder's job, and its next occurrence once completed. */
export async function taskAfterWrite(tx: Ctx, writes: readonly Write[]): Promise<void> {
  for (const w of writes) {
    await planReminder(tx, 'tasks', w.id, w.prev, w.next);
    if (w.next.status === 'Completed' && w.prev?.status !== 'Completed') await createNextOccurrence(tx, w.id, w.next);
  }
}

/** A scheduled call reminds like a task. */
export async function callAfterWrite(tx: Ctx, writes: readonly Write[]): Promise<void> {
  for (const w of writes) await planReminder(tx, 'calls', w.id, w.prev, w.next);
}
