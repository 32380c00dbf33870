import { QueryClient } from '@tanstack/react-query';
import { isHttpError } from '../api/errors';

/**
 * Server state policy: data is fresh for 30 s (inboxes move slowly; actions invalidate what they touch),
 * transient failures (no network, 502-504) are retried with backoff, client errors never. A page whose
 * data the API refuses (403) is thrown to the route's error element, which says so (never a blank page).
 */
export const throwsToPage = (error: unknown): boolean => isHttpError(error) && error.status === 403;

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        gcTime: 10 * 60_000,
        refetchOnWindowFocus: true,
        retry: (failureCount, error) => failureCount < 3 && isHttpError(error) && error.isTransient,
        retryDelay: (attempt) => Math.min(1_000 * 2 ** attempt, 10_000),
        throwOnError: throwsToPage,
      },
      mutations: { retry: false },
    },
  });
}
