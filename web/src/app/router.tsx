import { lazy } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { RequireAuth } from '../components/shell/RequireAuth';
import { RouteError } from '../components/shell/RouteError';
import { RouteSuspense } from '../components/shell/RouteSuspense';
import { lazyPage } from './lazy-page';

// Every page is its own chunk: the first visit downloads only what its route needs.
const PublicLayout = lazy(() => import('../components/shell/PublicLayout'));
export const AppLayout = lazyPage(() => import('../components/shell/AppLayout'));
const SetupPage = lazy(() => import('../pages/setup/SetupPage'));
const LoginPage = lazy(() => import('../pages/login/LoginPage'));
export const HomePage = lazyPage(() => import('../pages/home/HomePage'));
export const RecordListPage = lazyPage(() => import('../pages/record-list/RecordListPage'));
const BoardPage = lazy(() => import('../pages/board/BoardPage'));
const PipelinesPage = lazy(() => import('../pages/settings/pipelines/PipelinesPage'));
const LeadConversionPage = lazy(() => import('../pages/settings/lead-conversion/LeadConversionPage'));
export const RecordPage = lazyPage(() => import('../pages/record-detail/RecordPage'));
const RecordEditPage = lazy(() => import('../pages/record-detail/RecordEditPage'));
const SettingsLayout = lazy(() => import('../pages/settings/SettingsLayout'));
const ModulesPage = lazy(() => import('../pages/settings/ModulesPage'));
const FieldsPage = lazy(() => import('../pages/settings/FieldsPage'));
const UsersPage = lazy(() => import('../pages/settings/UsersPage'));
const ApiTokensPage = lazy(() => import('../pages/settings/ApiTokensPage'));
const RecycleBinPage = lazy(() => import('../pages/settings/RecycleBinPage'));
const OrganizationPage = lazy(() => import('../pages/settings/OrganizationPage'));
const LayoutEditorPage = lazy(() => import('../pages/settings/LayoutEditorPage'));
const SampleDataPage = lazy(() => import('../pages/settings/SampleDataPage'));
const AutomationPage = lazy(() => import('../pages/settings/automation/AutomationPage'));
const AutomationRuleEditorPage = lazy(() => import('../pages/settings/automation/RuleEditorPage'));
const JobsPage = lazy(() => import('../pages/settings/jobs/JobsPage'));
const NotificationSettingsPage = lazy(() => import('../pages/settings/notifications/NotificationSettingsPage'));
const CalendarPage = lazy(() => import('../pages/calendar/CalendarPage'));
const NotFoundPage = lazy(() => import('../pages/not-found/NotFoundPage'));

/**
 * The app's routes. A new area adds its page folder under src/pages and one entry here, inside
 * the signed-in layout (AppLayout) unless it is public.
 */
export const routes: RouteObject[] = [
  {
    element: <RouteSuspense />,
    errorElement: <RouteError />,
    children: [
      {
        element: <PublicLayout />,
        children: [
          { path: '/setup', element: <SetupPage /> },
          { path: '/login', element: <LoginPage /> },
        ],
      },
      {
        element: <RequireAuth />,
        children: [
          {
            element: <AppLayout />,
            children: [
              { index: true, element: <HomePage /> },
              { path: 'calendar', element: <CalendarPage /> },
              { path: 'm/:module', element: <RecordListPage /> },
              { path: 'm/:module/board', element: <BoardPage /> },
              { path: 'm/:module/:id', element: <RecordPage /> },
              { path: 'm/:module/:id/edit', element: <RecordEditPage /> },
              {
                path: 'settings',
                element: <SettingsLayout />,
                children: [
                  { index: true, element: null },
                  { path: 'modules', element: <ModulesPage /> },
                  { path: 'modules/:module', element: <FieldsPage /> },
                  { path: 'modules/:module/layout', element: <LayoutEditorPage /> },
                  { path: 'sample-data', element: <SampleDataPage /> },
                  { path: 'users', element: <UsersPage /> },
                  { path: 'api-tokens', element: <ApiTokensPage /> },
                  { path: 'recycle-bin', element: <RecycleBinPage /> },
                  { path: 'organization', element: <OrganizationPage /> },
                  { path: 'automation', element: <AutomationPage /> },
                  { path: 'automation/:tab/:id', element: <AutomationRuleEditorPage /> },
                  { path: 'jobs', element: <JobsPage /> },
                  { path: 'notifications', element: <NotificationSettingsPage /> },
                  { path: 'pipelines', element: <PipelinesPage /> },
                  { path: 'lead-conversion', element: <LeadConversionPage /> },
                ],
              },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
