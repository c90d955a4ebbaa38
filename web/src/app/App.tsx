import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { setUnauthenticatedHandler } from '../api/client';
import { createQueryClient } from './query-client';
import { createAppRouter } from './router';
import { createSessionLostHandler } from './session-lost';
import { cssVariablesResolver, theme } from './theme';
import { warmUp } from './warm-up';

const queryClient = createQueryClient();
const router = createAppRouter();
setUnauthenticatedHandler(createSessionLostHandler(router, queryClient));
warmUp(queryClient, window.location.pathname, window.location.search);

export function App() {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="auto">
      {/* Top centre, narrow: over the header's empty middle, not over its controls, a dialog's
          buttons or a list's actions (a toast under the pointer pauses and would stay). */}
      <Notifications position="top-center" containerWidth={340} />
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}
