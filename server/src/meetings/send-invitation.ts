import { type Translator, translator } from '../i18n/index.js';
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

function when(p: InvitationPayload, tr: Translator): string {
  const zone = p.organiser?.timeZone ?? 'UTC';
  const fmt = (iso: string, withTime: boolean) => {
    try {
      const options: Intl.DateTimeFormatOptions = { timeZone: zone, dateStyle: 'full', ...(withTime ? { timeStyle: 'short' } : {}) };
      return new Intl.DateTimeFormat(tr.dateLocale, options).format(new Date(iso));
    } catch {
      return iso;
    }
  };
  return p.event.allDay
    ? tr.t('invitation.allDay', { date: fmt(p.event.startAt, false) })
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
  // The organiser's language; a payload queued before it carried one, or a meeting without a
  // user as organiser, is written in the organisation's default language.
  const tr = translator(p.organiser?.locale || (await env.metaCache.get(db)).org.locale);
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
  const title = p.event.title;
  const lines = [cancel ? tr.t('invitation.cancelled', { title }) : tr.t('invitation.invited', { title }), '', when(p, tr)];
  if (p.event.location) lines.push(tr.t('invitation.location', { location: p.event.location }));
  if (p.organiser) lines.push(tr.t('invitation.organiser', { name: p.organiser.name, email: p.organiser.email }));
  if (p.event.description && !cancel) lines.push('', p.event.description);
  let html = lines.map((l) => escapeHtml(l)).join('<br>\n');
  if (!cancel) {
    const token = signRsvp(await rsvpSecret(db), { eventId: p.eventId, attendee: p.to.key, expiresAt: now.getTime() + RSVP_TOKEN_TTL_MS });
    const links = rsvpLinks(env.config.baseUrl, token);
    const label = { accepted: tr.t('rsvp.accept'), declined: tr.t('rsvp.decline'), tentative: tr.t('rsvp.tentative') };
    lines.push('', ...RSVP_RESPONSES.map((r) => `${label[r]}: ${links[r]}`));
    html += `<p>${RSVP_RESPONSES.map((r) => `<a href="${escapeHtml(links[r])}">${escapeHtml(label[r])}</a>`).join(' · ')}</p>`;
  }
  const subjectKey = cancel ? 'invitation.subject.cancel' : p.sequence > 0 ? 'invitation.subject.update' : 'invitation.subject.request';
  await sendMail(
    { db, clock: env.clock, smtpUrl: env.config.smtpUrl },
    {
      to: [p.to.email],
      subject: tr.t(subjectKey, { title }),
      text: lines.join('\n'),
      html,
      icalEvent: { method: cancel ? 'CANCEL' : 'REQUEST', content: ics },
      ...(p.organiser
        ? { from: `${tr.t('invitation.from', { name: p.organiser.name.replace(/[<>"]/g, '') })} <no-reply@${hostOf(env.config.baseUrl)}>` }
        : {}),
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
