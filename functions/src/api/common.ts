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
      /** 502 `corrupt_item`: the stored item that does not match its schema. */
      item: z.object({ type: z.string(), pk: z.string(), sk: z.string() }).optional(),
      /** 500 and 502: the request id to quote to the operator (it is in the request's log line). */
      requestId: z.string().optional(),
    }),
  })
  .meta({ id: 'Error' });

/**
 * What API Gateway itself answers before any function runs: the JWT authorizer's 401
 * (`{"message":"Unauthorized"}`), an unknown route's 404 (`{"message":"Not Found"}`), a timeout's 503.
 * HTTP APIs cannot change these bodies; the local gateway answers the same.
 */
export const GatewayErrorBody = z.object({ message: z.string() }).meta({ id: 'GatewayError' });

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
