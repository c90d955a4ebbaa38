import { type RawBuilder, type SqlBool, sql } from 'kysely';
import { collateC, containsSql, foldSql } from '../db/dialect.js';
import { MULTI_SEP } from '../metadata/field-types/multiselect.js';
import { listOf, rangeOf, scalarOf, spanOf } from './operand.js';
import { isRelativeDateOp, matchesEmpty } from './operators.js';
import { escapeLike } from './text-order.js';
import type { CompareKind, FilterCondition, FilterEnv, FilterNode, Subject } from './types.js';

type Sql = RawBuilder<unknown>;

/**
 * Compiles a filter to a boolean SQL expression over the module's record table. Every
 * condition is two-valued (never NULL), so it can be negated and nested safely, and it selects
 * exactly what `matchesRecord` accepts (NULL semantics in operators.ts `matchesEmpty`).
 */
export function filterToSql(node: FilterNode, env: FilterEnv): RawBuilder<SqlBool> {
  switch (node.type) {
    case 'and':
    case 'or':
      return sql<SqlBool>`(${sql.join(
        node.children.map((child) => filterToSql(child, env)),
        sql.raw(` ${node.type} `),
      )})`;
    case 'condition':
      return sql<SqlBool>`${conditionSql(node, env)}`;
  }
}

function conditionSql(c: FilterCondition, env: FilterEnv): Sql {
  if (c.subject.source === 'relatedName') return relatedNameSql(c, c.subject, env);
  return valueSql(c, column(env, c.subject.source === 'id' ? 'id' : c.subject.field.apiName), env);
}

const column = (env: FilterEnv, name: string): Sql => (env.tableAlias ? sql.id(env.tableAlias, name) : sql.id(name));

/** The condition applied to one value expression: a column, or a related record's name. */
function valueSql(c: FilterCondition, value: Sql, env: FilterEnv): Sql {
  if (c.kind === 'boolean') {
    // Unset is false; neq true is eq false.
    const wantTrue = (scalarOf(c, env) === true) === (c.op === 'eq');
    return sql`(coalesce(${value}, 0) = ${sql.lit(wantTrue ? 1 : 0)})`;
  }
  if (c.op === 'isEmpty') return absent(c.kind, value);
  if (c.op === 'isNotEmpty') return present(c.kind, value);
  const test = presentTest(c, value, env);
  return matchesEmpty(c.op) ? sql`(${absent(c.kind, value)} or ${test})` : sql`(${present(c.kind, value)} and ${test})`;
}

const storedAsNumber = (kind: CompareKind) => kind === 'number' || kind === 'datetime';

// Empty text is '' as well as NULL, as in the in-memory evaluator.
const present = (kind: CompareKind, e: Sql): Sql =>
  storedAsNumber(kind) ? sql`(${e} is not null)` : sql`(${e} is not null and ${e} <> '')`;
const absent = (kind: CompareKind, e: Sql): Sql => (storedAsNumber(kind) ? sql`(${e} is null)` : sql`(${e} is null or ${e} = '')`);

/** The comparison for a non-empty value. */
function presentTest(c: FilterCondition, value: Sql, env: FilterEnv): Sql {
  const d = env.dialect;
  const cmp = c.fold ? foldSql(d, value) : value;
  // Text order is code point order on both engines; numbers need no collation.
  const ordered = c.kind === 'text' || c.kind === 'date' ? collateC(d, cmp) : cmp;
  if (isRelativeDateOp(c.op)) {
    const { from, to } = spanOf(c, env);
    const bounds: Sql[] = [];
    if (from !== undefined) bounds.push(sql`${ordered} >= ${from}`);
    if (to !== undefined) bounds.push(sql`${ordered} < ${to}`);
    return bounds.length ? sql`(${sql.join(bounds, sql` and `)})` : sql`(1 = 1)`;
  }
  switch (c.op) {
    case 'eq':
      return sql`${cmp} = ${scalarOf(c, env)}`;
    case 'neq':
      return sql`${cmp} <> ${scalarOf(c, env)}`;
    case 'lt':
      return sql`${ordered} < ${scalarOf(c, env)}`;
    case 'lte':
      return sql`${ordered} <= ${scalarOf(c, env)}`;
    case 'gt':
      return sql`${ordered} > ${scalarOf(c, env)}`;
    case 'gte':
      return sql`${ordered} >= ${scalarOf(c, env)}`;
    case 'between': {
      const [from, to] = rangeOf(c, env);
      return sql`(${ordered} >= ${from} and ${ordered} <= ${to})`;
    }
    case 'in':
      return sql`${cmp} in (${sql.join(listOf(c, env))})`;
    case 'notIn':
      return sql`${cmp} not in (${sql.join(listOf(c, env))})`;
    case 'contains':
      return containsSql(d, cmp, scalarOf(c, env));
    case 'notContains':
      return sql`not (${containsSql(d, cmp, scalarOf(c, env))})`;
    case 'startsWith':
      return like(cmp, `${escapeLike(String(scalarOf(c, env)))}%`);
    case 'endsWith':
      return like(cmp, `%${escapeLike(String(scalarOf(c, env)))}`);
    case 'includesAny':
    case 'includesAll': {
      // Stored as "\u001eA\u001eB\u001e": an option is included when it occurs wrapped in separators.
      // Tags compare folded: both the stored list and the wanted tags are lower-cased.
      const each = listOf(c, env).map((o) => containsSql(d, cmp, `${MULTI_SEP}${o}${MULTI_SEP}`));
      return sql`(${sql.join(each, sql.raw(c.op === 'includesAll' ? ' and ' : ' or '))})`;
    }
    default:
      throw new Error(`'${c.op}' cannot compare a ${c.kind} value`);
  }
}

const like = (value: Sql, pattern: string): Sql => sql`${value} like ${pattern} escape ${sql.raw(`'\\'`)}`;

/**
 * `account.name`: the lookup points to a record whose name passes the condition. When the
 * condition also matches an empty name (neq, notIn, notContains, isEmpty), a missing or dangling
 * reference matches too, so it is written as "not pointing to a record that fails it". The
 * uncorrelated subquery lets the engine evaluate the name condition once.
 */
function relatedNameSql(c: FilterCondition, subject: Extract<Subject, { source: 'relatedName' }>, env: FilterEnv): Sql {
  const ref = column(env, subject.field.apiName);
  const nameCondition = valueSql(c, sql.id('__ref', subject.nameColumn), env);
  const ids = (where: Sql) => sql`select ${sql.id('__ref', 'id')} from ${sql.id(subject.table)} as ${sql.id('__ref')} where ${where}`;
  return matchesEmpty(c.op)
    ? sql`(${ref} is null or ${ref} not in (${ids(sql`not ${nameCondition}`)}))`
    : sql`(${ref} is not null and ${ref} in (${ids(nameCondition)}))`;
}
