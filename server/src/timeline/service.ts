import type { Ctx } from '../context.js';
import { invalidRequest } from '../errors.js';
import { getRecord } from '../records/index.js';
import { moduleOf } from '../records/module-of.js';
import { decodeFeedCursor, encodeFeedCursor } from './cursor.js';
import { ACTIVITIES, activitySource, emailSource, historySource, type SourceQuery } from './sources.js';
import { TIMELINE_KINDS, type TimelineItem, type TimelineKind } from './types.js';

export const DEFAULT_TIMELINE_PAGE = 25;
export const MAX_TIMELINE_PAGE = 100;

export interface TimelineQuery {
  /** Comma list of kinds; absent = all. */
  kinds?: string;
  cursor?: string;
  perPage?: number;
}

export interface TimelinePage {
  data: TimelineItem[];
  info: { perPage: number; moreRecords: boolean; nextCursor?: string };
}

function parseKinds(raw: string | undefined): Set<TimelineKind> {
  if (raw === undefined || raw.trim() === '') return new Set(TIMELINE_KINDS);
  const out = new Set<TimelineKind>();
  for (const part of raw.split(',')) {
    const k = part.trim();
    if (!(TIMELINE_KINDS as readonly string[]).includes(k)) {
      throw invalidRequest(`'${k}' is not a timeline kind (${TIMELINE_KINDS.join(', ')})`, { field: 'kinds' });
    }
    out.add(k as TimelineKind);
  }
  return out;
}

/**
 * A record's timeline, newest first: its history, the notes, completed tasks, calls and meetings
 * related to it and the emails sent about it. Each kind reads its newest page after the cursor
 * from its own indexed table; the page is the newest of their union, so paging is exact without
 * one UNION over tables of different shapes. Only a user who may read the record sees it.
 */
export async function readTimeline(ctx: Ctx, moduleName: string, recordId: string, query: TimelineQuery): Promise<TimelinePage> {
  const module = moduleOf(ctx, moduleName);
  const kinds = parseKinds(query.kinds);
  const perPage = query.perPage ?? DEFAULT_TIMELINE_PAGE;
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > MAX_TIMELINE_PAGE) {
    throw invalidRequest(`perPage is 1–${MAX_TIMELINE_PAGE}`, { field: 'perPage' });
  }
  const after = query.cursor ? decodeFeedCursor(query.cursor, TIMELINE_KINDS.length - 1) : undefined;
  // The record service answers whether the user may read the record (NOT_FOUND otherwise).
  await getRecord(ctx, module.apiName, recordId);

  const base = { module, recordId, after, limit: perPage + 1 };
  const rankOf = (k: TimelineKind) => TIMELINE_KINDS.indexOf(k);
  const q = (k: TimelineKind): SourceQuery => ({ ...base, rank: rankOf(k) });
  const reads: (() => Promise<TimelineItem[]>)[] = [];
  if (kinds.has('history')) reads.push(() => historySource(ctx, q('history')));
  for (const shape of ACTIVITIES) {
    if (kinds.has(shape.kind) && module.apiName !== shape.module) reads.push(() => activitySource(ctx, shape, q(shape.kind)));
  }
  if (kinds.has('email')) reads.push(() => emailSource(ctx, q('email')));
  // Sequential on purpose: one connection (or transaction) serves the whole request.
  const items: TimelineItem[] = [];
  for (const read of reads) items.push(...(await read()));
  // Stable: within a kind the database's order (id descending) is kept.
  items.sort((a, b) => b.at - a.at || rankOf(a.kind) - rankOf(b.kind));
  const page = items.slice(0, perPage);
  const more = items.length > perPage;
  const last = page[page.length - 1];
  return {
    data: page,
    info: {
      perPage,
      moreRecords: more,
      ...(more && last ? { nextCursor: encodeFeedCursor({ at: last.at, rank: rankOf(last.kind), id: last.cursorId }) } : {}),
    },
  };
}
