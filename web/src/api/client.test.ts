import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockApi } from '../test/api-mock';
import { ApiError, api, buildUrl, errorFromBody, setUnauthenticatedHandler } from './client';

afterEach(() => setUnauthenticatedHandler(null));

describe('the API client', () => {
  it('builds URLs under /api/v1 and leaves out empty query values', () => {
    expect(buildUrl('/records/leads', { perPage: 50, q: '', cursor: undefined, filter: '{"a":1}' })).toBe(
      '/api/v1/records/leads?perPage=50&filter=%7B%22a%22%3A1%7D',
    );
  });

  it('turns an error body into an ApiError with code, message and details', async () => {
    mockApi({
      'GET /records/leads/x': () => ({
        status: 404,
        body: { error: { code: 'NOT_FOUND', message: 'No such record', details: { id: 'x' } } },
      }),
    });
    const err = await api.get('/records/leads/x').catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 404, code: 'NOT_FOUND', message: 'No such record', details: { id: 'x' } });
  });

  it("reads a batch write's first failed record, with the field it names", () => {
    const err = errorFromBody(400, {
      data: [{ status: 'error', code: 'REQUIRED_FIELD_MISSING', message: 'lastName is required', details: { field: 'lastName' } }],
    });
    expect(err.code).toBe('REQUIRED_FIELD_MISSING');
    expect(err.field).toBe('lastName');
  });

  it('calls the sign-in handler on 401 UNAUTHENTICATED only, not on wrong credentials', async () => {
    const handler = vi.fn();
    setUnauthenticatedHandler(handler);
    mockApi({
      'GET /me': () => ({ status: 401, body: { error: { code: 'UNAUTHENTICATED', message: 'Sign in', details: {} } } }),
      'POST /auth/login': () => ({ status: 401, body: { error: { code: 'INVALID_CREDENTIALS', message: 'Wrong', details: {} } } }),
    });
    await expect(api.post('/auth/login', { email: 'a', password: 'b' })).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    expect(handler).not.toHaveBeenCalled();
    await expect(api.get('/me')).rejects.toMatchObject({ status: 401 });
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('sends JSON bodies and headers such as If-Match', async () => {
    const mock = mockApi({
      'PATCH /records/leads/l1': ({ body }) => ({ data: { id: 'l1', version: 3, ...(body as { data: object }).data } }),
    });
    const res = await api.patch<{ data: { company: string } }>('/records/leads/l1', { data: { company: 'X' } }, { 'if-match': '2' });
    expect(res.data.company).toBe('X');
    const init = mock.fetchMock.mock.calls[0][1] as RequestInit;
    expect((init.headers as Record<string, string>)['if-match']).toBe('2');
    expect((init.headers as Record<string, string>)['content-type']).toBe('application/json');
  });

  it('reports an unreachable server as NETWORK_ERROR', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    await expect(api.get('/modules')).rejects.toMatchObject({ code: 'NETWORK_ERROR', status: 0 });
  });
});
