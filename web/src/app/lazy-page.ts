import { type ComponentType, lazy } from 'react';

type PageModule = { default: ComponentType };

/**
 * React.lazy with a preload. Once the chunk has arrived (because the warm-up at boot asked for it,
 * see warm-up.ts), the component renders at once: React.lazy suspends on any promise, even a
 * settled one, and React then reveals the page only after its suspense throttle (about 300 ms per
 * nested lazy level), so a loaded chunk is handed over as a thenable that answers synchronously.
 */
export function lazyPage(load: () => Promise<PageModule>) {
  let loaded: PageModule | undefined;
  let loading: Promise<PageModule> | undefined;
  const preload = () => {
    loading ??= load().then((m) => {
      loaded = m;
      return m;
    });
    return loading;
  };
  const Component = lazy(() => {
    const ready = loaded;
    if (ready) return { then: (resolve: (m: PageModule) => void) => resolve(ready) } as unknown as Promise<PageModule>;
    return preload();
  });
  return Object.assign(Component, { preload });
}
