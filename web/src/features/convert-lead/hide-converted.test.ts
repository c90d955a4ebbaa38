import { describe, expect, it } from 'vitest';
import { hideConvertedLeads } from './hide-converted';

const notConverted = { field: 'converted', op: 'neq', value: true };

describe('converted leads in the default lead list', () => {
  it('are left out of the default lead view, with or without a filter', () => {
    expect(hideConvertedLeads('leads', null, undefined)).toEqual(notConverted);
    const f = { field: 'leadStatus', op: 'eq', value: 'New' };
    expect(hideConvertedLeads('leads', null, f)).toEqual({ and: [f, notConverted] });
  });
  it('are shown by saved views, by a filter on converted, and other modules are untouched', () => {
    const f = { field: 'leadStatus', op: 'eq', value: 'New' };
    expect(hideConvertedLeads('leads', 'view1', f)).toBe(f);
    const mine = { field: 'converted', op: 'eq', value: true };
    expect(hideConvertedLeads('leads', null, mine)).toBe(mine);
    expect(hideConvertedLeads('contacts', null, undefined)).toBeUndefined();
  });
});
