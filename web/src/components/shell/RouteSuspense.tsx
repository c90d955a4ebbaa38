import { Suspense } from 'react';
import { Outlet } from 'react-router';
import { PageLoader } from './PageLoader';

export function RouteSuspense() {
  return (
    <Suspense fallback={<PageLoader fullScreen />}>
      <Outlet />
    </Suspense>
  );
}
