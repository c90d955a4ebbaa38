/**
 * Query keys per resource, as in Medusa's dashboard: `all` invalidates everything of a resource,
 * `lists()`/`details()` a kind, `list(query)`/`detail(id)` one entry. Each hook file makes its own
 * with `queryKeysFactory('resource')` and may add keys of its own.
 */
export function queryKeysFactory<const T extends string>(resource: T) {
  return {
    all: [resource] as const,
    lists: () => [resource, 'list'] as const,
    list: (query?: unknown) => [resource, 'list', { query }] as const,
    details: () => [resource, 'detail'] as const,
    detail: (id: string, query?: unknown) => [resource, 'detail', id, { query }] as const,
  };
}
