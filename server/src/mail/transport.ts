import nodemailer, { type Transporter } from 'nodemailer';

// One pooled transport per SMTP_URL: a connection is reused across the emails a worker run sends.
const transports = new Map<string, Transporter>();

export function transportFor(smtpUrl: string): Transporter {
  let t = transports.get(smtpUrl);
  if (!t) {
    t = nodemailer.createTransport(smtpUrl);
    transports.set(smtpUrl, t);
  }
  return t;
}
