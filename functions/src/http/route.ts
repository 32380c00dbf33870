import { randomUUID } from 'node:crypto';
import middy, { type MiddlewareObj } from '@middy/core';
import type { Identity } from '@thidua/shared/org';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import * as z from 'zod';
import { vi } from 'zod/locales';
import type { IdempotencyStore } from '../data/idempotency-store';
import type { TxItem } from '../data/transact';
import { type RouteDef, type RouteGroup, routeKey, routes } from '../routes';
import type { InputOf, RouteContract } from './contract';
import { toErrorResponse } from './error-response';
import { NotFound } from './errors';
import {
  type IdempotencyHandle,
  idempotencyHandle,
  mayBeReplay,
  rememberItems,
  replayOf,
} from './idempotency';
import { type AccountCheck, identityFromEvent } from './identity';
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
  auth: RouteDef['auth'];
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

/**
 * The caller (user routes): the verified token says who, the user record says what they may do now
 * (active, unit, roles); 401 without a valid token or for an unknown or deactivated account.
 */
const authenticate = (auth: RouteDef['auth'], accounts: AccountCheck | undefined): Mw => ({
  before: async (request) => {
    if (auth !== 'user') return;
    const token = identityFromEvent(request.event);
    if (!accounts) throw new Error('user routes need an account check');
    state(request.context).identity = await accounts.resolve(token);
  },
});

const validateInput = (contract: RouteContract): Mw => ({
  before: (request) => {
    state(request.context).input = parseInput(request.event, contract);
  },
});

const idempotency = (def: RouteDef, contract: RouteContract, store: IdempotencyStore | undefined): Mw => ({
  before: async (request) => {
    const s = state(request.context);
    if (def.method === 'GET' || store === undefined) return undefined;
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

const buildRoute = (def: RouteDef, impl: RouteImpl, options: GroupOptions) =>
  middy<APIGatewayProxyEventV2, HttpResult, Error, AppContext>()
    .use(authenticate(def.auth, options.accounts))
    .use(validateInput(impl.contract))
    .use(idempotency(def, impl.contract, options.idempotency))
    .use(errorHandler())
    .handler(async (_event, context) => impl.run(state(context)));

export interface GroupOptions {
  /** Needed by groups with write routes. */
  idempotency?: IdempotencyStore;
  /** Needed by groups with user routes: the caller's authority comes from the user record. */
  accounts?: AccountCheck;
}

export type GroupHandler = (event: APIGatewayProxyEventV2, context?: Context) => Promise<HttpResult>;

/**
 * One Lambda per route group: every route of `group` in the route table must have exactly one
 * implementation (matched by operationId, same auth), checked when the module loads.
 */
export const createGroupHandler = (
  group: RouteGroup,
  impls: readonly RouteImpl[],
  options: GroupOptions = {},
  table: readonly RouteDef[] = routes,
): GroupHandler => {
  const defs = table.filter((r) => r.group === group);
  const byOperation = new Map(impls.map((i) => [i.contract.operationId, i]));
  const handlers = new Map<string, ReturnType<typeof buildRoute>>();
  for (const def of defs) {
    const impl = byOperation.get(def.operationId);
    if (!impl) throw new Error(`group ${group}: no implementation for ${def.operationId} (${routeKey(def)})`);
    if (impl.auth !== def.auth)
      throw new Error(`group ${group}: ${def.operationId} auth differs from the route table`);
    handlers.set(routeKey(def), buildRoute(def, impl, options));
    byOperation.delete(def.operationId);
  }
  if (byOperation.size > 0) {
    throw new Error(`group ${group}: implementations without a route: ${[...byOperation.keys()].join(', ')}`);
  }
  if (!options.accounts && defs.some((def) => def.auth === 'user')) {
    throw new Error(`group ${group}: user routes need GroupOptions.accounts (the user record check)`);
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
