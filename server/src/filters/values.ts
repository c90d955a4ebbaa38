import { fold } from '../db/fold.js';
import { DomainError, invalidFilter } from '../errors.js';
import { lookupId } from '../metadata/field-types/check.js';
import { isValidDate } from '../metadata/field-types/date.js';
import { parseInstant } from '../metadata/field-types/datetime.js';
import { fieldType } from '../metadata/field-types/index.js';
import { matchOption } from '../metadata/field-types/picklist.js';
import type { FieldDef } from '../metadata/types.js';
import { type OperandShape, operandShape } from './operators.js';
import { isWellFormedText } from './text-order.js';
import { type CompareKind, type FilterOp, ME, type Operand, type Scalar, type Subject } from './types.js';

export const MAX_LIST_VALUES = 1000;
export const MAX_DAYS = 36500;
// SQLite refuses LIKE patterns over 50,000 bytes; 10,000 UTF-16 units stay under it even escaped.
const MAX_TEXT_LENGTH = 10000;

/** What a value is checked against: the condition it belongs to. */
export interface ValueContext {
  path: string;
  op: FilterOp;
  kind: CompareKind;
  subject: Subject;
  fold: boolean;
}

/** Validates a condition's `value` for its operator and field, and turns it into comparison form. */
export function parseOperand(raw: unknown, ctx: ValueContext): Operand {
  const shape: OperandShape = operandShape(ctx.op);
  switch (shape) {
    case 'none':
      if (raw !== undefined && raw !== null) throw bad(ctx, `'${ctx.op}' takes no value`);
      return { type: 'none' };
    case 'days':
      if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 0 || raw > MAX_DAYS) {
        throw bad(ctx, `'${ctx.op}' needs a whole number of days from 0 to ${MAX_DAYS}`);
      }
      return { type: 'days', days: raw };
    case 'range': {
      if (!Array.isArray(raw) || raw.length !== 2) throw bad(ctx, `'between' needs [from, to]`);
      return { type: 'range', from: scalarValue(raw[0], ctx), to: scalarValue(raw[1], ctx) };
    }
    case 'list': {
      if (!Array.isArray(raw) || raw.length === 0 || raw.length > MAX_LIST_VALUES) {
        throw bad(ctx, `'${ctx.op}' needs an array of 1 to ${MAX_LIST_VALUES} values`);
      }
      return { type: 'list', values: [...new Set(raw.map((v) => scalarValue(v, ctx)))] };
    }
    case 'scalar':
      return { type: 'scalar', value: scalarValue(raw, ctx) };
  }
}

function scalarValue(raw: unknown, ctx: ValueContext): Scalar {
  switch (ctx.kind) {
    case 'text':
      return textValue(raw, ctx);
    case 'picklist':
      return ctx.fold ? textValue(raw, ctx) : optionValue(raw, ctx);
    case 'multi':
      // A tag (folded, free text) holds no control character; one would reach across the stored separators.
      if (ctx.fold && typeof raw === 'string' && /\p{Cc}/u.test(raw)) throw bad(ctx, 'needs a tag without control characters');
      return ctx.fold ? textValue(raw, ctx) : optionValue(raw, ctx);
    case 'number':
      return numberValue(raw, ctx);
    case 'date':
      if (typeof raw !== 'string' || !isValidDate(raw)) throw bad(ctx, 'needs a date YYYY-MM-DD');
      return raw;
    case 'datetime': {
      const ms = typeof raw === 'string' ? parseInstant(raw) : null;
      if (ms === null) throw bad(ctx, 'needs an ISO 8601 date-time with a zone, e.g. 2026-05-01T09:30:00Z');
      return ms;
    }
    case 'boolean':
      if (typeof raw !== 'boolean') throw bad(ctx, 'needs true or false');
      return raw;
    case 'ref':
      if (raw === ME && subjectField(ctx).type === 'user') return ME;
      return asFilterError(() => lookupId(raw, subjectField(ctx)), ctx);
    case 'id':
      if (typeof raw !== 'string') throw bad(ctx, 'needs a record id');
      return asFilterError(() => lookupId(raw, { apiName: 'id' } as FieldDef), ctx);
    case 'opaque':
      throw bad(ctx, 'takes no value');
  }
}

function textValue(raw: unknown, ctx: ValueContext): string {
  if (typeof raw !== 'string' || raw === '') throw bad(ctx, 'needs a non-empty text (use isEmpty for empty values)');
  if (raw.length > MAX_TEXT_LENGTH || raw.includes('\u0000') || !isWellFormedText(raw)) {
    throw bad(ctx, `needs a text of at most ${MAX_TEXT_LENGTH} characters without NUL or lone surrogates`);
  }
  return ctx.fold ? fold(raw) : raw;
}

/** Options match case-insensitively and are kept in their canonical spelling, like stored values. */
function optionValue(raw: unknown, ctx: ValueContext): string {
  if (typeof raw !== 'string') throw bad(ctx, 'needs an option of the field');
  const option = matchOption(subjectField(ctx), raw);
  if (!option) throw bad(ctx, `'${raw}' is not an option of '${ctx.path}'`);
  return option.value;
}

/** Checked by the field's own type (range, decimals) and scaled like storage, so SQL compares exactly. */
function numberValue(raw: unknown, ctx: ValueContext): number {
  if (typeof raw !== 'number' || !Number.isFinite(raw)) throw bad(ctx, 'needs a finite number');
  const field = subjectField(ctx);
  const type = fieldType(field.type);
  asFilterError(() => type.parse(raw, field, { current: null }), ctx);
  const stored = type.toStorageScalar ? Number(type.toStorageScalar(raw)) : raw;
  const integral = type.columns[0]?.kind === 'integer' || type.columns[0]?.kind === 'bigint';
  // An integer column cannot be compared with a fraction on PostgreSQL (the parameter takes the column's type).
  if (integral && !Number.isSafeInteger(stored)) throw bad(ctx, 'needs a whole number');
  return stored;
}

function subjectField(ctx: ValueContext): FieldDef {
  if (ctx.subject.source === 'id') throw new Error('the id has no field definition');
  return ctx.subject.field;
}

/** Reuses the field types' checks, reporting their complaint as a filter problem. */
function asFilterError<T>(check: () => T, ctx: ValueContext): T {
  try {
    return check();
  } catch (e) {
    if (e instanceof DomainError) throw invalidFilter(`Invalid value for '${ctx.path}' with '${ctx.op}': ${e.message}`, details(ctx));
    throw e;
  }
}

const details = (ctx: ValueContext) => ({ field: ctx.path, op: ctx.op });

const bad = (ctx: ValueContext, what: string) => invalidFilter(`'${ctx.path}' with '${ctx.op}' ${what}`, details(ctx));
