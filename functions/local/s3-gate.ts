import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { ProxiedRequest, ProxyAnswer } from './proxy';
import {
  type Credentials,
  parseAmzDate,
  parseCredential,
  sameSignature,
  signString,
  verifySigV4,
} from './sigv4';

/**
 * What S3 checks and s3rver does not, in front of s3rver: every request must be signed with SigV4 by the
 * platform's key (a private bucket: anonymous requests are refused), presigned URLs expire, and a browser
 * POST upload must carry a policy signed by that key whose expiration has not passed and whose every
 * condition holds (bucket, key, Content-Type, content-length-range, x-amz-*), with no form field the
 * policy does not name. Rules and messages from
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-HTTPPOSTConstructPolicy.html and
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-authentication-HTTPPOST.html.
 */

export function s3Error(status: number, code: string, message: string): ProxyAnswer {
  const body =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<Error><Code>${code}</Code><Message>${escapeXml(message)}</Message><RequestId>${randomBytes(8).toString('hex').toUpperCase()}</RequestId></Error>`;
  return { status, headers: { 'content-type': 'application/xml' }, body: Buffer.from(body) };
}

const escapeXml = (text: string): string =>
  text.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c,
  );

interface FormPart {
  name: string;
  isFile: boolean;
  value: Buffer;
}

/** multipart/form-data, read whole (uploads here are a few MB at most). */
export function parseMultipart(headers: IncomingHttpHeaders, body: Buffer): FormPart[] | undefined {
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(headers['content-type'] ?? '');
  const marker = boundary?.[1] ?? boundary?.[2];
  if (!marker) return undefined;
  const delimiter = Buffer.from(`--${marker}`);
  const parts: FormPart[] = [];
  let at = body.indexOf(delimiter);
  if (at === -1) return undefined;
  for (;;) {
    at += delimiter.length;
    if (body.subarray(at, at + 2).toString() === '--') return parts;
    at += 2; // CRLF after the delimiter
    const next = body.indexOf(delimiter, at);
    if (next === -1) return undefined;
    const part = body.subarray(at, next - 2); // the CRLF before the next delimiter belongs to it
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd === -1) return undefined;
    const partHeaders = part.subarray(0, headerEnd).toString('utf8');
    const disposition = /content-disposition:[^\r\n]*/i.exec(partHeaders)?.[0] ?? '';
    const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
    if (name === undefined) return undefined;
    parts.push({ name, isFile: /\bfilename="/i.test(disposition), value: part.subarray(headerEnd + 4) });
    at = next;
  }
}

type Condition =
  | { kind: 'eq' | 'starts-with'; field: string; value: string; text: string }
  | { kind: 'content-length-range'; min: number; max: number };

const POLICY_FAILED = 'Invalid according to Policy: Policy Condition failed: ';

function readConditions(raw: unknown): Condition[] | undefined {
  if (!Array.isArray(raw)) return undefined;
  const conditions: Condition[] = [];
  for (const entry of raw) {
    if (Array.isArray(entry)) {
      const [op, a, b] = entry as unknown[];
      const kind = typeof op === 'string' ? op.toLowerCase() : '';
      if (kind === 'content-length-range' && typeof a === 'number' && typeof b === 'number') {
        conditions.push({ kind, min: a, max: b });
      } else if (
        (kind === 'eq' || kind === 'starts-with') &&
        typeof a === 'string' &&
        typeof b === 'string'
      ) {
        if (!a.startsWith('$')) return undefined;
        conditions.push({ kind, field: a.slice(1).toLowerCase(), value: b, text: JSON.stringify(entry) });
      } else {
        return undefined;
      }
    } else if (entry && typeof entry === 'object') {
      for (const [field, value] of Object.entries(entry as Record<string, unknown>)) {
        if (typeof value !== 'string') return undefined;
        conditions.push({
          kind: 'eq',
          field: field.toLowerCase(),
          value,
          text: `["eq", "$${field}", ${JSON.stringify(value)}]`,
        });
      }
    } else {
      return undefined;
    }
  }
  return conditions;
}

/** Fields the policy need not name (the signature, the file, the policy itself, `x-ignore-*`). */
const exempt = (name: string): boolean =>
  name === 'x-amz-signature' || name === 'file' || name === 'policy' || name.startsWith('x-ignore-');

/** Verifies a browser-based POST upload to `bucket`; undefined when S3 would accept it. */
export function checkPostPolicy(
  request: ProxiedRequest,
  bucket: string,
  credentials: Credentials,
  now: Date = new Date(),
): ProxyAnswer | undefined {
  const parts = parseMultipart(request.headers, request.body);
  if (!parts)
    return s3Error(
      400,
      'MalformedPOSTRequest',
      'The body of your POST request is not well-formed multipart/form-data.',
    );
  const fileAt = parts.findIndex((part) => part.name.toLowerCase() === 'file');
  const file = parts[fileAt];
  if (!file) return s3Error(400, 'InvalidArgument', 'POST requires exactly one file upload per request.');
  // S3 ignores fields after the file; the bucket is the one addressed, whatever a field says.
  const fields = new Map<string, string>();
  for (const part of parts.slice(0, fileAt)) fields.set(part.name.toLowerCase(), part.value.toString('utf8'));
  fields.set('bucket', bucket);

  const policyText = fields.get('policy');
  if (!policyText) return s3Error(403, 'AccessDenied', 'Bucket POST must contain a field named policy.');
  if (fields.get('x-amz-algorithm') !== 'AWS4-HMAC-SHA256') {
    return s3Error(400, 'InvalidArgument', 'x-amz-algorithm must be AWS4-HMAC-SHA256.');
  }
  const scope = parseCredential(fields.get('x-amz-credential') ?? '');
  if (!scope || !parseAmzDate(fields.get('x-amz-date') ?? '')) {
    return s3Error(
      400,
      'InvalidArgument',
      'x-amz-credential and x-amz-date are required and must be well-formed.',
    );
  }
  if (scope.accessKeyId !== credentials.accessKeyId) {
    return s3Error(
      403,
      'InvalidAccessKeyId',
      'The AWS Access Key Id you provided does not exist in our records.',
    );
  }
  const signature = fields.get('x-amz-signature') ?? '';
  if (
    scope.service !== 's3' ||
    !sameSignature(signString(credentials.secretAccessKey, scope, policyText), signature)
  ) {
    return s3Error(
      403,
      'SignatureDoesNotMatch',
      'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
    );
  }

  let policy: { expiration?: unknown; conditions?: unknown };
  try {
    policy = JSON.parse(Buffer.from(policyText, 'base64').toString('utf8')) as typeof policy;
  } catch {
    return s3Error(400, 'InvalidPolicyDocument', 'Invalid Policy: Invalid JSON.');
  }
  const expiration = typeof policy.expiration === 'string' ? Date.parse(policy.expiration) : Number.NaN;
  if (Number.isNaN(expiration)) {
    return s3Error(400, 'InvalidPolicyDocument', 'Invalid Policy: Policy missing expiration.');
  }
  if (now.getTime() > expiration)
    return s3Error(403, 'AccessDenied', 'Invalid according to Policy: Policy expired.');
  const conditions = readConditions(policy.conditions);
  if (!conditions) return s3Error(400, 'InvalidPolicyDocument', 'Invalid Policy: Invalid Condition.');

  const named = new Set<string>();
  for (const condition of conditions) {
    if (condition.kind === 'content-length-range') {
      if (file.value.length > condition.max) {
        return s3Error(400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size');
      }
      if (file.value.length < condition.min) {
        return s3Error(
          400,
          'EntityTooSmall',
          'Your proposed upload is smaller than the minimum allowed size',
        );
      }
      continue;
    }
    named.add(condition.field);
    const actual = fields.get(condition.field);
    const holds =
      actual !== undefined &&
      (condition.kind === 'eq' ? actual === condition.value : actual.startsWith(condition.value));
    if (!holds) return s3Error(403, 'AccessDenied', `${POLICY_FAILED}${condition.text}`);
  }
  for (const name of fields.keys()) {
    if (name !== 'bucket' && !exempt(name) && !named.has(name)) {
      return s3Error(403, 'AccessDenied', `Invalid according to Policy: Extra input fields: ${name}`);
    }
  }
  return undefined;
}

/** The gate's decision for one request: an S3 refusal, or undefined to pass it to s3rver. */
export function s3Refusal(request: ProxiedRequest, credentials: Credentials): ProxyAnswer | undefined {
  // Preflights carry no credentials; s3rver answers them from the bucket's CORS configuration.
  if (request.method === 'OPTIONS') return undefined;
  const path = request.rawUrl.split('?')[0] ?? '/';
  const bucketOnly = /^\/([^/]+)\/?$/.exec(path);
  const contentType = String(request.headers['content-type'] ?? '');
  if (request.method === 'POST' && bucketOnly && /^multipart\/form-data/i.test(contentType)) {
    return checkPostPolicy(request, decodeURIComponent(bucketOnly[1] ?? ''), credentials);
  }
  const verdict = verifySigV4(request, { credentials, service: 's3' });
  return verdict.ok ? undefined : s3Error(verdict.status, verdict.code, verdict.message);
}

/**
 * S3 answers a GET or HEAD of a missing object with 403 AccessDenied, not 404, when the caller lacks
 * `s3:ListBucket` on the bucket (S3 API reference, GetObject and HeadObject, "Permissions") — as every
 * function role here does but the health check's, and every presigned download. s3rver answers 404, so a
 * store that knew only 404 passed locally and answered 500 on AWS; this gate answers as AWS does for them.
 * Bucket-level requests (HeadBucket, ListObjectsV2, NoSuchBucket) are left as they are.
 */
export function asCallerWithoutListBucket(request: ProxiedRequest, answer: ProxyAnswer): ProxyAnswer {
  if (answer.status !== 404 || (request.method !== 'GET' && request.method !== 'HEAD')) return answer;
  const segments = new URL(request.rawUrl, 'http://s3.local').pathname.split('/').filter(Boolean);
  if (segments.length < 2) return answer;
  return s3Error(403, 'AccessDenied', 'Access Denied');
}
