import * as z from 'zod';
import { Id } from '../common';
import { type HttpMethod, routeKey } from './path';

/**
 * The kernel of the route contracts: one `defineRoute` per route says everything about it — where it
 * lives (method, path, group = its Lambda, auth), what it accepts (path, query, body, headers) and what it
 * answers (a schema per status). CDK, the local gateway, the OpenAPI document, the Lambdas' input parsing,
 * the web client and the integration tests' answer checks are all derived from it. Pure: zod only.
 */

/** A group is one Lambda function (`functions/src/handlers/<group>.ts`). */
export const routeGroups = [
  'system',
  /**
   * `GET /openapi.json`: the document is made from EVERY route's contract, so its bundle grows with the
   * API; apart so that no other Lambda carries every contract.
   */
  'reference',
  'org',
  'campaigns',
  'submissions',
  /** Reviewers' comments on fields and the unit's answers: apart so the submissions Lambda stays within its budget. */
  'review',
  /** Bulk approve/return and the search box (ADR 0023): apart so the submissions Lambda stays within budget. */
  'inbox',
  'attachments',
  'audit',
  'admin',
  /** The campaign and form builders (secretariat): kept apart so the admin Lambda stays within its budget. */
  'builder',
  'commendations',
  /** PDF generation and signature verification (pdf-lib, a font, CMS): a Lambda of its own (ADR 0024). */
  'documents',
  'public',
  /** The bell, preferences, reminders, and the outbox's delivery (stream consumer and schedules, issue 16). */
  'notifications',
] as const;
export type RouteGroup = (typeof routeGroups)[number];

/**
 * `user`: a verified Cognito ID token is required (JWT authorizer). `public`: no authorizer. `api_key`: no
 * authorizer at the gateway; the function checks the `X-Api-Key` header against the tenant's hashed keys
 * and the key's scopes (document-management systems, ADR 0034).
 */
export type RouteAuth = 'user' | 'public' | 'api_key';
export type SuccessStatus = 200 | 201 | 202 | 204 | 303;
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 502 | 503;

/** A success answer that is not JSON (CSV, a redirect to a download). */
export interface MediaResponse {
  mediaType: string;
  description: string;
}

/** The one error shape (every error status answers it). */
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

/** The key a write is stored under so that a replay gets the first answer (functions/src/kernel/http/idempotency.ts). */
export const IdempotencyKey = z
  .string()
  .min(8, 'Idempotency-Key cần 8–128 ký tự')
  .max(128, 'Idempotency-Key cần 8–128 ký tự')
  .regex(/^[A-Za-z0-9_.:-]+$/, 'Idempotency-Key chỉ gồm chữ, số và _ . : -')
  .describe('Gửi lại cùng khoá: trả lại câu trả lời đầu tiên, không ghi gì thêm (24 giờ).');

/** The headers every signed-in write reads besides Authorization. */
const WriteHeaders = z.object({ 'idempotency-key': IdempotencyKey.optional() });

export interface RouteSpec<
  P extends z.ZodType | undefined,
  Q extends z.ZodType | undefined,
  B extends z.ZodType | undefined,
  R extends z.ZodType | MediaResponse,
> {
  method: HttpMethod;
  /** API Gateway path syntax: `/submissions/{submissionId}`. */
  path: string;
  group: RouteGroup;
  auth: RouteAuth;
  operationId: string;
  summary: string;
  description?: string;
  /** Path parameters (`{submissionId}`), an object schema. */
  params?: P;
  /** Query string parameters, an object schema of strings coerced as needed. */
  query?: Q;
  /** JSON body. */
  body?: B;
  /** The success body (JSON), or the media type of a non-JSON answer. */
  response: R;
  /** Success status (200 unless stated). */
  status?: SuccessStatus;
  /** The error statuses the route itself decides; 400/401/413/415/422 (a reused key)/502/503 are added where they apply. */
  errors: readonly ErrorStatus[];
  /** Answers other than the success and the one error shape (`/health`'s 503 body, a 303 to a download). */
  otherAnswers?: Readonly<Partial<Record<SuccessStatus | ErrorStatus, z.ZodType | MediaResponse>>>;
  /**
   * Writes with effects outside one transaction look the idempotency record up before running, so a
   * replay never repeats the effect. Table-only writes rely on the record written in their transaction
   * and look it up only when the write is refused (keeps an approval at one read).
   */
  idempotencyPrecheck?: boolean;
  /**
   * Answered to a signed-in user whom the tenant's MFA policy would otherwise refuse (403
   * `mfa_enrolment_required` / `mfa_sign_in_required`): the routes that let them enrol or sign out.
   */
  mfaExempt?: boolean;
}

export interface RouteContract<
  P extends z.ZodType | undefined = z.ZodType | undefined,
  Q extends z.ZodType | undefined = z.ZodType | undefined,
  B extends z.ZodType | undefined = z.ZodType | undefined,
  R extends z.ZodType | MediaResponse = z.ZodType | MediaResponse,
> extends RouteSpec<P, Q, B, R> {
  status: SuccessStatus;
  /** Request headers read besides Authorization (Idempotency-Key on signed-in writes). */
  headers: z.ZodObject | undefined;
  /** Every documented status with its answer: the success, then each error (the one error shape). */
  responses: Readonly<Partial<Record<SuccessStatus | ErrorStatus, z.ZodType | MediaResponse>>>;
}

/** Every route reads the table: a damaged item (502) and an unavailable table (503) can answer any of them. */
const ALWAYS: readonly ErrorStatus[] = [502, 503];

/** One route, complete: defaults filled and every status it may answer listed with its schema. */
/* @__NO_SIDE_EFFECTS__ */
export const defineRoute = <
  P extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
  R extends z.ZodType | MediaResponse = z.ZodType,
>(
  spec: RouteSpec<P, Q, B, R>,
): RouteContract<P, Q, B, R> => {
  const status = spec.status ?? 200;
  const errors = new Set<ErrorStatus>([...spec.errors, ...ALWAYS]);
  if (spec.auth === 'user') errors.add(401);
  // A missing, unknown or revoked key is 401; a key without the route's scope is 403.
  if (spec.auth === 'api_key') errors.add(401).add(403);
  // The tenant's MFA policy refuses a session short of TOTP on every user route but the exempt ones.
  if (spec.auth === 'user' && !spec.mfaExempt) errors.add(403);
  if (spec.params || spec.query || spec.body) errors.add(400);
  if (spec.body) errors.add(413).add(415);
  // A write carries an Idempotency-Key: a malformed one is 400, one reused for another request 422.
  if (spec.method !== 'GET' && spec.auth === 'user') errors.add(400).add(422);
  const responses: Partial<Record<SuccessStatus | ErrorStatus, z.ZodType | MediaResponse>> = {
    [status]: spec.response,
  };
  for (const code of [...errors].sort()) responses[code] = ErrorBody;
  Object.assign(responses, spec.otherAnswers);
  const headers = spec.method !== 'GET' && spec.auth === 'user' ? WriteHeaders : undefined;
  return { ...spec, status, errors: [...errors].sort(), headers, responses };
};

/** Parsed input of a route, typed from its contract. */
export type InputOf<C> =
  C extends RouteContract<infer P, infer Q, infer B, z.ZodType | MediaResponse>
    ? { params: OutputOrVoid<P>; query: OutputOrVoid<Q>; body: OutputOrVoid<B> }
    : never;

/** What a caller sends, typed from the contract (before defaults and coercion). */
export type RequestOf<C> =
  C extends RouteContract<infer P, infer Q, infer B, z.ZodType | MediaResponse>
    ? { params: InputOrVoid<P>; query: InputOrVoid<Q>; body: InputOrVoid<B> }
    : never;

/** The success body a client reads (after parsing with the contract), typed from its contract. */
export type ResponseOf<C> =
  C extends RouteContract<z.ZodType | undefined, z.ZodType | undefined, z.ZodType | undefined, infer R>
    ? R extends z.ZodType
      ? z.output<R>
      : never
    : never;

type OutputOrVoid<S> = S extends z.ZodType ? z.output<S> : undefined;
type InputOrVoid<S> = S extends z.ZodType ? z.input<S> : undefined;

// --- Building blocks several contracts share --------------------------------------------------------

/** Page size and cursor of every list. */
export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().min(1).max(2048).optional(),
});

/** Booleans in a query string. */
export const QueryBool = z.enum(['true', 'false']).transform((v) => v === 'true');

export const CampaignParams = z.object({ campaignId: Id });
/** A commendation decision's routes: the commendations group's and the documents group's alike. */
export const DecisionParams = z.object({ decisionId: Id });

/**
 * Whether an answer is one the contract documents: its status is listed, a JSON success body parses with
 * the response schema, an error body is the one error shape. Returns what is wrong, or null. The
 * integration suites run every answer through it (tests/support/platform.ts).
 */
export const contractMismatch = (
  contract: RouteContract,
  answer: { status: number; body: unknown; contentType: string },
): string | null => {
  const expected = contract.responses[answer.status as SuccessStatus | ErrorStatus];
  const where = `${routeKey(contract)} answered ${answer.status}`;
  if (!expected) return `${where}, which its contract does not document`;
  if ('mediaType' in expected) {
    return answer.status === 303 || answer.contentType.startsWith(expected.mediaType)
      ? null
      : `${where} as ${answer.contentType}, not ${expected.mediaType}`;
  }
  // The authorizer's own 401 (`{"message":"Unauthorized"}`) is API Gateway's, not the handler's.
  if (answer.status === 401) return null;
  const parsed = expected.safeParse(answer.body);
  if (parsed.success) return null;
  const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`);
  return `${where} with a body its contract refuses: ${issues.join('; ')}`;
};
