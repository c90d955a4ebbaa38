import { useSyncExternalStore } from 'react';

/**
 * Which module's create form is open, if any. Any screen opens it with `openCreateRecord('leads')`;
 * the shell's CreateRecordHost shows it. `initial` pre-fills fields (e.g. the lookup or relatedTo of
 * a related list); with `stay` the user stays on the current page after saving.
 */
export interface CreateRecordRequest {
  module: string;
  initial?: Record<string, unknown>;
  stay?: boolean;
}

let current: CreateRecordRequest | null = null;
const listeners = new Set<() => void>();

function set(request: CreateRecordRequest | null) {
  current = request;
  for (const l of listeners) l();
}

export const openCreateRecord = (module: string, options: { initial?: Record<string, unknown>; stay?: boolean } = {}) =>
  set({ module, ...options });
export const closeCreateRecord = () => set(null);

function subscribe(l: () => void) {
  listeners.add(l);
  return () => {
    listeners.delete(l);
  };
}

export function useCreateRecordRequest(): CreateRecordRequest | null {
  return useSyncExternalStore(
    subscribe,
    () => current,
    () => null,
  );
}

export function useCreateRecordModule(): string | null {
  return useCreateRecordRequest()?.module ?? null;
}
