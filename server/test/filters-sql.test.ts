import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openSqlite } from '../src/db/connection.js';
import { type FilterEnv, filterToSql, parseFilter } from '../src/filters/index.js';
import { accounts, createRecordTable, createUsersTable, meta, things } from './filters-fixtures.js';

const env = (over: Partial<FilterEnv> = {}): FilterEnv => ({
  dialect: 'sqlite',
  module: things,
  meta,
  userId: 'u1',
  now: new Date('2024-06-01T12:00:00Z'),
  timeZone: 'Europe/Warsaw',
  ...over,
});

describe('filterToSql', () => {
  let database: Database;
  // Compiling needs no connection; the pool never connects.
  const postgres = new Kysely({ dialect: new PostgresDialect({ pool: new pg.Pool({ max: 1 }) }) });

  beforeAll(async () => {
    database = openSqlite(':memory:');
    await createRecordTable(database.db, 'sqlite', things);
    await createRecordTable(database.db, 'sqlite', accounts);
    await createUsersTable(database.db);
  });
  afterAll(async () => {
    await database.close();
    await postgres.destroy();
  });

  const compile = (filter: unknown, over: Partial<FilterEnv> = {}) => {
    const e = env(over);
    const where = filterToSql(parseFilter(filter, things, meta), e);
    return sql`select 1 from ${sql.table(things.tableName)} as ${sql.id('t')} where ${where}`.compile(
      e.dialect === 'postgres' ? postgres : database.db,
    );
  };

  it('qualifies every column of the module with the table alias, and subqueries with their own', () => {
    const q = compile(
      {
        and: [
          { field: 'title', op: 'eq', value: 'x' },
          { field: 'account.name', op: 'neq', value: 'Acme' },
          { field: 'id', op: 'in', value: ['r1'] },
        ],
      },
      { tableAlias: 't' },
    );
    expect(q.sql).toContain('rlower("t"."title")');
    expect(q.sql).toContain('"t"."account" not in (select "__ref"."id" from "r_accounts" as "__ref" where not');
    expect(q.sql).toContain('"t"."id" in (?)');
    expect(q.sql).not.toMatch(/[^.]"(title|account|id)"/);
  });

  it('runs with an alias on SQLite, every kind at once', async () => {
    await database.db.insertInto(things.tableName).values({ id: 'r1', owner: 'u1', createdAt: 0, modifiedAt: 0, flag: 1 }).execute();
    await database.db.insertInto(things.tableName).values({ id: 'r2', owner: 'u2', createdAt: 0, modifiedAt: 0, flag: 1 }).execute();
    const filter = {
      or: [
        { field: 'title', op: 'startsWith', value: 'a' },
        { field: 'status', op: 'in', value: ['hot'] },
        { field: 'colors', op: 'includesAny', value: ['red'] },
        { field: 'amount', op: 'between', value: [1, 2] },
        { field: 'due', op: 'thisMonth' },
        { field: 'at', op: 'lastNDays', value: 7 },
        { field: 'flag', op: 'eq', value: false },
        { field: 'owner', op: 'eq', value: '$me' },
        { field: 'owner.name', op: 'contains', value: 'ann' },
        { field: 'place', op: 'isNotEmpty' },
      ],
    };
    const where = filterToSql(parseFilter(filter, things, meta), env({ tableAlias: 't' }));
    const result = await sql`select ${sql.id('t', 'id')} from ${sql.table(things.tableName)} as ${sql.id('t')} where ${where}`.execute(
      database.db,
    );
    expect(result.rows).toEqual([{ id: 'r1' }]);
  });

  it('escapes LIKE wildcards and the escape character', () => {
    const q = compile({ field: 'title', op: 'startsWith', value: 'A%_\\' });
    expect(q.sql).toContain(`like ? escape '\\'`);
    expect(q.parameters).toEqual(['a\\%\\_\\\\%']);
  });

  it('compares text order by code point on PostgreSQL, folding before the collation', () => {
    const q = compile({ field: 'title', op: 'lt', value: 'Ë' }, { dialect: 'postgres' });
    expect(q.sql).toContain('lower("title") collate "C" < $1');
    expect(q.parameters).toEqual(['ë']);
  });

  it('binds one parameter per value: $me becomes the acting user, currency its minor units', () => {
    expect(compile({ field: 'owner', op: 'in', value: ['$me', 'u1', 'u2'] }).parameters).toEqual(['u1', 'u2']);
    expect(compile({ field: 'amount', op: 'eq', value: 10.25 }).parameters).toEqual([1025]);
    const many = Array.from({ length: 1000 }, (_, i) => i);
    expect(compile({ field: 'qty', op: 'notIn', value: many }).parameters).toHaveLength(1000);
  });

  it('turns relative dates into local-midnight instants for date-times and dates for dates', () => {
    const now = new Date('2024-03-31T10:00:00Z');
    expect(compile({ field: 'at', op: 'today' }, { now }).parameters).toEqual([
      Date.parse('2024-03-30T23:00:00Z'),
      Date.parse('2024-03-31T22:00:00Z'),
    ]);
    expect(compile({ field: 'due', op: 'olderThanNDays', value: 30 }, { now }).parameters).toEqual(['2024-03-01']);
  });
});
