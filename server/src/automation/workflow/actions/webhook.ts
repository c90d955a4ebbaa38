import { createHmac } from 'node:crypto';
import { ruleSecret } from '../../rules/store.js';
import type { ActionInput } from './types.js';

export const WEBHOOK_TIMEOUT_MS = 5000;

/** The signature a receiver checks: hex HMAC-SHA256 of the exact body with the rule's secret. */
export const signBody = (secret: string, body: string) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

export const webhookBody = (event: string, module: string, record: Record<string, unknown>) => JSON.stringify({ event, module, record });

/** POSTs {event, module, record}; anything but a 2xx answer throws, so the job retries with back-off. */
export async function webhook(input: ActionInput): Promise<void> {
  const { action, module, record, event } = input;
  const body = webhookBody(event, module, record);
  const secret = (await ruleSecret(input.ctx.db, input.ruleId)) ?? '';
  const res = await fetch(action.url as string, {
    method: 'POST',
    headers: {
      ...(action.headers as Record<string, string>),
      'content-type': 'application/json',
      'x-rapport-signature': signBody(secret, body),
      'x-rapport-delivery': input.idempotencyKey,
    },
    body,
    redirect: 'manual',
    signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
  });
  await res.body?.cancel();
  if (res.status < 200 || res.status >= 300) throw new Error(`The webhook answered ${res.status}`);
}
