import { describe, expect, it } from 'vitest';
import { THING_FIELDS, THING_LAYOUTS, THINGS } from '../../features/record-form/test-module';
import { defaultListQuery, LIST_PAGE_SIZE, listColumns } from './list-columns';

describe('the basic list columns', () => {
  it('are the name and the first layout fields that fit a table cell', () => {
    const { columns, request } = listColumns(THINGS, THING_FIELDS, THING_LAYOUTS);
    expect(columns.map((c) => c.apiName)).toEqual(['email', 'phone', 'website', 'status', 'tags']);
    expect(request).toEqual(['name', 'email', 'phone', 'website', 'status', 'tags']);
  });
});

describe('the list an untouched page asks for (and the warm-up prefetches)', () => {
  it('is the basic columns, one page, no filter for most modules', () => {
    expect(defaultListQuery(THINGS, THING_FIELDS, THING_LAYOUTS)).toEqual({
      fields: ['name', 'email', 'phone', 'website', 'status', 'tags'],
      perPage: LIST_PAGE_SIZE,
      filter: undefined,
    });
  });

  it('hides converted leads on the lead list', () => {
    const leads = { ...THINGS, apiName: 'leads' };
    expect(defaultListQuery(leads, THING_FIELDS, THING_LAYOUTS).filter).toEqual({ field: 'converted', op: 'neq', value: true });
  });
});
