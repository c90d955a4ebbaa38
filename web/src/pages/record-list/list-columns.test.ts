import { describe, expect, it } from 'vitest';
import { THING_FIELDS, THING_LAYOUTS, THINGS } from '../../features/record-form/test-module';
import { listColumns } from './list-columns';

describe('the basic list columns', () => {
  it('are the name and the first layout fields that fit a table cell', () => {
    const { columns, request } = listColumns(THINGS, THING_FIELDS, THING_LAYOUTS);
    expect(columns.map((c) => c.apiName)).toEqual(['email', 'phone', 'website', 'status', 'tags']);
    expect(request).toEqual(['name', 'email', 'phone', 'website', 'status', 'tags']);
  });
});
