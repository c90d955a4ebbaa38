import type { Job, JobEnv, JobHandler } from '../jobs/index.js';
import { sendMail } from '../mail/index.js';
import { calendarText, PARTSTAT } from './ical.js';
import type { InvitationPayload } from './plan.js';
import { RSVP_TOKEN_TTL_MS, rsvpSecret, signRsvp } from './rsvp-token.js';

export const RSVP_RESPONSES = ['accepted', 'declined', 'tentative'] as const;
export type RsvpResponse = (typeof RSVP_RESPONSES)[number];

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The answer links of one attendee: signed, expiring, usable without signing in. */
export function rsvpLinks(baseUrl: string, token: string): Record<RsvpResponse, string> {
  const base = `${baseUrl.replace(/\/+$/, '')}/api/v1/rsvp?token=${token}`;
  return { accepted: `${base}&response=accepted`, declined: `${base}&response=declined`, tentative: `${base}&response=tentative` };
}

function when(p: InvitationPayload): string {
  const zone = p.organiser?.timeZone ?? 'UTC';
  const fmt = (iso: string, withTime: boolean) => {
    try {
      return new Intl.DateTimeFormat('en-GB', { timeZone: zone, dateStyle: 'full', ...(withTime ? { timeStyle: 'short' } : {}) }).format(
        new Date(iso),
      );
    } catch {
      return iso;
    }
  };
  return p.event.allDay
    ? `${fmt(p.event.startAt, false)} (all day)`
    : `${fmt(p.event.startAt, true)} – ${fmt(p.event.endAt, true)} (${zone})`;
}

/**
 * Sends one attendee one version of a meeting: an email with the iCalendar REQUEST or CANCEL and,
 * for a request, the accept / decline / tentative links. The job's idempotency key is also the
 * email's dedupe key, so a retry after a successful send sends nothing.
 */
export const sendInvitation: JobHandler = async (job: Job, env: JobEnv) => {
  const p = job.payload as unknown as InvitationPayload;
  if (!env.config.smtpUrl) return 'cancelled';
  const { db } = env.database;
  const now = env.clock.now();
  const cancel = p.method === 'CANCEL';
  const ics = calendarText(
    [
      {
        uid: p.uid,
        sequence: p.sequence,
        stamp: now,
        summary: p.event.title,
        description: p.event.description,
        location: p.event.location,
        start: new Date(p.event.startAt),
        end: new Date(p.event.endAt),
        allDay: p.event.allDay,
        timeZone: p.organiser?.timeZone,
        status: cancel ? 'CANCELLED' : 'CONFIRMED',
        organiser: p.organiser ? { name: p.organiser.name, email: p.organiser.email } : undefined,
        attendees: (cancel ? p.attendees.filter((a) => a.key === p.to.key) : p.attendees).map((a) => ({
          name: a.name,
          email: a.email,
          partstat: PARTSTAT[a.status] ?? 'NEEDS-ACTION',
          rsvp: !cancel,
        })),
      },
    ],
    { method: cancel ? 'CANCEL' : 'REQUEST' },
  );
  const lines = [cancel ? `The meeting "${p.event.title}" was cancelled.` : `You are invited to "${p.event.title}".`, '', when(p)];
  if (p.event.location) lines.push(`Location: ${p.event.location}`);
  if (p.organiser) lines.push(`Organiser: ${p.organiser.name} <${p.organiser.email}>`);
  if (p.event.description && !cancel) lines.push('', p.event.description);
  let html = lines.map((l) => escapeHtml(l)).join('<br>\n');
  if (!cancel) {
    const token = signRsvp(await rsvpSecret(db), { eventId: p.eventId, attendee: p.to.key, expiresAt: now.getTime() + RSVP_TOKEN_TTL_MS });
    const links = rsvpLinks(env.config.baseUrl, token);
    lines.push('', `Accept: ${links.accepted}`, `Decline: ${links.declined}`, `Tentative: ${links.tentative}`);
    html += `<p><a href="${escapeHtml(links.accepted)}">Accept</a> · <a href="${escapeHtml(links.declined)}">Decline</a> · <a href="${escapeHtml(links.tentative)}">Tentative</a></p>`;
  }
  await sendMail(
    { db, clock: env.clock, smtpUrl: env.config.smtpUrl },
    {
      to: [p.to.email],
      subject: `${cancel ? 'Cancelled' : p.sequence > 0 ? 'Updated invitation' : 'Invitation'}: ${p.event.title}`,
      text: lines.join('\n'),
      html,
      icalEvent: { method: cancel ? 'CANCEL' : 'REQUEST', content: ics },
      ...(p.organiser ? { from: `${p.organiser.name.replace(/[<>"]/g, '')} via Rapport <no-reply@${hostOf(env.config.baseUrl)}>` } : {}),
    },
    {
      kind: cancel ? 'meetingCancellation' : 'meetingInvitation',
      record: { module: 'events', id: p.eventId },
      userId: p.organiser?.id ?? null,
      dedupeKey: job.idempotencyKey ?? `job:${job.id}`,
    },
  );
};

function hostOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).hostname || 'rapport.local';
  } catch {
    return 'rapport.local';
  }
}
