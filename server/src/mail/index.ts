/** Outgoing email (SMTP_URL) and its log, `sent_emails`, which record timelines show. */
export { type MailDeps, type MailLog, type MailMessage, MailNotConfiguredError, type SentEmail, sendMail, sentEmailsOf } from './send.js';
