/** The home dashboard (SPEC HOME-1): pipeline summary, closed deals, my tasks and meetings, activity feed. */
export { HOME_MEETINGS, HOME_TASKS, type HomeSummary, homeSummary } from './dashboard.js';
export { addDays, type HomeDays, homeDays } from './days.js';
export { DEFAULT_FEED_PAGE, type FeedItem, type FeedType, homeFeed, MAX_FEED_PAGE } from './feed.js';
