import type { FastifyRequest } from 'fastify';
import { invalidData, invalidRequest } from '../errors.js';

/** Record writes validate their field values themselves, naming the field (INVALID_DATA). */
const RECORD_WRITES = new Set(['POST /api/v1/records/:module', 'PATCH /api/v1/records/:module', 'PATCH /api/v1/records/:module/:id']);

/**
 * The path of the first NUL character in a value ('' for the value itself), or null.
 * Filters check their own values (answering INVALID_FILTER): the top-level `filter` is theirs.
 */
function findNul(v: unknown, depth = 0): string | null {
  if (typeof v === 'string') return v.includes('\u0000') ? '' : null;
  if (depth > 64 || v === null || typeof v !== 'object') return null;
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    if (k.includes('\u0000')) return k.replace(/\u0000/g, '');
    if (depth === 0 && k === 'filter') continue;
    const inner = findNul(x, depth + 1);
    if (inner !== null) return inner ? `${k}.${inner}` : k;
  }
  return null;
}

function findNonFinite(v: unknown): string | undefined {
  if (v === null || typeof v !== 'object') return undefined;
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    if (typeof x === 'number' && !Number.isFinite(x)) return k;
  }
  return undefined;
}

/**
 * Input no route may see: a NUL character anywhere (PostgreSQL cannot store it in text), and
 * numbers that are not finite after query coercion ("Infinity", "1e999").
 */
export async function rejectHostileInput(request: FastifyRequest): Promise<void> {
  if (findNul(request.params) !== null || findNul(request.query) !== null) throw invalidRequest('The URL contains a NUL character');
  const key = `${request.method} ${request.routeOptions.url}`;
  const inBody = RECORD_WRITES.has(key) ? null : findNul(request.body);
  if (inBody !== null) throw invalidData(inBody || undefined, `'${inBody || 'body'}' may not contain a NUL character`);
  const bad = findNonFinite(request.query);
  if (bad) throw invalidRequest(`'${bad}' must be a finite number`, { field: bad, location: 'querystring' });
}
