import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { acceptedLanguages, type MessageKey, pickLanguage, type Translator, translator } from '../../i18n/index.js';
import { answerInvitation, RSVP_RESPONSES, type RsvpOutcome } from '../../meetings/index.js';
import type { AppDeps } from '../deps.js';
import { errors } from '../schemas.js';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const STATUS_TEXT: Record<string, MessageKey> = {
  accepted: 'rsvp.status.accepted',
  declined: 'rsvp.status.declined',
  tentative: 'rsvp.status.tentative',
  needsAction: 'rsvp.status.needsAction',
};

const ANSWER_LABEL: Record<(typeof RSVP_RESPONSES)[number], MessageKey> = {
  accepted: 'rsvp.accept',
  declined: 'rsvp.decline',
  tentative: 'rsvp.tentative',
};

/** A small page a person sees after following a link from an invitation email, in their language. */
function page(o: RsvpOutcome, token: string, tr: Translator): string {
  let when: string;
  try {
    const options: Intl.DateTimeFormatOptions = { timeZone: o.timeZone, dateStyle: 'full', ...(o.allDay ? {} : { timeStyle: 'short' }) };
    const fmt = new Intl.DateTimeFormat(tr.dateLocale, options);
    when = o.allDay
      ? fmt.format(new Date(o.startAt))
      : `${fmt.format(new Date(o.startAt))} – ${fmt.format(new Date(o.endAt))} (${o.timeZone})`;
  } catch {
    when = `${o.startAt} – ${o.endAt}`;
  }
  const links = RSVP_RESPONSES.filter((r) => r !== o.status)
    .map((r) => `<a href="?token=${encodeURIComponent(token)}&amp;response=${r}">${escapeHtml(tr.t(ANSWER_LABEL[r]))}</a>`)
    .join(' · ');
  return `<!doctype html>
<html lang="${tr.language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(o.title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;color:#222}h1{font-size:1.4rem}</style></head>
<body><main><h1>${escapeHtml(o.title)}</h1><p>${escapeHtml(when)}</p>${o.location ? `<p>${escapeHtml(o.location)}</p>` : ''}
<p role="status" data-status="${escapeHtml(o.status)}"><strong>${escapeHtml(Object.hasOwn(STATUS_TEXT, o.status) ? tr.t(STATUS_TEXT[o.status]) : o.status)}</strong></p>
<p>${escapeHtml(tr.t('rsvp.change'))} ${links}</p><p><small>${escapeHtml(o.attendee)}</small></p></main></body></html>`;
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
          "The token is signed by the server and expires 30 days after the invitation was sent. With `response` the participant's status is set (accepted, declined, tentative); without, the page only shows it. Forged or tampered tokens, and meetings or participants that no longer exist → 404; an expired link → 400. The page is in the first language of `Accept-Language` the server has (English, Russian), else in the organisation's default locale, else English.",
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
      // The person answering is usually outside the CRM: their browser's language, else the organisation's.
      const org = (await deps.metaCache.get(deps.database.db)).org;
      const tr = translator(pickLanguage(...acceptedLanguages(req.headers['accept-language']), org.locale));
      return reply
        .header('content-type', 'text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .header('content-language', tr.language)
        .header('vary', 'Accept-Language')
        .send(page(outcome, req.query.token, tr));
    },
  );
}
