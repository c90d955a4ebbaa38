/**
 * Converted leads are hidden from the default lead list (issue 4): without a saved view, and unless
 * the user filters on `converted` themselves, the list asks only for leads not converted.
 */
export function hideConvertedLeads(module: string | undefined, viewId: string | null, filter: unknown): unknown {
  if (module !== 'leads' || viewId) return filter;
  if (filter !== undefined && JSON.stringify(filter).includes('"field":"converted"')) return filter;
  const notConverted = { field: 'converted', op: 'neq', value: true };
  return filter === undefined ? notConverted : { and: [filter, notConverted] };
}
