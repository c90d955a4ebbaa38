/**
 * Typed domain errors. Services throw these; only `http/error-mapper.ts` turns them into
 * statuses and the API.md error body. Codes are UPPER_SNAKE and stable: clients switch on them.
 */
export type ErrorCode =
  | 'INVALID_DATA'
  | 'REQUIRED_FIELD_MISSING'
  | 'DUPLICATE_DATA'
  | 'NOT_FOUND'
  | 'VERSION_CONFLICT'
  | 'UNAUTHENTICATED'
  | 'INVALID_CREDENTIALS'
  | 'FORBIDDEN'
  | 'LIMIT_EXCEEDED'
  | 'RATE_LIMITED'
  | 'INVALID_FILTER'
  | 'INVALID_REQUEST'
  | 'PAYLOAD_TOO_LARGE'
  | 'LEAD_CONVERTED'
  | 'VALIDATION_RULE'
  | 'CONFLICT'
  | 'INTERNAL_ERROR';

export type ErrorDetails = Record<string, unknown> & { field?: string };

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails;
  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }
}

export const invalidData = (field: string | undefined, message: string, extra: ErrorDetails = {}) =>
  new DomainError('INVALID_DATA', message, field ? { field, ...extra } : extra);
export const requiredMissing = (field: string) =>
  new DomainError('REQUIRED_FIELD_MISSING', `The field '${field}' is required`, { field });
export const duplicateData = (field: string, existingId?: string) =>
  new DomainError('DUPLICATE_DATA', `Another record already has this value of '${field}'`, {
    field,
    ...(existingId ? { existingId } : {}),
  });
export const notFound = (what: string) => new DomainError('NOT_FOUND', `${what} was not found`);
export const versionConflict = (current: number) =>
  new DomainError('VERSION_CONFLICT', 'The record was changed by someone else; reload it and try again', {
    currentVersion: current,
  });
export const forbidden = (message = 'You are not allowed to do this') => new DomainError('FORBIDDEN', message);
export const unauthenticated = (message = 'Sign in first') => new DomainError('UNAUTHENTICATED', message);
export const limitExceeded = (message: string, details: ErrorDetails = {}) =>
  new DomainError('LIMIT_EXCEEDED', message, details);
export const invalidFilter = (message: string, details: ErrorDetails = {}) =>
  new DomainError('INVALID_FILTER', message, details);
export const invalidRequest = (message: string, details: ErrorDetails = {}) =>
  new DomainError('INVALID_REQUEST', message, details);
export const conflict = (message: string, details: ErrorDetails = {}) =>
  new DomainError('CONFLICT', message, details);
