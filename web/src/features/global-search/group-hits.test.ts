import { describe, expect, it } from 'vitest';
import type { ModuleSummary } from '../../api/types';
import { groupHits } from './GlobalSearch';

const m = (apiName: string): ModuleSummary => ({
  apiName,
  label: apiName,
  singularLabel: apiName,
  custom: false,
  hidden: false,
  recordName: { fields: [], mode: 'join' },
});

describe('search results', () => {
  it('are grouped by module in navigation order, leaving out modules the user does not have', () => {
    const groups = groupHits(
      [
        { module: 'deals', id: 'd1', name: 'Big' },
        { module: 'leads', id: 'l1', name: 'Ada' },
        { module: 'secret', id: 's1', name: 'X' },
        { module: 'deals', id: 'd2', name: 'Small' },
      ],
      [m('leads'), m('contacts'), m('deals')],
    );
    expect(groups.map((g) => [g.module.apiName, g.hits.map((h) => h.id)])).toEqual([
      ['leads', ['l1']],
      ['deals', ['d1', 'd2']],
    ]);
  });
});
