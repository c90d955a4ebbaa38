import type { MetadataSnapshot, ModuleDef } from '../metadata/types.js';
import { matchesRecord } from './evaluate.js';
import { parseFilter } from './parse.js';
import type { FilterEnv, FilterNode } from './types.js';

// Stored criteria are parsed once per metadata snapshot (snapshots are immutable).
const cache = new WeakMap<object, FilterNode | null>();

/**
 * Whether a record (API shape) matches stored criteria (null matches everything). Criteria were
 * checked when saved; if metadata changed since and they no longer parse, they match nothing.
 */
export function criteriaMatch(
  criteria: unknown,
  record: Readonly<Record<string, unknown>>,
  env: { meta: MetadataSnapshot; module: ModuleDef; dialect: 'sqlite' | 'postgres'; userId: string; now: Date; timeZone?: string },
): boolean {
  if (criteria === null || criteria === undefined) return true;
  if (typeof criteria !== 'object') return false;
  let node = cache.get(criteria);
  if (node === undefined) {
    try {
      node = parseFilter(criteria, env.module, env.meta);
    } catch {
      node = null;
    }
    cache.set(criteria, node);
  }
  if (node === null) return false;
  // Callers that test many criteria against one record pass the zone, sparing a copy per test.
  return matchesRecord(node, record, env.timeZone === undefined ? { ...env, timeZone: env.meta.org.timeZone } : (env as FilterEnv));
}
