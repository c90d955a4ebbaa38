import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/client';

/** Errors the API means (4xx) are not retried; a network blip or 5xx is, twice. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failureCount, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failureCount < 2,
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}
