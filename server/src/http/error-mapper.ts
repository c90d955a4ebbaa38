import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, type ErrorCode } from '../errors.js';

/** The one place that turns errors into statuses and the API.md error body. */
export const STATUS_OF: Record<ErrorCode, number> = {
  INVALID_DATA: 400,
  REQUIRED_FIELD_MISSING: 400,
  DUPLICATE_DATA: 409,
  NOT_FOUND: 404,
  VERSION_CONFLICT: 409,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  LIMIT_EXCEEDED: 400,
  RATE_LIMITED: 429,
  INVALID_FILTER: 400,
  INVALID_REQUEST: 400,
  PAYLOAD_TOO_LARGE: 413,
  LEAD_CONVERTED: 400,
  VALIDATION_RULE: 400,
  CONFLICT: 409,
  INTERNAL_ERROR: 500,
};

export interface ErrorBody {
  error: { code: string; message: string; details: Record<string, unknown> };
}

export const errorBody = (code: string, message: string, details: Record<string, unknown> = {}): ErrorBody => ({
  error: { code, message, details },
});

/** Maps an error to [status, body]; unknown errors become a 500 without internals. */
export function mapError(err: unknown): [number, ErrorBody] {
  if (err instanceof DomainError) return [STATUS_OF[err.code], errorBody(err.code, err.message, err.details)];
  const fe = err as FastifyError & { validationContext?: string };
  if (fe?.validation) {
    const first = fe.validation[0];
    const path = (first?.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
    const missing = (first?.params as { missingProperty?: string } | undefined)?.missingProperty;
    const extra = (first?.params as { additionalProperty?: string } | undefined)?.additionalProperty;
    const where = [fe.validationContext, path || undefined].filter(Boolean).join(' ');
    const field = extra ?? missing ?? (path || undefined);
    return [
      400,
      errorBody('INVALID_REQUEST', `Invalid ${where || 'request'}: ${first?.message ?? 'does not match the schema'}`, {
        ...(field ? { field } : {}),
        location: fe.validationContext ?? 'body',
      }),
    ];
  }
  switch (fe?.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return [413, errorBody('PAYLOAD_TOO_LARGE', 'The request body is larger than the limit')];
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return [415, errorBody('UNSUPPORTED_MEDIA_TYPE', 'Send JSON with Content-Type: application/json')];
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return [400, errorBody('INVALID_REQUEST', 'The JSON body is empty')];
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return [400, errorBody('INVALID_REQUEST', 'The body is not valid JSON')];
  }
  if (err instanceof SyntaxError || (fe?.statusCode === 400 && /JSON/i.test(fe.message))) {
    return [400, errorBody('INVALID_REQUEST', 'The body is not valid JSON')];
  }
  if (fe?.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    const code = fe.statusCode === 404 ? 'NOT_FOUND' : fe.statusCode === 429 ? 'RATE_LIMITED' : 'INVALID_REQUEST';
    return [fe.statusCode, errorBody(code, fe.message)];
  }
  return [500, errorBody('INTERNAL_ERROR', 'Something went wrong on our side; it has been logged')];
}

export function handleError(err: unknown, request: FastifyRequest, reply: FastifyReply) {
  const [status, body] = mapError(err);
  if (status >= 500) request.log.error({ err }, 'request failed');
  else request.log.info({ code: body.error.code }, 'request rejected');
  return reply.status(status).send(body);
}
