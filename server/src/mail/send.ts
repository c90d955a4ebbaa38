import type { Clock } from '../clock.js';
import type { Db } from '../db/connection.js';
import { newId } from '../ids.js';
import { transportFor } from './transport.js';

export interface MailMessage {
  to: string[];
  subject: string;
  text: string;
  html?: string;
  /** An iCalendar invitation: sent as a text/calendar alternative and as an invite.ics attachment. */
  icalEvent?: { method: 'REQUEST' | 'CANCEL'; content: string };
  from?: string;
}

export interface MailLog {
  /** What the email is, e.g. 'invitation', 'cancellation', 'notification'. */
  kind: string;
  /** The record the email is about: the timeline of that record lists it. */
  record?: { module: string; id: string };
  /** Who sent it (the acting user), or null for the system. */
  userId?: string | null;
  /**
   * Makes the send idempotent: a second call with the same key sends nothing (a job retried after
   * its email went out). The key also names the Message-ID, so a receiver can drop a duplicate.
   */
  dedupeKey?: string;
}

export interface MailDeps {
  db: Db;
  clock: Clock;
  smtpUrl: string | undefined;
}

export class MailNotConfiguredError extends Error {
  constructor() {
    super('No SMTP_URL is configured: cannot send email');
    this.name = 'MailNotConfiguredError';
  }
}

const DEFAULT_FROM = 'Rapport <no-reply@rapport.local>';

/** Header values may not carry line breaks (header injection). */
const oneLine = (s: string) => s.replace(/[\r\n]+/g, ' ');

/**
 * Sends one email through SMTP_URL and appends it to `sent_emails` (the "emails sent" of the
 * timeline). Throws when SMTP is not configured or refuses the message, so a job retries it.
 * Returns false when the dedupe key shows it was sent already.
 */
export async function sendMail(deps: MailDeps, message: MailMessage, log: MailLog): Promise<boolean> {
  if (!deps.smtpUrl) throw new MailNotConfiguredError();
  if (log.dedupeKey) {
    const seen = await deps.db.selectFrom('sent_emails').select('id').where('dedupe_key', '=', log.dedupeKey).executeTakeFirst();
    if (seen) return false;
  }
  const to = [...new Set(message.to.map((a) => a.trim()).filter(Boolean))];
  if (to.length === 0) return false;
  const subject = oneLine(message.subject);
  const ics = message.icalEvent;
  await transportFor(deps.smtpUrl).sendMail({
    from: message.from ? oneLine(message.from) : DEFAULT_FROM,
    to,
    subject,
    text: message.text,
    ...(message.html ? { html: message.html } : {}),
    ...(ics
      ? {
          icalEvent: { method: ics.method, content: ics.content },
          attachments: [
            {
              filename: ics.method === 'CANCEL' ? 'cancel.ics' : 'invite.ics',
              content: ics.content,
              contentType: `text/calendar; charset=utf-8; method=${ics.method}`,
            },
          ],
        }
      : {}),
    ...(log.dedupeKey ? { messageId: `<${log.dedupeKey.replace(/[^A-Za-z0-9.:-]/g, '.')}@rapport>` } : {}),
  });
  const now = deps.clock.now().getTime();
  await deps.db
    .insertInto('sent_emails')
    .values({
      id: newId(now),
      module: log.record?.module ?? null,
      record_id: log.record?.id ?? null,
      user_id: log.userId ?? null,
      to_addresses: JSON.stringify(to),
      subject,
      kind: log.kind,
      sent_at: now,
      dedupe_key: log.dedupeKey ?? null,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .execute();
  return true;
}

export interface SentEmail {
  id: string;
  module: string | null;
  recordId: string | null;
  userId: string | null;
  to: string[];
  subject: string;
  kind: string;
  sentAt: string;
}

/** The emails sent about one record, newest first. */
export async function sentEmailsOf(db: Db, record: { module: string; id: string }): Promise<SentEmail[]> {
  const rows = await db
    .selectFrom('sent_emails')
    .selectAll()
    .where('module', '=', record.module)
    .where('record_id', '=', record.id)
    .orderBy('sent_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    module: r.module,
    recordId: r.record_id,
    userId: r.user_id,
    to: JSON.parse(r.to_addresses) as string[],
    subject: r.subject,
    kind: r.kind,
    sentAt: new Date(Number(r.sent_at)).toISOString(),
  }));
}
