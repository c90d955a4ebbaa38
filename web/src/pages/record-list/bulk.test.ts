import { describe, expect, it } from 'vitest';
import { type BulkProgress, bulkDeleteRecords, bulkUpdateRecords } from '../../hooks/api/records';
import { mockApi } from '../../test/api-mock';
import { nextSort } from './RecordTable';

const ids = (n: number) => Array.from({ length: n }, (_, i) => `r${i + 1}`);

describe('bulk changes', () => {
  it('deletes in calls of at most 100 ids and reports progress after each', async () => {
    const api = mockApi({ 'DELETE /records/leads': () => ({ data: [] }) });
    const seen: BulkProgress[] = [];
    const result = await bulkDeleteRecords('leads', ids(250), (p) => seen.push(p));
    const calls = api.requests.map((r) => (r.url.searchParams.get('ids') ?? '').split(',').length);
    expect(calls).toEqual([100, 100, 50]);
    expect(seen.map((p) => p.done)).toEqual([100, 200, 250]);
    expect(result).toEqual({ done: 250, total: 250, failed: 0 });
  });

  it('updates in batches of [{id, ...values}] and counts per-record failures', async () => {
    const api = mockApi({
      'PATCH /records/leads': (req) => {
        const data = (req.body as { data: { id: string }[] }).data;
        return {
          status: 207,
          body: { data: data.map((r) => (r.id === 'r101' ? { status: 'error', code: 'X' } : { status: 'success', id: r.id })) },
        };
      },
    });
    const result = await bulkUpdateRecords('leads', ids(150), { leadStatus: 'Working' }, () => {});
    expect(api.requests).toHaveLength(2);
    expect((api.requests[1].body as { data: unknown[] }).data[0]).toEqual({ id: 'r101', leadStatus: 'Working' });
    expect(result).toEqual({ done: 150, total: 150, failed: 1 });
  });
});

describe('sorting by a header', () => {
  it('goes ascending, descending, then back to the default order', () => {
    expect(nextSort(undefined, 'company')).toBe('company');
    expect(nextSort('company', 'company')).toBe('-company');
    expect(nextSort('-company', 'company')).toBeUndefined();
    expect(nextSort('-email', 'company')).toBe('company');
  });
});
