/** Recently opened records, newest first, kept in this browser (per user) for the global search. */
export interface RecentItem {
  module: string;
  id: string;
  name: string | null;
}

const MAX = 8;
const keyFor = (userId: string) => `rapport.recent.${userId}`;
const listeners = new Set<() => void>();

export function readRecentItems(userId: string | undefined): RecentItem[] {
  if (!userId) return [];
  try {
    const raw = JSON.parse(localStorage.getItem(keyFor(userId)) ?? '[]') as unknown;
    if (!Array.isArray(raw)) return [];
    return raw
      .filter((r): r is RecentItem => typeof r?.module === 'string' && typeof r?.id === 'string')
      .map((r) => ({ module: r.module, id: r.id, name: typeof r.name === 'string' ? r.name : null }))
      .slice(0, MAX);
  } catch {
    return [];
  }
}

export function rememberRecentItem(userId: string | undefined, item: RecentItem): void {
  if (!userId) return;
  const rest = readRecentItems(userId).filter((r) => !(r.module === item.module && r.id === item.id));
  try {
    localStorage.setItem(keyFor(userId), JSON.stringify([item, ...rest].slice(0, MAX)));
  } catch {
    return;
  }
  for (const l of listeners) l();
}

export function subscribeRecentItems(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
