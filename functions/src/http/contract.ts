import type { z } from 'zod';

/**
 * What a route accepts and answers, as zod schemas. Handlers parse their input with it, the OpenAPI
 * document is generated from it (with the route table), and the tests check answers against it.
 * Contracts hold no I/O, so the OpenAPI generator can import them without the AWS SDK.
 */
export interface RouteContract<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> {
  operationId: string;
  /** Path parameters (`{submissionId}`), always an object schema. */
  params?: P;
  /** Query string parameters, always an object schema of strings coerced as needed. */
  query?: Q;
  /** JSON body. */
  body?: B;
  /** The success body (JSON), or the media type of a non-JSON answer (CSV). */
  response: R | { mediaType: string; description: string };
  /** Success status (200 unless stated). */
  status?: 200 | 201 | 202 | 204 | 303;
  /** Every error status the route may answer, documented in OpenAPI. */
  errors: readonly ErrorStatus[];
  description?: string;
  /**
   * Writes with effects outside the table (Cognito) look the idempotency record up before running, so a
   * replay never repeats the effect. Table-only writes rely on the record written in their transaction
   * and look it up only when the write is refused (keeps an approval at one read).
   */
  idempotencyPrecheck?: boolean;
}

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 503;

export const defineContract = <
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
>(
  c: RouteContract<P, Q, B, R>,
): RouteContract<P, Q, B, R> => c;

/** Parsed input of a route, typed from its contract. */
export type InputOf<C> =
  C extends RouteContract<infer P, infer Q, infer B, z.ZodType>
    ? { params: z.output<P>; query: z.output<Q>; body: z.output<B> }
    : never;

/** The success body a handler must produce, typed from its contract. */
export type OutputOf<C> =
  C extends RouteContract<z.ZodType, z.ZodType, z.ZodType, infer R> ? z.input<R> : never;
