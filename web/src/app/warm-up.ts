import type { QueryClient } from '@tanstack/react-query';
import { fieldsQuery, layoutsQuery, modulesQuery } from '../hooks/api/modules';
import { organizationQuery } from '../hooks/api/organization';
import { meQuery } from '../hooks/api/session';
import { AppLayout, HomePage, RecordListPage, RecordPage } from './router';

/**
 * Starts, at boot and all at once, what the first screen will ask for one after another: the
 * signed-in user, the modules, the organisation's settings, the first page's code and, on a
 * module's list, its fields and layouts. Without it a list is six round trips deep (me → shell code → modules → page code →
 * fields → records); with it, two. Failures are left to the hooks that ask again (a 401 sends the
 * user to sign in as usual).
 */
export function warmUp(queryClient: QueryClient, pathname: string): void {
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
    if (second === undefined) void RecordListPage.preload();
    else if (second !== 'board') void RecordPage.preload();
  } else if (first === '') {
    void HomePage.preload();
  }
}
