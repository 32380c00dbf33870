import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/**
 * AWS Signature Version 4, checked the way AWS checks it, for the emulators that do not (s3rver accepts
 * any V4 signature from a known key id; cognito-local ignores signatures). The canonical request follows
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html — for S3 the path is used
 * as sent (S3 does not encode it twice), for other services encoded once more.
 */
export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

export interface SignedRequest {
  method: string;
  /** Path and query exactly as they arrived on the request line. */
  rawUrl: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export type SigV4Verdict =
  | { ok: true }
  | { ok: false; status: number; code: string; message: string; anonymous?: boolean };

const ALGORITHM = 'AWS4-HMAC-SHA256';
/** Requests signed more than 15 minutes away from the server's clock are refused (S3, every service). */
const MAX_SKEW_MS = 15 * 60 * 1000;
/** Presigned URLs live at most 7 days. */
const MAX_PRESIGN_SECONDS = 604_800;

const sha256Hex = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');
const hmac = (key: Buffer | string, data: string): Buffer => createHmac('sha256', key).update(data).digest();

/** RFC 3986 encoding as SigV4 wants it: everything but the unreserved characters. */
export function uriEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

const safeDecode = (value: string): string => {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
};

export function signingKey(secret: string, date: string, region: string, service: string): Buffer {
  return hmac(hmac(hmac(hmac(`AWS4${secret}`, date), region), service), 'aws4_request');
}

/** Hex HMAC of `text` with the key of one credential scope: what signs a string-to-sign or a POST policy. */
export function signString(secret: string, scope: CredentialScope, text: string): string {
  return createHmac('sha256', signingKey(secret, scope.date, scope.region, scope.service))
    .update(text)
    .digest('hex');
}

export const sameSignature = (a: string, b: string): boolean =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export interface CredentialScope {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
}

/** `AKID/20250101/ap-southeast-1/s3/aws4_request` */
export function parseCredential(credential: string): CredentialScope | undefined {
  const parts = credential.split('/');
  if (parts.length !== 5 || parts[4] !== 'aws4_request') return undefined;
  const [accessKeyId = '', date = '', region = '', service = ''] = parts;
  if (!/^\d{8}$/.test(date)) return undefined;
  return { accessKeyId, date, region, service };
}

/** `20250101T120000Z` → Date */
export function parseAmzDate(value: string): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number) as number[];
  return new Date(Date.UTC(y ?? 0, (mo ?? 1) - 1, d, h, mi, s));
}

const headerValue = (headers: IncomingHttpHeaders, name: string): string | undefined => {
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : value;
};

function canonicalQuery(rawQuery: string, omit: string): string {
  if (rawQuery === '') return '';
  return rawQuery
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const at = pair.indexOf('=');
      const name = safeDecode(at === -1 ? pair : pair.slice(0, at));
      const value = at === -1 ? '' : safeDecode(pair.slice(at + 1));
      return [uriEncode(name), uriEncode(value)] as const;
    })
    .filter(([name]) => name !== omit)
    .sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : 1) : a < b ? -1 : 1))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
}

interface Presented {
  scope: CredentialScope;
  signedHeaders: string[];
  signature: string;
  amzDate: string;
  payloadHash: string;
  /** Query authentication: seconds the URL is valid from `amzDate`. */
  expires?: number;
}

const deny = (code: string, message: string, status = 403): SigV4Verdict => ({
  ok: false,
  status,
  code,
  message,
});

function presented(request: SignedRequest, query: URLSearchParams): Presented | SigV4Verdict {
  const authorization = headerValue(request.headers, 'authorization');
  if (query.has('X-Amz-Algorithm')) {
    if (authorization) return deny('InvalidArgument', 'Only one auth mechanism allowed', 400);
    if (query.get('X-Amz-Algorithm') !== ALGORITHM) {
      return deny('AuthorizationQueryParametersError', `X-Amz-Algorithm only supports "${ALGORITHM}"`, 400);
    }
    const scope = parseCredential(query.get('X-Amz-Credential') ?? '');
    const expires = Number(query.get('X-Amz-Expires'));
    if (!scope || !query.get('X-Amz-Signature') || !query.get('X-Amz-Date') || !Number.isInteger(expires)) {
      return deny('AuthorizationQueryParametersError', 'Query-string authentication is incomplete', 400);
    }
    if (expires < 1 || expires > MAX_PRESIGN_SECONDS) {
      return deny('AuthorizationQueryParametersError', 'X-Amz-Expires must be 1 to 604800 seconds', 400);
    }
    return {
      scope,
      signedHeaders: (query.get('X-Amz-SignedHeaders') ?? '').split(';'),
      signature: query.get('X-Amz-Signature') ?? '',
      amzDate: query.get('X-Amz-Date') ?? '',
      payloadHash: query.get('X-Amz-Content-Sha256') ?? 'UNSIGNED-PAYLOAD',
      expires,
    };
  }
  if (!authorization)
    return { ok: false, status: 403, code: 'AccessDenied', message: 'Access Denied', anonymous: true };
  const m =
    /^AWS4-HMAC-SHA256 Credential=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]+)$/.exec(
      authorization.trim(),
    );
  const scope = m ? parseCredential(m[1] ?? '') : undefined;
  if (!m || !scope) return deny('AuthorizationHeaderMalformed', 'The authorization header is malformed', 400);
  const amzDate = headerValue(request.headers, 'x-amz-date') ?? '';
  return {
    scope,
    signedHeaders: (m[2] ?? '').split(';'),
    signature: m[3] ?? '',
    amzDate,
    payloadHash: headerValue(request.headers, 'x-amz-content-sha256') ?? sha256Hex(request.body),
  };
}

export interface VerifyOptions {
  credentials: Credentials;
  service: string;
  now?: Date;
}

/** Checks a request's SigV4 signature (header or presigned query), its clock and its expiry. */
export function verifySigV4(request: SignedRequest, options: VerifyOptions): SigV4Verdict {
  const now = options.now ?? new Date();
  const queryAt = request.rawUrl.indexOf('?');
  const rawPath = queryAt === -1 ? request.rawUrl : request.rawUrl.slice(0, queryAt);
  const rawQuery = queryAt === -1 ? '' : request.rawUrl.slice(queryAt + 1);
  const given = presented(request, new URLSearchParams(rawQuery));
  if ('ok' in given) return given;
  const { scope } = given;
  if (scope.accessKeyId !== options.credentials.accessKeyId) {
    return deny('InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.');
  }
  if (scope.service !== options.service) {
    return deny('SignatureDoesNotMatch', `Credential should be scoped to the service ${options.service}.`);
  }
  const signedAt = parseAmzDate(given.amzDate);
  if (!signedAt || given.amzDate.slice(0, 8) !== scope.date) {
    return deny('AccessDenied', 'X-Amz-Date is missing or does not match the credential scope date');
  }
  if (given.expires !== undefined) {
    if (now.getTime() > signedAt.getTime() + given.expires * 1000) {
      return deny('AccessDenied', 'Request has expired');
    }
  } else if (Math.abs(now.getTime() - signedAt.getTime()) > MAX_SKEW_MS) {
    return deny(
      'RequestTimeTooSkewed',
      'The difference between the request time and the current time is too large.',
    );
  }
  if (!given.signedHeaders.includes('host')) {
    return deny('AccessDenied', 'The host header must be signed');
  }
  if (/^[0-9a-f]{64}$/.test(given.payloadHash) && given.payloadHash !== sha256Hex(request.body)) {
    return deny(
      'XAmzContentSHA256Mismatch',
      "The provided 'x-amz-content-sha256' header does not match what was computed.",
      400,
    );
  }
  const canonicalHeaders = given.signedHeaders
    .map((name) => `${name}:${(headerValue(request.headers, name) ?? '').trim().replace(/\s+/g, ' ')}\n`)
    .join('');
  // S3 signs the path as sent; other services sign it encoded once more.
  const canonicalPath =
    options.service === 's3'
      ? rawPath
      : rawPath
          .split('/')
          .map((segment) => uriEncode(segment))
          .join('/');
  const canonicalRequest = [
    request.method,
    canonicalPath || '/',
    canonicalQuery(rawQuery, given.expires !== undefined ? 'X-Amz-Signature' : ''),
    canonicalHeaders,
    given.signedHeaders.join(';'),
    given.payloadHash,
  ].join('\n');
  const stringToSign = [
    ALGORITHM,
    given.amzDate,
    `${scope.date}/${scope.region}/${scope.service}/aws4_request`,
    sha256Hex(canonicalRequest),
  ].join('\n');
  const expected = signString(options.credentials.secretAccessKey, scope, stringToSign);
  if (!sameSignature(expected, given.signature)) {
    return deny(
      'SignatureDoesNotMatch',
      'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
    );
  }
  return { ok: true };
}
