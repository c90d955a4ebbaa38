/** The kinds of item a record's timeline shows, in the order they sort at one instant. */
export const TIMELINE_KINDS = ['history', 'note', 'task', 'call', 'event', 'email'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export interface TimelineItem {
  id: string;
  kind: TimelineKind;
  /** Epoch ms; the API answers ISO 8601. */
  at: number;
  /** The item's id within its source, for the paging cursor. */
  cursorId: string | number;
  user: { id: string; name: string | null } | null;
  /** history */
  action?: string;
  changes?: { field: string; old: unknown; new: unknown }[];
  /** note, task, call, event: the activity record and the values the timeline shows. */
  record?: { module: string; id: string; name: string | null };
  values?: Record<string, unknown>;
  /** email */
  email?: { to: string[]; subject: string; kind: string };
}
