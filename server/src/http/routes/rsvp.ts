import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { answerInvitation, RSVP_RESPONSES, type RsvpOutcome } from '../../meetings/index.js';
import type { AppDeps } from '../deps.js';
import { errors } from '../schemas.js';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const STATUS_TEXT: Record<string, string> = {
  accepted: 'You accepted this invitation.',
  declined: 'You declined this invitation.',
  tentative: 'You tentatively accepted this invitation.',
  needsAction: 'You have not answered yet.',
};

/** A small page a person sees after following a link from an invitation email. */
function page(o: RsvpOutcome, token: string): string {
  let when: string;
  try {
    const fmt = new Intl.DateTimeFormat('en-GB', { timeZone: o.timeZone, dateStyle: 'full', ...(o.allDay ? {} : { timeStyle: 'short' }) });
    when = o.allDay
      ? fmt.format(new Date(o.startAt))
      : `${fmt.format(new Date(o.startAt))} – ${fmt.format(new Date(o.endAt))} (${o.timeZone})`;
  } catch {
    when = `${o.startAt} – ${o.endAt}`;
  }
  const links = RSVP_RESPONSES.filter((r) => r !== o.status)
    .map(
      (r) =>
        `<a href="?token=${encodeURIComponent(token)}&amp;response=${r}">${r === 'accepted' ? 'Accept' : r === 'declined' ? 'Decline' : 'Tentative'}</a>`,
    )
    .join(' · ');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(o.title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;color:#222}h1{font-size:1.4rem}</style></head>
<body><main><h1>${escapeHtml(o.title)}</h1><p>${escapeHtml(when)}</p>${o.location ? `<p>${escapeHtml(o.location)}</p>` : ''}
<p role="status" data-status="${escapeHtml(o.status)}"><strong>${escapeHtml(STATUS_TEXT[o.status] ?? o.status)}</strong></p>
<p>Change your answer: ${links}</p><p><small>${escapeHtml(o.attendee)}</small></p></main></body></html>`;
}

/** Answers to meeting invitations, from the signed links in the emails (no login). */
export async function rsvpRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  r.get(
    '/rsvp',
    {
      config: { public: true },
      schema: {
        tags: ['Calendar'],
        summary: 'Answer a meeting invitation from its email link; shows a confirmation page',
        description:
          "The token is signed by the server and expires 30 days after the invitation was sent. With `response` the participant's status is set (accepted, declined, tentative); without, the page only shows it. Forged or tampered tokens, and meetings or participants that no longer exist → 404; an expired link → 400.",
        security: [],
        querystring: Type.Object(
          {
            token: Type.String({ minLength: 1, maxLength: 2100, description: 'The signed token of the email link' }),
            response: Type.Optional(Type.Union(RSVP_RESPONSES.map((s) => Type.Literal(s)))),
          },
          { additionalProperties: false },
        ),
        produces: ['text/html'],
        response: { 200: { type: 'string', description: 'An HTML confirmation page' }, ...errors() },
      },
    },
    async (req, reply) => {
      const outcome = await answerInvitation(deps, req.query.token, req.query.response);
      return reply
        .header('content-type', 'text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(page(outcome, req.query.token));
    },
  );
}
