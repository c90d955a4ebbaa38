import nodemailer, { type Transporter } from 'nodemailer';
import { renderTemplate } from '../template.js';
import type { ActionInput } from './types.js';

const transports = new Map<string, Transporter>();
const transportFor = (url: string) => {
  let t = transports.get(url);
  if (!t) {
    t = nodemailer.createTransport(url);
    transports.set(url, t);
  }
  return t;
};

async function emailOfUser(input: Pick<ActionInput, 'ctx'>, id: string | undefined): Promise<{ email: string; name: string } | undefined> {
  if (!id) return undefined;
  const row = await input.ctx.db.selectFrom('users').select(['email', 'name']).where('id', '=', id).executeTakeFirst();
  return row ? { email: row.email as string, name: row.name as string } : undefined;
}

/** The email an action would send for a record: recipients, subject and HTML body (values escaped). */
export async function composeEmail(
  input: Pick<ActionInput, 'ctx' | 'action' | 'record'>,
): Promise<{ to: string[]; subject: string; html: string }> {
  const { action, record } = input;
  const owner = await emailOfUser(input, (record.owner as { id?: string } | null)?.id);
  const related = { 'owner.name': owner?.name ?? '', 'owner.email': owner?.email ?? '' };
  const to = new Set<string>();
  for (const r of action.to as string[]) {
    if (r === 'owner') owner && to.add(owner.email);
    else if (r.startsWith('user:')) {
      const u = await emailOfUser(input, r.slice(5));
      if (u) to.add(u.email);
    } else if (r.startsWith('field:')) {
      const v = record[r.slice(6)];
      if (typeof v === 'string' && v) to.add(v);
    } else to.add(r);
  }
  const subject = renderTemplate(action.subject as string, record, related, false).replace(/[\r\n]+/g, ' ');
  const html = renderTemplate(action.body as string, record, related, true).replace(/\n/g, '<br>\n');
  return { to: [...to], subject, html };
}

/** Sends the rule's email (SMTP_URL) with templates filled from the record, values HTML-escaped. */
export async function emailNotification(input: ActionInput): Promise<void> {
  const { config } = input;
  if (!config.smtpUrl) throw new Error('No SMTP_URL is configured: cannot send email');
  const { to, subject, html } = await composeEmail(input);
  if (to.length === 0) return;
  await transportFor(config.smtpUrl).sendMail({
    from: `Rapport <no-reply@${new URL(config.baseUrl).hostname || 'rapport.local'}>`,
    to,
    subject,
    html,
    messageId: `<${input.idempotencyKey.replace(/[^A-Za-z0-9.:-]/g, '.')}@rapport>`,
  });
}
