import { QueryClient } from '@tanstack/react-query';
import { isHttpError } from '../api/errors';

/**
 * Server state policy: data is fresh for 30 s (inboxes move slowly; actions invalidate what they touch),
 * transient failures (no network, 502-504) are retried with backoff, client errors never. A page whose
 * data the API refuses is thrown to the route's error element, which says so (never a blank page): any
 * 403, and the 404 of a query that is the page's whole content (`meta.wholePage`), since the API answers
 * 404 to hide what is out of the caller's scope.
 */
export const throwsToPage = (error: unknown, meta?: Record<string, unknown>): boolean =>
  isHttpError(error) && (error.status === 403 || (error.status === 404 && meta?.wholePage === true));

/** The `meta` of a query whose refusal means the whole page is not the caller's (a page's main list). */
export const wholePage = { wholePage: true } as const;

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        gcTime: 10 * 60_000,
        refetchOnWindowFocus: true,
        retry: (failureCount, error) => failureCount < 3 && isHttpError(error) && error.isTransient,
        retryDelay: (attempt) => Math.min(1_000 * 2 ** attempt, 10_000),
        throwOnError: (error, query) => throwsToPage(error, query.meta),
      },
      mutations: { retry: false },
    },
  });
}
