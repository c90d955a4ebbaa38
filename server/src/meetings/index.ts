/** Meetings: invitations by email with iCalendar (RFC 5545), RSVP links, participant statuses. */
import type { JobHandler } from '../jobs/index.js';
import { INVITATION_JOB } from './plan.js';
import { sendInvitation } from './send-invitation.js';

export { participantKey } from './attendees.js';
export { calendarText, type IcalEvent } from './ical.js';
export { INVITATION_JOB, readMeetingsOutbox } from './plan.js';
export { answerInvitation, type RsvpOutcome } from './rsvp.js';
export { RSVP_RESPONSES, type RsvpResponse } from './send-invitation.js';

/** The job kinds meetings run, for the worker the composition root starts. */
export const MEETING_JOBS: ReadonlyMap<string, JobHandler> = new Map([[INVITATION_JOB, sendInvitation]]);
