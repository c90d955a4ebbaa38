/** A task is overdue when it is due before now and not completed (SPEC ACT-1). */
export function isOverdue(task: Readonly<Record<string, unknown>>, now = Date.now()): boolean {
  if (typeof task.dueAt !== 'string' || task.status === 'Completed' || task.completedAt) return false;
  const due = Date.parse(task.dueAt);
  return Number.isFinite(due) && due < now;
}
