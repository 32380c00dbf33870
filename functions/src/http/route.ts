import { randomUUID } from 'node:crypto';
import middy, { type MiddlewareObj } from '@middy/core';
import { type InputOf, type RouteAuth, type RouteContract, routeKey } from '@thidua/shared/contracts';
import type { Identity } from '@thidua/shared/org';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import * as z from 'zod';
import { vi } from 'zod/locales';
import type { IdempotencyStore } from '../data/idempotency-store';
import type { TxItem } from '../data/transact';
import { toErrorResponse } from './error-response';
import { NotFound } from './errors';
import {
  type IdempotencyHandle,
  idempotencyHandle,
  mayBeReplay,
  rememberItems,
  replayOf,
} from './idempotency';
import { identityFromEvent } from './identity';
import { type ParsedInput, parseInput } from './input';
import type { HttpResult } from './response';

// Users read zod's messages next to their fields: Vietnamese.
z.config(vi());

/** What a route implementation receives: its input parsed and typed, the caller, the clock. */
export interface PublicRequest<C extends RouteContract> {
  params: InputOf<C>['params'];
  query: InputOf<C>['query'];
  body: InputOf<C>['body'];
  event: APIGatewayProxyEventV2;
  requestId: string;
  now: Date;
}

export interface UserRequest<C extends RouteContract> extends PublicRequest<C> {
  identity: Identity;
  /**
   * Transaction items that store `response` as the answer to this request's `Idempotency-Key`; empty
   * without a key. A write route adds them to its one transaction.
   */
  remember(response: HttpResult): TxItem[];
}

export interface RouteImpl {
  contract: RouteContract;
  auth: RouteAuth;
  run(state: RequestState): Promise<HttpResult>;
}

interface RequestState {
  event: APIGatewayProxyEventV2;
  requestId: string;
  now: Date;
  identity: Identity | null;
  input: ParsedInput;
  idempotency: IdempotencyHandle | null;
  store: IdempotencyStore | undefined;
}

export const userRoute = <C extends RouteContract>(
  contract: C,
  fn: (req: UserRequest<C>) => Promise<HttpResult>,
): RouteImpl => ({
  contract,
  auth: 'user',
  run: (s) => {
    if (s.identity === null) throw new Error(`route ${contract.operationId} ran without an identity`);
    const { idempotency, store, now } = s;
    return fn({
      ...(s.input as InputOf<C>),
      identity: s.identity,
      event: s.event,
      requestId: s.requestId,
      now,
      remember: (response) => (store ? rememberItems(store, idempotency, response, now) : []),
    });
  },
});

export const publicRoute = <C extends RouteContract>(
  contract: C,
  fn: (req: PublicRequest<C>) => Promise<HttpResult>,
): RouteImpl => ({
  contract,
  auth: 'public',
  run: (s) => fn({ ...(s.input as InputOf<C>), event: s.event, requestId: s.requestId, now: s.now }),
});

type AppContext = Context & { thidua: RequestState };
type Mw = MiddlewareObj<APIGatewayProxyEventV2, HttpResult, Error, AppContext>;

const state = (ctx: AppContext): RequestState => ctx.thidua;

/** The caller from the verified token (user routes); 401 otherwise. */
const authenticate = (auth: RouteAuth): Mw => ({
  before: (request) => {
    if (auth === 'user') state(request.context).identity = identityFromEvent(request.event);
  },
});

const validateInput = (contract: RouteContract): Mw => ({
  before: (request) => {
    state(request.context).input = parseInput(request.event, contract);
  },
});

const idempotency = (contract: RouteContract, store: IdempotencyStore | undefined): Mw => ({
  before: async (request) => {
    const s = state(request.context);
    if (contract.method === 'GET' || store === undefined) return undefined;
    s.idempotency = idempotencyHandle(request.event, s.identity);
    if (s.idempotency !== null && contract.idempotencyPrecheck) {
      return (await replayOf(store, s.idempotency)) ?? undefined;
    }
    return undefined;
  },
  onError: async (request) => {
    const s = state(request.context);
    if (s.idempotency === null || store === undefined || !mayBeReplay(request.error)) return undefined;
    try {
      const replay = await replayOf(store, s.idempotency);
      if (replay) request.response = replay;
    } catch (err) {
      request.response = toErrorResponse(err, s.requestId);
    }
    return undefined;
  },
});

/** Registered last, so its `onError` runs first: every error leaves as the one error shape. */
const errorHandler = (): Mw => ({
  onError: (request) => {
    request.response = toErrorResponse(request.error, state(request.context).requestId);
  },
});

const buildRoute = (impl: RouteImpl, store: IdempotencyStore | undefined) =>
  middy<APIGatewayProxyEventV2, HttpResult, Error, AppContext>()
    .use(authenticate(impl.contract.auth))
    .use(validateInput(impl.contract))
    .use(idempotency(impl.contract, store))
    .use(errorHandler())
    .handler(async (_event, context) => impl.run(state(context)));

export interface GroupOptions {
  /** Needed by groups with write routes. */
  idempotency?: IdempotencyStore;
}

export type GroupHandler = (event: APIGatewayProxyEventV2, context?: Context) => Promise<HttpResult>;

/**
 * One Lambda per route group: `contracts` are the group's routes (`shared/src/contracts/<group>.ts`), and
 * each must have exactly one implementation (`userRoute(contract, fn)`, same auth), checked when the
 * module loads. Only the group's own contracts are bundled.
 */
export const createGroupHandler = (
  contracts: Readonly<Record<string, RouteContract>>,
  impls: readonly RouteImpl[],
  options: GroupOptions = {},
): GroupHandler => {
  const defs = Object.values(contracts);
  const group = defs[0]?.group;
  const handlers = new Map<string, ReturnType<typeof buildRoute>>();
  for (const impl of impls) {
    const c = impl.contract;
    if (!defs.includes(c)) throw new Error(`group ${group}: ${c.operationId} is not a route of this group`);
    if (impl.auth !== c.auth) throw new Error(`group ${group}: ${c.operationId} is a ${c.auth} route`);
    if (handlers.has(routeKey(c))) throw new Error(`group ${group}: ${c.operationId} implemented twice`);
    handlers.set(routeKey(c), buildRoute(impl, options.idempotency));
  }
  if (defs.some((c) => c.group !== group)) throw new Error(`group ${group}: contracts of several groups`);
  const missing = defs.filter((c) => !handlers.has(routeKey(c)));
  if (missing.length > 0) {
    throw new Error(`group ${group}: no implementation for ${missing.map((c) => c.operationId).join(', ')}`);
  }

  return async (event, context) => {
    const requestId = event.requestContext?.requestId ?? randomUUID();
    const h = handlers.get(event.routeKey);
    if (!h) return toErrorResponse(new NotFound(), requestId);
    const s: RequestState = {
      event,
      requestId,
      now: new Date(),
      identity: null,
      input: { params: undefined, query: undefined, body: undefined },
      idempotency: null,
      store: options.idempotency,
    };
    // A fresh context per invocation (the prototype keeps Lambda's methods) so requests never share state.
    const ctx: AppContext = Object.assign(Object.create(context ?? null), { thidua: s });
    return h(event, ctx);
  };
};
