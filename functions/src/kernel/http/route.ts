import { randomUUID } from 'node:crypto';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy, { type MiddlewareObj } from '@middy/core';
import { type InputOf, type RouteAuth, type RouteContract, routeKey } from '@thidua/shared/contracts';
import type { Identity } from '@thidua/shared/org';
import type { ApiKeyPrincipal } from '@thidua/shared/policy';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import * as z from 'zod';
import { ZodError } from 'zod';
import { vi } from 'zod/locales';
import { dynamoCallCounter, retryIsSafe } from '../data/call-counter';
import { isDependencyUnavailable } from '../data/client';
import type { IdempotencyStore } from '../data/idempotency-store';
import type { TxItem } from '../data/transact';
import { errorCodeOf, recordRequest } from '../observability/request-log';
import { createTelemetry, type Telemetry } from '../observability/telemetry';
import { describe, toErrorResponse } from './error-response';
import { AppError, NotFound, OutcomeUnknown, ServiceUnavailable } from './errors';
import {
  type IdempotencyHandle,
  idempotencyHandle,
  mayBeReplay,
  rememberItems,
  replayOf,
} from './idempotency';
import { type AccountCheck, authTimeFromEvent, identityFromEvent } from './identity';
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
  /** Counts a committed lifecycle transition in the request's log line and metrics (by action). */
  countTransition(action: string): void;
}

/** A request made with an API key (a document-management system): the key instead of a person. */
export interface ApiKeyRequest<C extends RouteContract> extends PublicRequest<C> {
  key: ApiKeyPrincipal;
  /** As `UserRequest.remember`: the answer stored under the request's Idempotency-Key, per key. */
  remember(response: HttpResult): TxItem[];
}

/** Checks the `X-Api-Key` header of an `api_key` route: the key's principal, or 401. */
export interface ApiKeyCheck {
  resolve(header: string | undefined): Promise<ApiKeyPrincipal>;
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
  /** The key of an `api_key` route's request. */
  apiKey: ApiKeyPrincipal | null;
  input: ParsedInput;
  idempotency: IdempotencyHandle | null;
  store: IdempotencyStore | undefined;
  /** The stored answer found before running (routes with `idempotencyPrecheck`). */
  replay: HttpResult | undefined;
  /** Lifecycle transitions committed by this request, for its log line and metrics. */
  transitions: string[];
  startedAt: number;
  /** A bug or an outage behind an error answer, for the log line. */
  failure: unknown;
}

/** What a signed-in or keyed request carries besides its caller: input, event, clock, `remember`. */
const callerRequest = <C extends RouteContract>(s: RequestState) => {
  const { idempotency, store, now } = s;
  return {
    ...(s.input as InputOf<C>),
    event: s.event,
    requestId: s.requestId,
    now,
    remember: (response: HttpResult) => (store ? rememberItems(store, idempotency, response, now) : []),
  };
};

export const userRoute = <C extends RouteContract>(
  contract: C,
  fn: (req: UserRequest<C>) => Promise<HttpResult>,
): RouteImpl => ({
  contract,
  auth: 'user',
  run: (s) => {
    if (s.identity === null) throw new Error(`route ${contract.operationId} ran without an identity`);
    return fn({
      ...callerRequest<C>(s),
      identity: s.identity,
      countTransition: (action) => {
        s.transitions.push(action);
      },
    });
  },
});

export const apiKeyRoute = <C extends RouteContract>(
  contract: C,
  fn: (req: ApiKeyRequest<C>) => Promise<HttpResult>,
): RouteImpl => ({
  contract,
  auth: 'api_key',
  run: (s) => {
    if (s.apiKey === null) throw new Error(`route ${contract.operationId} ran without an API key`);
    return fn({ ...callerRequest<C>(s), key: s.apiKey });
  },
});

/** The caller as the idempotency records and the log line name it: a person, or a key. */
const callerOf = (s: RequestState): { tenantId: string; userId: string } | null =>
  s.identity ?? (s.apiKey ? { tenantId: s.apiKey.tenantId, userId: `api-key:${s.apiKey.keyId}` } : null);

export const publicRoute = <C extends RouteContract>(
  contract: C,
  fn: (req: PublicRequest<C>) => Promise<HttpResult>,
): RouteImpl => ({
  contract,
  auth: 'public',
  run: (s) => fn({ ...(s.input as InputOf<C>), event: s.event, requestId: s.requestId, now: s.now }),
});

type AppContext = Context & { thidua: RequestState; telemetry: Telemetry };
type Mw = MiddlewareObj<APIGatewayProxyEventV2, HttpResult, Error, AppContext>;

const state = (ctx: AppContext): RequestState => ctx.thidua;

/**
 * The caller (user routes): the verified token says who, the user record says what they may do now
 * (active, unit, roles); 401 without a valid token or for an unknown or deactivated account.
 */
const authenticate = (
  contract: RouteContract,
  accounts: AccountCheck | undefined,
  apiKeys: ApiKeyCheck | undefined,
): Mw => ({
  before: async (request) => {
    if (contract.auth === 'api_key') {
      if (!apiKeys) throw new Error('api_key routes need an API key check');
      state(request.context).apiKey = await apiKeys.resolve(request.event.headers?.['x-api-key']);
      return;
    }
    if (contract.auth !== 'user') return;
    const token = identityFromEvent(request.event);
    if (!accounts) throw new Error('user routes need an account check');
    state(request.context).identity = await accounts.resolve(token, {
      authTime: authTimeFromEvent(request.event),
      mfaExempt: contract.mfaExempt === true,
    });
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
    s.idempotency = idempotencyHandle(request.event, callerOf(s));
    // Not an early return: the rest of the stack (the request's log line and metrics) still runs.
    if (s.idempotency !== null && contract.idempotencyPrecheck)
      s.replay = await replayOf(store, s.idempotency);
    return undefined;
  },
  onError: async (request) => {
    const s = state(request.context);
    if (s.idempotency === null || store === undefined || !mayBeReplay(request.error)) return undefined;
    try {
      const replay = await replayOf(store, s.idempotency);
      if (replay) request.response = replay;
    } catch (err) {
      request.response = errorResponse(err, s, telemetryOf(request.context));
    }
    return undefined;
  },
});

/**
 * A dependency that is down or timing out is a 503 with `Retry-After` — but only when a retry with the
 * same Idempotency-Key cannot write twice: nothing may have been written, or only transactions carrying
 * the key's record (their retry replays the stored answer). A write that may have been applied without
 * it makes the outcome unknown (500 `outcome_unknown`): the client must look before acting again.
 */
const asApiError = (err: unknown): unknown => {
  if (!isDependencyUnavailable(err)) return err;
  return retryIsSafe(dynamoCallCounter.risk()) ? new ServiceUnavailable() : new OutcomeUnknown();
};

const errorResponse = (err: unknown, s: RequestState, t: Telemetry): HttpResult => {
  const error = asApiError(err);
  // Refusals are the API working; anything else (an outage, a corrupt item, a bug) goes into the log line.
  if (!(err instanceof AppError || err instanceof ZodError)) s.failure ??= err;
  return toErrorResponse(error, s.requestId, (fields) => t.logger.error('unhandled', fields));
};

const telemetryOf = (ctx: AppContext): Telemetry => ctx.telemetry;

/** Registered last, so its `onError` runs first: every error leaves as the one error shape. */
const errorHandler = (): Mw => ({
  onError: (request) => {
    request.response = errorResponse(request.error, state(request.context), telemetryOf(request.context));
  },
});

/**
 * Registered after Powertools' middlewares, so its `after`/`onError` run before theirs: the request's one
 * log line and its metrics are written from the final answer, then `logMetrics` publishes them.
 */
const observe = (contract: RouteContract): Mw => {
  const key = routeKey(contract);
  const finish: NonNullable<Mw['after']> = (request) => {
    const s = state(request.context);
    const response = request.response;
    const status = response?.statusCode ?? 500;
    const failure = s.failure;
    recordRequest(telemetryOf(request.context), {
      routeKey: key,
      requestId: s.requestId,
      status,
      code: errorCodeOf(status, response?.body),
      tenantId: callerOf(s)?.tenantId,
      userId: callerOf(s)?.userId,
      latencyMs: performance.now() - s.startedAt,
      dynamo: dynamoCallCounter.current(),
      replayed: response?.headers['idempotent-replayed'] === 'true',
      transitions: s.transitions,
      error: failure === undefined ? undefined : describe(failure),
    });
  };
  return { after: finish, onError: finish };
};

const buildRoute = (impl: RouteImpl, options: GroupOptions, t: Telemetry) =>
  middy<APIGatewayProxyEventV2, HttpResult, Error, AppContext>()
    // The event is never logged: it carries tokens, e-mails and form contents.
    .use(injectLambdaContext(t.logger, { logEvent: false, resetKeys: true }))
    .use(logMetrics(t.metrics))
    .use(observe(impl.contract))
    .use(authenticate(impl.contract, options.accounts, options.apiKeys))
    .use(validateInput(impl.contract))
    .use(idempotency(impl.contract, options.idempotency))
    .use(errorHandler())
    .handler(async (_event, context) => state(context).replay ?? impl.run(state(context)));

export interface GroupOptions {
  /** Needed by groups with write routes. */
  idempotency?: IdempotencyStore;
  /** Needed by groups with user routes: the caller's authority comes from the user record. */
  accounts?: AccountCheck;
  /** Needed by groups with `api_key` routes (ADR 0034). */
  apiKeys?: ApiKeyCheck;
  /** Default: Powertools' Logger and Metrics configured from the environment (`createTelemetry`). */
  telemetry?: Telemetry;
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
  const telemetry = options.telemetry ?? createTelemetry(group ?? 'unknown');
  const handlers = new Map<string, ReturnType<typeof buildRoute>>();
  for (const impl of impls) {
    const c = impl.contract;
    if (!defs.includes(c)) throw new Error(`group ${group}: ${c.operationId} is not a route of this group`);
    if (impl.auth !== c.auth) throw new Error(`group ${group}: ${c.operationId} is a ${c.auth} route`);
    if (handlers.has(routeKey(c))) throw new Error(`group ${group}: ${c.operationId} implemented twice`);
    handlers.set(routeKey(c), buildRoute(impl, options, telemetry));
  }
  if (defs.some((c) => c.group !== group)) throw new Error(`group ${group}: contracts of several groups`);
  const missing = defs.filter((c) => !handlers.has(routeKey(c)));
  if (missing.length > 0) {
    throw new Error(`group ${group}: no implementation for ${missing.map((c) => c.operationId).join(', ')}`);
  }
  if (!options.accounts && defs.some((def) => def.auth === 'user')) {
    throw new Error(`group ${group}: user routes need GroupOptions.accounts (the user record check)`);
  }
  if (!options.apiKeys && defs.some((def) => def.auth === 'api_key')) {
    throw new Error(`group ${group}: api_key routes need GroupOptions.apiKeys (the key check)`);
  }

  return async (event, context) => {
    const requestId = event.requestContext?.requestId ?? randomUUID();
    const h = handlers.get(event.routeKey);
    if (!h) {
      telemetry.logger.warn('request', {
        routeKey: event.routeKey,
        requestId,
        status: 404,
        code: 'not_found',
      });
      return toErrorResponse(new NotFound(), requestId, (fields) =>
        telemetry.logger.error('unhandled', fields),
      );
    }
    const s: RequestState = {
      event,
      requestId,
      now: new Date(),
      identity: null,
      apiKey: null,
      input: { params: undefined, query: undefined, body: undefined },
      idempotency: null,
      store: options.idempotency,
      replay: undefined,
      transitions: [],
      startedAt: performance.now(),
      failure: undefined,
    };
    // A fresh context per invocation (the prototype keeps Lambda's methods) so requests never share state.
    const ctx: AppContext = Object.assign(Object.create(context ?? null), { thidua: s, telemetry });
    // One scope per request: its DynamoDB calls for the log line, its writes for the 503 decision.
    return (await dynamoCallCounter.measure(() => h(event, ctx))).result;
  };
};
