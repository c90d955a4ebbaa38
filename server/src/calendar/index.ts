/** The calendar: items of users in a range (the calendar page) and private iCalendar feeds. */

export { createFeed, type FeedInfo, feedCalendar, feedInfo, revokeFeed } from './feeds.js';
export { type CalendarItem, calendarItems, MAX_RANGE_DAYS } from './items.js';
