import { describe, expect, it } from 'vitest';
import { DomainError } from '../src/errors.js';
import { type FilterCondition, type FilterNode, parseFilter } from '../src/filters/index.js';
import { meta, things } from './filters-fixtures.js';

const parse = (input: unknown): FilterNode => parseFilter(input, things, meta);

function parseError(input: unknown): DomainError {
  try {
    parse(input);
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error(`expected INVALID_FILTER for ${JSON.stringify(input)}`);
}

const cond = (field: string, op: string, value?: unknown) => (value === undefined ? { field, op } : { field, op, value });

describe('parseFilter rejects bad conditions with INVALID_FILTER naming the field', () => {
  const cases: Array<[string, unknown, string, string | undefined]> = [
    ['an unknown field', cond('nope', 'eq', 'x'), 'nope', undefined],
    ['an unknown field before a path', cond('nope.name', 'eq', 'x'), 'nope.name', undefined],
    ['a path on a non-lookup field', cond('title.name', 'eq', 'x'), 'title.name', undefined],
    ['a path other than .name', cond('account.title', 'eq', 'x'), 'account.title', undefined],
    ['an unknown operator', cond('title', 'like', 'x'), 'title', 'like'],
    ['a missing operator', { field: 'title', value: 'x' }, 'title', 'undefined'],
    ['order on a picklist', cond('status', 'lt', 'Hot'), 'status', 'lt'],
    ['a string operator on a number', cond('qty', 'contains', '1'), 'qty', 'contains'],
    ['a relative date on text', cond('title', 'today'), 'title', 'today'],
    ['includesAny on text', cond('title', 'includesAny', ['a']), 'title', 'includesAny'],
    ['eq on an address', cond('place', 'eq', 'x'), 'place', 'eq'],
    ['isEmpty on a checkbox', cond('flag', 'isEmpty'), 'flag', 'isEmpty'],
    ['contains on a multi-select', cond('colors', 'contains', 'Red'), 'colors', 'contains'],
    ['lt on a lookup', cond('account', 'lt', 'abc'), 'account', 'lt'],
    ['contains on the id', cond('id', 'contains', 'abc'), 'id', 'contains'],
    ['an impossible date', cond('due', 'eq', '2023-02-30'), 'due', 'eq'],
    ['a date-time without zone', cond('at', 'gt', '2024-01-01T10:00:00'), 'at', 'gt'],
    ['a date for a date-time', cond('at', 'eq', '2024-01-01'), 'at', 'eq'],
    ['a fraction for an integer', cond('qty', 'eq', 1.5), 'qty', 'eq'],
    ['a number as text', cond('qty', 'eq', '1'), 'qty', 'eq'],
    ['a non-finite number', cond('weight', 'gt', Number.NaN), 'weight', 'gt'],
    ['three decimals of currency', cond('amount', 'gte', 1.005), 'amount', 'gte'],
    ['a percent over 100', cond('prob', 'lt', 150), 'prob', 'lt'],
    ['an unknown picklist option', cond('status', 'eq', 'Lukewarm'), 'status', 'eq'],
    ['an unknown multi-select option', cond('colors', 'includesAny', ['Red', 'Blue']), 'colors', 'includesAny'],
    ['a string for a checkbox', cond('flag', 'eq', 'true'), 'flag', 'eq'],
    ['an empty text', cond('title', 'eq', ''), 'title', 'eq'],
    ['a NUL in text', cond('title', 'contains', 'a\u0000'), 'title', 'contains'],
    ['a lone surrogate', cond('title', 'contains', '\ud800'), 'title', 'contains'],
    ['text for eq null', cond('title', 'eq', null), 'title', 'eq'],
    ['an empty in-list', cond('qty', 'in', []), 'qty', 'in'],
    ['a scalar for in', cond('qty', 'in', 1), 'qty', 'in'],
    [
      'more than 1000 values',
      cond(
        'qty',
        'in',
        Array.from({ length: 1001 }, (_, i) => i),
      ),
      'qty',
      'in',
    ],
    ['between with one value', cond('qty', 'between', [1]), 'qty', 'between'],
    ['between with a bad end', cond('due', 'between', ['2024-01-01', 'soon']), 'due', 'between'],
    ['negative days', cond('due', 'lastNDays', -1), 'due', 'lastNDays'],
    ['fractional days', cond('at', 'nextNDays', 1.5), 'at', 'nextNDays'],
    ['too many days', cond('at', 'olderThanNDays', 36501), 'at', 'olderThanNDays'],
    ['a value for today', cond('due', 'today', 3), 'due', 'today'],
    ['a value for isEmpty', cond('title', 'isEmpty', 'x'), 'title', 'isEmpty'],
    ['$me on a lookup', cond('account', 'eq', '$me'), 'account', 'eq'],
    ['a malformed id', cond('account', 'eq', 'a b'), 'account', 'eq'],
    ['an unknown key', { field: 'title', op: 'eq', value: 'x', negate: true }, 'title', undefined],
  ];
  for (const [what, input, field, op] of cases) {
    it(`${what} → INVALID_FILTER on '${field}'`, () => {
      const err = parseError(input);
      expect(err.code).toBe('INVALID_FILTER');
      expect(err.details.field).toBe(field);
      if (op !== undefined) expect(err.details.op).toBe(op);
    });
  }

  it('locates the bad condition inside groups', () => {
    const err = parseError({ and: [cond('title', 'eq', 'a'), { or: [cond('qty', 'eq', 1), cond('nope', 'eq', 1)] }] });
    expect(err.details).toMatchObject({ field: 'nope', path: 'and[1].or[1]' });
  });
});

describe('parseFilter rejects bad structure with INVALID_FILTER', () => {
  const nest = (levels: number): unknown => (levels === 0 ? cond('qty', 'eq', 1) : { and: [nest(levels - 1)] });
  const cases: Array<[string, unknown]> = [
    ['null', null],
    ['an array', [cond('qty', 'eq', 1)]],
    ['a string', 'qty = 1'],
    ['an empty group', { and: [] }],
    ['a group that is not an array', { or: cond('qty', 'eq', 1) }],
    ['a group with two keys', { and: [cond('qty', 'eq', 1)], or: [cond('qty', 'eq', 2)] }],
    ['a group mixed with a condition', { and: [cond('qty', 'eq', 1)], field: 'qty' }],
    ['a condition without field', { op: 'eq', value: 1 }],
    ['groups nested 11 deep', nest(11)],
    ['201 conditions', { or: Array.from({ length: 201 }, (_, i) => cond('qty', 'eq', i)) }],
    [
      'more than 10000 values in all',
      {
        or: Array.from({ length: 11 }, () =>
          cond(
            'qty',
            'in',
            Array.from({ length: 1000 }, (_, i) => i),
          ),
        ),
      },
    ],
  ];
  for (const [what, input] of cases) {
    it(`${what} → INVALID_FILTER`, () => expect(parseError(input).code).toBe('INVALID_FILTER'));
  }

  it('accepts groups nested 10 deep and 200 conditions', () => {
    expect(() => parse(nest(10))).not.toThrow();
    expect(() => parse({ or: Array.from({ length: 200 }, (_, i) => cond('qty', 'eq', i)) })).not.toThrow();
  });
});

describe('parseFilter canonicalises values', () => {
  const operand = (input: unknown) => (parse(input) as FilterCondition).operand;

  it('matches picklist options case-insensitively and keeps the canonical option', () => {
    expect(operand(cond('status', 'in', ['hot', 'ËLAN', 'Hot']))).toEqual({ type: 'list', values: ['Hot', 'Ëlan'] });
    expect(operand(cond('colors', 'includesAll', ['red', 'öl']))).toEqual({ type: 'list', values: ['Red', 'Öl'] });
  });

  it('folds text for case-insensitive comparison', () => {
    expect(operand(cond('title', 'eq', 'ZOË'))).toEqual({ type: 'scalar', value: 'zoë' });
    expect(operand(cond('status', 'contains', 'ÉL'))).toEqual({ type: 'scalar', value: 'él' });
    expect(operand(cond('account.name', 'startsWith', 'AC'))).toEqual({ type: 'scalar', value: 'ac' });
  });

  it('scales currency to minor units and date-times to epoch ms', () => {
    expect(operand(cond('amount', 'between', [12.5, 1000]))).toEqual({ type: 'range', from: 1250, to: 100000 });
    expect(operand(cond('at', 'gte', '2024-03-31T03:00:00+02:00'))).toEqual({ type: 'scalar', value: Date.UTC(2024, 2, 31, 1) });
  });

  it('keeps $me on user fields for the acting user, and accepts {"id"} for references', () => {
    expect(operand(cond('owner', 'eq', '$me'))).toEqual({ type: 'scalar', value: '$me' });
    expect(operand(cond('account', 'in', [{ id: 'acc1' }, 'acc2']))).toEqual({ type: 'list', values: ['acc1', 'acc2'] });
  });

  it('resolves system fields, the id and user names', () => {
    expect(parse(cond('createdAt', 'thisWeek'))).toMatchObject({ kind: 'datetime', op: 'thisWeek' });
    expect(parse(cond('id', 'notIn', ['r1']))).toMatchObject({ kind: 'id', subject: { source: 'id' } });
    expect(parse(cond('owner.name', 'contains', 'ann'))).toMatchObject({
      kind: 'text',
      subject: { source: 'relatedName', table: 'users', nameColumn: 'name' },
    });
    expect(parse(cond('account.name', 'isEmpty'))).toMatchObject({
      subject: { source: 'relatedName', table: 'r_accounts', nameColumn: '_name' },
    });
  });
});
