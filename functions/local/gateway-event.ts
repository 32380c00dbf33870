import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import type { HttpMethod, RouteDef } from '../src/routes';

/**
 * The pure half of the local API gateway: route matching, the HTTP API payload 2.0 event, and turning a
 * handler's result into a response — each the way API Gateway HTTP APIs do it, so a handler cannot tell
 * the local gateway from the real one. No I/O here; `gateway.ts` is the server around it.
 */

// ---------------------------------------------------------------------------------------------------
// Route matching

interface Segment {
  literal?: string;
  param?: string;
  /** `{name+}`: the rest of the path. */
  greedy?: boolean;
}

export interface CompiledRoute {
  route: RouteDef;
  segments: readonly Segment[];
  /** Literal segments count: API Gateway prefers the most specific route. */
  specificity: number;
}

export interface RouteMatch {
  route: RouteDef;
  /** Decoded values, keyed by the `{name}` of the template. */
  pathParameters: Record<string, string>;
}

const splitPath = (path: string): string[] => path.split('/').slice(1);

function compileSegment(segment: string): Segment {
  const variable = /^\{([A-Za-z0-9_]+)(\+?)\}$/.exec(segment);
  if (!variable?.[1]) return { literal: segment };
  return { param: variable[1], greedy: variable[2] === '+' };
}

export function compileRoutes(routes: readonly RouteDef[]): CompiledRoute[] {
  return routes
    .map((route) => {
      const segments = splitPath(route.path).map(compileSegment);
      return { route, segments, specificity: segments.filter((s) => s.literal !== undefined).length };
    })
    .sort((a, b) => b.specificity - a.specificity || b.segments.length - a.segments.length);
}

const decode = (value: string): string => {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
};

/**
 * The route for `method` + `path` (the raw path, without the query string), or undefined. Like HTTP APIs,
 * a path that exists under another method is simply not found (there is no 405), and a trailing slash
 * makes a different path.
 */
export function matchRoute(
  compiled: readonly CompiledRoute[],
  method: string,
  path: string,
): RouteMatch | undefined {
  const parts = splitPath(path);
  for (const candidate of compiled) {
    if (candidate.route.method !== (method.toUpperCase() as HttpMethod)) continue;
    const pathParameters = matchSegments(candidate.segments, parts);
    if (pathParameters) return { route: candidate.route, pathParameters };
  }
  return undefined;
}

function matchSegments(
  segments: readonly Segment[],
  parts: readonly string[],
): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    const part = parts[i];
    if (!segment || part === undefined) return undefined;
    if (segment.greedy && segment.param) {
      const rest = parts.slice(i).join('/');
      if (rest === '') return undefined;
      params[segment.param] = decode(rest);
      return params;
    }
    if (segment.literal !== undefined) {
      if (segment.literal !== part) return undefined;
    } else if (segment.param) {
      if (part === '') return undefined;
      params[segment.param] = decode(part);
    }
  }
  return parts.length === segments.length ? params : undefined;
}

// ---------------------------------------------------------------------------------------------------
// Claims, as the JWT authorizer hands them to the function

/**
 * API Gateway passes every claim as a string: numbers and booleans as their text, and an array as its
 * elements between brackets separated by spaces — `cognito:groups: ["admin","reviewer"]` arrives as
 * `"[admin reviewer]"`. (Object claims do not occur in Cognito ID tokens; they are passed as JSON here.)
 */
export function stringifyClaims(payload: Record<string, unknown>): Record<string, string> {
  const claims: Record<string, string> = {};
  for (const [name, value] of Object.entries(payload)) {
    if (value === undefined) continue;
    claims[name] = stringifyClaim(value);
  }
  return claims;
}

function stringifyClaim(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return `[${value.map(stringifyClaim).join(' ')}]`;
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** `scopes` of the authorizer context: the `scope` claim split on spaces, or null (ID tokens have none). */
export function scopesOf(payload: Record<string, unknown>): string[] | null {
  const scope = payload.scope;
  return typeof scope === 'string' && scope.trim() !== '' ? scope.trim().split(/\s+/) : null;
}

// ---------------------------------------------------------------------------------------------------
// The request event

export interface IncomingRequest {
  method: string;
  /** The request target as received: path and query, still percent-encoded. */
  url: string;
  /** Node's `req.headersDistinct`: lower-case names, every value. */
  headers: Record<string, readonly string[] | undefined>;
  body: Buffer;
  sourceIp: string;
  /** The socket's remote port; with it the event carries `CloudFront-Viewer-Address` as on AWS. */
  sourcePort?: number;
}

export interface EventInput {
  request: IncomingRequest;
  match: RouteMatch;
  /** The verified token's payload, for routes behind the authorizer. */
  jwtPayload?: Record<string, unknown>;
  requestId: string;
  now: Date;
}

/** The payload 2.0 event, with `authorizer.jwt` present only on routes behind the JWT authorizer. */
export type HttpApiEvent = Omit<APIGatewayProxyEventV2WithJWTAuthorizer, 'requestContext'> & {
  requestContext: Omit<APIGatewayProxyEventV2WithJWTAuthorizer['requestContext'], 'authorizer'> & {
    authorizer?: APIGatewayProxyEventV2WithJWTAuthorizer['requestContext']['authorizer'];
  };
};

const textualContentType =
  /^(text\/|application\/(json|[^;]*\+json|xml|[^;]*\+xml|javascript|x-www-form-urlencoded))/i;

/** Whether API Gateway would pass this body as text (else base64 with `isBase64Encoded: true`). */
export function isTextBody(contentType: string | undefined): boolean {
  return contentType === undefined || textualContentType.test(contentType.trim());
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `requestContext.time` format: `12/Mar/2020:19:03:58 +0000`. */
export function formatRequestTime(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${pad(date.getUTCDate())}/${MONTHS[date.getUTCMonth()]}/${date.getUTCFullYear()}:${pad(
    date.getUTCHours(),
  )}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`;
}

function parseQuery(rawQueryString: string): Record<string, string> | undefined {
  if (rawQueryString === '') return undefined;
  const params: Record<string, string> = {};
  for (const pair of rawQueryString.split('&')) {
    if (pair === '') continue;
    const at = pair.indexOf('=');
    const name = decode((at === -1 ? pair : pair.slice(0, at)).replace(/\+/g, ' '));
    const value = at === -1 ? '' : decode(pair.slice(at + 1).replace(/\+/g, ' '));
    // Repeated parameters arrive comma-joined, as in payload 2.0.
    params[name] = params[name] === undefined ? value : `${params[name]},${value}`;
  }
  return params;
}

export function buildEvent(input: EventInput): HttpApiEvent {
  const { request, match } = input;
  const queryAt = request.url.indexOf('?');
  const rawPath = queryAt === -1 ? request.url : request.url.slice(0, queryAt);
  const rawQueryString = queryAt === -1 ? '' : request.url.slice(queryAt + 1);

  // Payload 2.0: duplicate headers comma-joined; cookies moved out of the headers into `cookies`.
  const headers: Record<string, string> = {};
  let cookies: string[] | undefined;
  for (const [name, values] of Object.entries(request.headers)) {
    if (!values || values.length === 0) continue;
    if (name === 'cookie') {
      cookies = values.flatMap((value) => value.split(/;\s*/)).filter((cookie) => cookie !== '');
      continue;
    }
    headers[name] = values.join(',');
  }
  // What CloudFront adds in front of the API on AWS (origin request policy): the viewer's address, from
  // the socket so a client cannot choose it; whatever the client sent under that name is dropped.
  delete headers['cloudfront-viewer-address'];
  if (request.sourcePort !== undefined)
    headers['cloudfront-viewer-address'] = `${request.sourceIp}:${request.sourcePort}`;

  const hasBody = request.body.length > 0;
  const textBody = isTextBody(headers['content-type']);
  const routeKey = `${match.route.method} ${match.route.path}`;
  const host = headers.host ?? 'localhost';

  const event: HttpApiEvent = {
    version: '2.0',
    routeKey,
    rawPath,
    rawQueryString,
    ...(cookies ? { cookies } : {}),
    headers,
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: host,
      domainPrefix: host.split('.')[0] ?? host,
      http: {
        method: request.method.toUpperCase(),
        path: decode(rawPath),
        protocol: 'HTTP/1.1',
        sourceIp: request.sourceIp,
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: input.requestId,
      routeKey,
      stage: '$default',
      time: formatRequestTime(input.now),
      timeEpoch: input.now.getTime(),
      ...(input.jwtPayload
        ? {
            authorizer: {
              jwt: { claims: stringifyClaims(input.jwtPayload), scopes: scopesOf(input.jwtPayload) },
            },
          }
        : {}),
    },
    isBase64Encoded: hasBody ? !textBody : false,
  };
  const queryStringParameters = parseQuery(rawQueryString);
  if (queryStringParameters) event.queryStringParameters = queryStringParameters;
  if (Object.keys(match.pathParameters).length > 0) event.pathParameters = match.pathParameters;
  if (hasBody) event.body = textBody ? request.body.toString('utf8') : request.body.toString('base64');
  return event;
}

// ---------------------------------------------------------------------------------------------------
// The response

export interface GatewayResponse {
  statusCode: number;
  headers: Record<string, string>;
  cookies: string[];
  body: Buffer;
}

export const gatewayError = (statusCode: number, message: string): GatewayResponse => ({
  statusCode,
  headers: { 'content-type': 'application/json' },
  cookies: [],
  body: Buffer.from(JSON.stringify({ message })),
});

/**
 * A handler's result as the client receives it. A result with a `statusCode` is taken as the structured
 * form (headers, cookies, body, isBase64Encoded); anything else — an object, a string — is, as API Gateway
 * does it, a 200 with content type application/json and the value (a string as is, else as JSON) as body.
 * A malformed structured result is API Gateway's 500.
 */
export function resultToResponse(result: unknown): GatewayResponse {
  if (result !== null && typeof result === 'object' && 'statusCode' in result) {
    const structured = result as Record<string, unknown>;
    const { statusCode } = structured;
    if (
      typeof statusCode !== 'number' ||
      !Number.isInteger(statusCode) ||
      statusCode < 100 ||
      statusCode > 599
    ) {
      return gatewayError(500, 'Internal Server Error');
    }
    const headers: Record<string, string> = {};
    if (structured.headers !== undefined && structured.headers !== null) {
      if (typeof structured.headers !== 'object') return gatewayError(500, 'Internal Server Error');
      for (const [name, value] of Object.entries(structured.headers)) {
        if (value === undefined || value === null) continue;
        headers[name.toLowerCase()] = String(value);
      }
    }
    const cookies = Array.isArray(structured.cookies) ? structured.cookies.map(String) : [];
    const body = structured.body;
    if (body !== undefined && body !== null && typeof body !== 'string') {
      return gatewayError(500, 'Internal Server Error');
    }
    const text = typeof body === 'string' ? body : '';
    return {
      statusCode,
      headers,
      cookies,
      body: structured.isBase64Encoded === true ? Buffer.from(text, 'base64') : Buffer.from(text, 'utf8'),
    };
  }
  const body = typeof result === 'string' ? result : (JSON.stringify(result) ?? '');
  return {
    statusCode: 200,
    headers: { 'content-type': 'application/json' },
    cookies: [],
    body: Buffer.from(body),
  };
}
