import type { QueryClient } from '@tanstack/react-query';
import { fieldsQuery, layoutsQuery, modulesQuery } from '../hooks/api/modules';
import { organizationQuery } from '../hooks/api/organization';
import { recordListQuery } from '../hooks/api/records';
import { meQuery } from '../hooks/api/session';
import { defaultListQuery } from '../pages/record-list/list-columns';
import { AppLayout, HomePage, RecordListPage, RecordPage } from './router';

/**
 * Starts, at boot and all at once, what the first screen will ask for one after another: the
 * signed-in user, the modules, the organisation's settings, the first page's code and, on a
 * module's list, its fields, layouts and first page of records. Without it a list is six round
 * trips deep (me → shell code → modules → page code → fields → records); with it, two, and the
 * records no longer wait for the page's first render. Failures are left to the hooks that ask again (a 401 sends the
 * user to sign in as usual).
 */
export function warmUp(queryClient: QueryClient, pathname: string, search = ''): void {
  if (pathname === '/login' || pathname === '/setup') return;
  void queryClient.prefetchQuery(meQuery());
  void queryClient.prefetchQuery(modulesQuery());
  // Dates, numbers and money are formatted with the organisation's currency and zone.
  void queryClient.prefetchQuery(organizationQuery());
  void AppLayout.preload();
  const [, first, module, second] = pathname.split('/');
  if (first === 'm' && module) {
    const name = decodeURIComponent(module);
    void queryClient.prefetchQuery(fieldsQuery(name));
    void queryClient.prefetchQuery(layoutsQuery(name));
    if (second === undefined) {
      void RecordListPage.preload();
      // A plain list address (no view, no "My tasks"): its first page too, so the rows come with
      // the page's first render instead of a round trip after it.
      if (!search) prefetchDefaultList(queryClient, name).catch(() => {});
    } else if (second !== 'board') void RecordPage.preload();
  } else if (first === '') {
    void HomePage.preload();
  }
}

async function prefetchDefaultList(queryClient: QueryClient, name: string): Promise<void> {
  const [modules, fields, layouts] = await Promise.all([
    queryClient.ensureQueryData(modulesQuery()),
    queryClient.ensureQueryData(fieldsQuery(name)),
    queryClient.ensureQueryData(layoutsQuery(name)),
  ]);
  const module = modules.find((m) => m.apiName === name);
  if (module) await queryClient.prefetchInfiniteQuery(recordListQuery(name, defaultListQuery(module, fields, layouts)));
}
