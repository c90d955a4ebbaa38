import { invalidData } from '../../errors.js';
import type { FieldDef } from '../types.js';

/** Shared checks that several types apply to raw input. */
export function isEmptyInput(v: unknown): boolean {
  return v === null || v === undefined || v === '';
}

export function expectString(v: unknown, field: FieldDef): string {
  if (typeof v !== 'string') throw invalidData(field.apiName, `'${field.apiName}' must be a string`);
  if (v.includes('\u0000')) throw invalidData(field.apiName, `'${field.apiName}' may not contain a NUL character`);
  // A lone surrogate is not Unicode: the engines would store it as something else.
  if (!(v as string & { isWellFormed(): boolean }).isWellFormed()) {
    throw invalidData(field.apiName, `'${field.apiName}' is not well-formed Unicode`);
  }
  return v;
}

export function expectMaxLength(v: string, max: number, field: FieldDef): string {
  // Length in characters (code points), as a person counts them.
  let n = 0;
  for (const _ of v) {
    n++;
    if (n > max) throw invalidData(field.apiName, `'${field.apiName}' is longer than ${max} characters`, { maxLength: max });
  }
  return v;
}

export function expectFiniteNumber(v: unknown, field: FieldDef): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    throw invalidData(field.apiName, `'${field.apiName}' must be a finite number`);
  }
  return v;
}

/** True when `v` has at most `decimals` digits after the point (as written in JSON). */
export function hasAtMostDecimals(v: number, decimals: number): boolean {
  return Number(v.toFixed(decimals)) === v;
}

export function lookupId(v: unknown, field: FieldDef): string {
  const id = typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as { id?: unknown }).id : v;
  if (typeof id !== 'string' || id.length === 0 || id.length > 64 || !/^[A-Za-z0-9_-]+$/.test(id)) {
    throw invalidData(field.apiName, `'${field.apiName}' must be a record id or {"id": "..."}`);
  }
  return id;
}
