/** A record's timeline (SPEC ACT-5): history, notes, completed tasks, calls, meetings, emails sent. */

export { decodeFeedCursor, encodeFeedCursor, type FeedCursor } from './cursor.js';
export { DEFAULT_TIMELINE_PAGE, MAX_TIMELINE_PAGE, readTimeline, type TimelinePage, type TimelineQuery } from './service.js';
export { TIMELINE_KINDS, type TimelineItem, type TimelineKind } from './types.js';
