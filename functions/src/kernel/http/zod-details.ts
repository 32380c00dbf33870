import type { ZodError } from 'zod';
import type { ErrorDetail } from './errors';

export type InputLocation = 'body' | 'query' | 'path' | 'header';

/** zod issues → `[{ path: 'body.data.q1', message }]`, the path prefixed with where the input came from. */
export const zodDetails = (err: ZodError, location: InputLocation): ErrorDetail[] =>
  err.issues.map((issue) => ({
    path: [location, ...issue.path.map((p) => String(p))].join('.'),
    message: issue.message,
  }));
