import type { Field } from '../../api/types';
import { type FilterOp, operandShape, operatorsFor } from './operators';

/** The filter builder's editable model: nested AND/OR groups of conditions. */
export interface FilterCondition {
  id: string;
  field: string;
  op: FilterOp;
  value: unknown;
}

export interface FilterGroup {
  id: string;
  join: 'and' | 'or';
  children: FilterItem[];
}

export type FilterItem = FilterCondition | FilterGroup;

export const isGroup = (item: FilterItem): item is FilterGroup => 'children' in item;

let seq = 0;
export const newId = () => `f${++seq}`;

export const emptyGroup = (join: 'and' | 'or' = 'and'): FilterGroup => ({ id: newId(), join, children: [] });

export function newCondition(field: Field): FilterCondition {
  const op = operatorsFor(field)[0] ?? 'isNotEmpty';
  return { id: newId(), field: field.apiName, op, value: initialValue(op) };
}

/** The value a condition starts with for an operator (kept when the operator keeps its shape). */
export function initialValue(op: FilterOp): unknown {
  switch (operandShape(op)) {
    case 'list':
      return [];
    case 'range':
      return [null, null];
    case 'none':
      return undefined;
    default:
      return null;
  }
}

const filled = (v: unknown) => v !== null && v !== undefined && v !== '';

/** A condition is complete when its operand has what its operator needs. */
export function isComplete(c: FilterCondition): boolean {
  switch (operandShape(c.op)) {
    case 'none':
      return true;
    case 'list':
      return Array.isArray(c.value) && c.value.length > 0;
    case 'range':
      return Array.isArray(c.value) && c.value.length === 2 && filled(c.value[0]) && filled(c.value[1]);
    default:
      return filled(c.value);
  }
}

type ApiNode = { field: string; op: FilterOp; value?: unknown } | { and: ApiNode[] } | { or: ApiNode[] };

/**
 * The API filter JSON (shared/API.md "Filters") for the model: incomplete conditions and empty
 * groups are left out, a group of one is that one; undefined when nothing is left.
 */
export function toApiFilter(item: FilterItem): ApiNode | undefined {
  if (!isGroup(item)) {
    if (!isComplete(item)) return undefined;
    return operandShape(item.op) === 'none' ? { field: item.field, op: item.op } : { field: item.field, op: item.op, value: item.value };
  }
  const parts = item.children.map(toApiFilter).filter((n): n is ApiNode => n !== undefined);
  if (parts.length === 0) return undefined;
  if (parts.length === 1) return parts[0];
  return item.join === 'and' ? { and: parts } : { or: parts };
}

/** The model for an API filter (a saved view's); anything unreadable gives an empty group. */
export function fromApiFilter(filter: unknown): FilterGroup {
  const node = readNode(filter);
  if (!node) return emptyGroup();
  return isGroup(node) ? node : { id: newId(), join: 'and', children: [node] };
}

function readNode(n: unknown): FilterItem | undefined {
  if (!n || typeof n !== 'object') return undefined;
  const o = n as Record<string, unknown>;
  for (const join of ['and', 'or'] as const) {
    if (Array.isArray(o[join])) {
      return { id: newId(), join, children: (o[join] as unknown[]).map(readNode).filter((c): c is FilterItem => c !== undefined) };
    }
  }
  if (typeof o.field === 'string' && typeof o.op === 'string') {
    const op = o.op as FilterOp;
    return { id: newId(), field: o.field, op, value: 'value' in o ? o.value : initialValue(op) };
  }
  return undefined;
}

/** Replaces the item with `id` anywhere in the tree (or removes it when `next` is null). */
export function replaceItem(group: FilterGroup, id: string, next: FilterItem | null): FilterGroup {
  const children: FilterItem[] = [];
  for (const c of group.children) {
    if (c.id === id) {
      if (next) children.push(next);
    } else children.push(isGroup(c) ? replaceItem(c, id, next) : c);
  }
  return { ...group, children };
}

/** Counts the complete conditions (for the "Filters (n)" badge). */
export function countConditions(item: FilterItem): number {
  return isGroup(item) ? item.children.reduce((n, c) => n + countConditions(c), 0) : isComplete(item) ? 1 : 0;
}
