import { Id } from '@thidua/shared/common';
import * as z from 'zod';

/** The one error shape (documented for every error status). */
export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.array(z.object({ path: z.string(), message: z.string() })),
      current: z.unknown().optional(),
    }),
  })
  .meta({ id: 'Error' });

/** Page size and cursor of every list. */
export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().min(1).max(2048).optional(),
});

// One page of a list: shared, the web app parses pages with it.
export { pageOf } from '@thidua/shared/api';

/** Booleans in a query string. */
export const QueryBool = z.enum(['true', 'false']).transform((v) => v === 'true');

export const IdParam = (name: string) => z.object({ [name]: Id });
