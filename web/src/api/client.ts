/**
 * The one door to the REST API (/api/v1): JSON in and out, the session cookie sent by the
 * browser, and every failure turned into an ApiError carrying the API's code, message and details.
 */

export const API_BASE = '/api/v1';

export interface ApiErrorDetails {
  field?: string;
  [key: string]: unknown;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ApiErrorDetails = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The field a validation error names (`details.field`), if any. */
  get field(): string | undefined {
    return typeof this.details.field === 'string' ? this.details.field : undefined;
  }
}

type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: Record<string, QueryValue>;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

let onUnauthenticated: ((error: ApiError) => void) | null = null;

/** Called for every 401 UNAUTHENTICATED answer: the app sends the user to sign in. */
export function setUnauthenticatedHandler(handler: ((error: ApiError) => void) | null): void {
  onUnauthenticated = handler;
}

export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

/** Turns a failed answer's body into an ApiError (the error body, or the first failed record of a batch). */
export function errorFromBody(status: number, body: unknown): ApiError {
  const b = body as { error?: { code?: string; message?: string; details?: ApiErrorDetails }; data?: unknown } | null;
  if (b?.error && typeof b.error.code === 'string') {
    return new ApiError(status, b.error.code, b.error.message ?? b.error.code, b.error.details ?? {});
  }
  if (Array.isArray(b?.data)) {
    const failed = (b.data as { status?: string; code?: string; message?: string; details?: ApiErrorDetails }[]).find(
      (r) => r?.status === 'error',
    );
    if (failed?.code) return new ApiError(status, failed.code, failed.message ?? failed.code, failed.details ?? {});
  }
  return new ApiError(status, status >= 500 ? 'SERVER_ERROR' : 'HTTP_ERROR', `Request failed with status ${status}`);
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method: options.method ?? 'GET',
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'NETWORK_ERROR', err instanceof Error ? err.message : 'Network error');
  }
  const text = await response.text();
  let parsed: unknown = null;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
  }
  if (!response.ok) {
    const error = errorFromBody(response.status, parsed);
    if (response.status === 401 && error.code === 'UNAUTHENTICATED') onUnauthenticated?.(error);
    throw error;
  }
  return parsed as T;
}

export const api = {
  get: <T>(path: string, query?: Record<string, QueryValue>, signal?: AbortSignal) => apiRequest<T>(path, { query, signal }),
  post: <T>(path: string, body?: unknown) => apiRequest<T>(path, { method: 'POST', body }),
  patch: <T>(path: string, body?: unknown, headers?: Record<string, string>) => apiRequest<T>(path, { method: 'PATCH', body, headers }),
  delete: <T>(path: string, query?: Record<string, QueryValue>) => apiRequest<T>(path, { method: 'DELETE', query }),
};
