import type { RouteContract } from '@thidua/shared/contracts';
import { pathOf } from '@thidua/shared/contracts/path';
import type * as z from 'zod';
import type { Parser, QueryValue, RequestOptions } from './client';

/** An object type with nothing required (what `{}` means in a conditional type). */
type Empty = Record<never, never>;

/** A route whose success answer is JSON (the client parses it with the contract's schema). */
export type JsonRoute = RouteContract<
  z.ZodType | undefined,
  z.ZodType | undefined,
  z.ZodType | undefined,
  z.ZodType
>;

type Part<K extends string, S, Required extends boolean> = S extends z.ZodType
  ? Required extends true
    ? { [P in K]: z.input<S> }
    : { [P in K]?: z.input<S> }
  : { [P in K]?: undefined };

/**
 * What a call of `C` sends, typed from its contract: path parameters and body as the route parses them,
 * a query (optional when every field is), the Idempotency-Key of a write.
 */
export type CallInput<C> =
  C extends RouteContract<infer P, infer Q, infer B, z.ZodType>
    ? Part<'params', P, true> &
        Part<'query', Q, Q extends z.ZodType ? (Empty extends z.input<Q> ? false : true) : false> &
        Part<'body', B, true> & { idempotencyKey?: string; signal?: AbortSignal }
    : never;

export type CallResult<C> =
  C extends RouteContract<infer _P, infer _Q, infer _B, infer R>
    ? R extends z.ZodType
      ? z.output<R>
      : never
    : never;

/** `call(contract)` when nothing is required, `call(contract, input)` otherwise. */
export type CallArgs<C> = Empty extends CallInput<C> ? [input?: CallInput<C>] : [input: CallInput<C>];

type Request = <T>(
  method: string,
  path: string,
  options: RequestOptions<T> & { schema: Parser<T> },
) => Promise<T>;

/** One route call: the path built from the contract, the query serialised, the answer parsed with its schema. */
export const callRoute = <C extends JsonRoute>(
  request: Request,
  contract: C,
  input: Partial<CallInput<JsonRoute>> = {},
): Promise<CallResult<C>> =>
  request(contract.method, pathOf(contract.path, input.params as Record<string, unknown> | undefined), {
    schema: contract.response as Parser<CallResult<C>>,
    ...(input.query ? { query: input.query as Record<string, QueryValue> } : {}),
    ...(input.body !== undefined ? { body: input.body } : {}),
    ...(input.idempotencyKey ? { idempotencyKey: input.idempotencyKey } : {}),
    ...(input.signal ? { signal: input.signal } : {}),
  });
