/**
 * Paths of routes, free of zod: the web shell builds URLs with them without loading any schema.
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export const routeKey = (r: { method: HttpMethod; path: string }): string => `${r.method} ${r.path}`;

/** The path of a route (`/submissions/{submissionId}`) with its parameters filled in, each URI-encoded. */
export const pathOf = (path: string, params: Readonly<Record<string, unknown>> | undefined): string =>
  path.replace(/\{([A-Za-z0-9_]+)\}/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null || value === '')
      throw new Error(`${path}: missing path parameter ${name}`);
    return encodeURIComponent(String(value));
  });
