import type { RouteContract } from '@thidua/shared/contracts';
import { isCleanText, normalizeText } from '@thidua/shared/forms';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { z } from 'zod';
import { BadRequest, PayloadTooLarge, UnsupportedMediaType } from './errors';
import { type InputLocation, zodDetails } from './zod-details';

/**
 * JSON bodies are capped well below DynamoDB's 400 KB item limit: a submission item holds its data and
 * must stay writable. Files never travel through the API (presigned POST to S3).
 */
export const MAX_JSON_BODY_BYTES = 256 * 1024;

export interface ParsedInput {
  params: unknown;
  query: unknown;
  body: unknown;
}

const parsePart = (schema: z.ZodType | undefined, value: unknown, location: InputLocation): unknown => {
  if (!schema) return undefined;
  const r = schema.safeParse(value);
  if (!r.success) throw new BadRequest('Dữ liệu không hợp lệ', zodDetails(r.error, location));
  return r.data;
};

const invalidUtf8 = (path = 'body'): BadRequest =>
  new BadRequest(
    'Nội dung gửi lên không phải văn bản UTF-8 hợp lệ',
    [{ path, message: 'Văn bản có ký tự lỗi (byte không hợp lệ trong UTF-8)' }],
    'invalid_utf8',
  );

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

// biome-ignore lint/suspicious/noControlCharactersInRegex: the whole ASCII range, controls included
const ASCII = /^[\x00-\x7f]*$/;

/**
 * The body as text. Bytes that are not UTF-8 are refused, never replaced: a base64 body is decoded
 * strictly, and a text body that already carries U+FFFD (what a lossy decoder upstream leaves for
 * invalid bytes) is refused too, so corrupted text is never stored and certified by the audit chain.
 */
const rawBody = (event: APIGatewayProxyEventV2): string | undefined => {
  if (event.body === undefined || event.body === null || event.body === '') return undefined;
  // A text body is measured, not copied.
  const bytes = event.isBase64Encoded ? Buffer.from(event.body, 'base64') : undefined;
  if ((bytes?.byteLength ?? Buffer.byteLength(event.body, 'utf8')) > MAX_JSON_BODY_BYTES) {
    throw new PayloadTooLarge(`Dữ liệu gửi lên vượt quá ${MAX_JSON_BODY_BYTES / 1024} KB`);
  }
  let text: string;
  try {
    text = bytes ? strictUtf8.decode(bytes) : event.body;
  } catch {
    throw invalidUtf8();
  }
  if (!isCleanText(text)) throw invalidUtf8();
  return text;
};

/**
 * JSON only under its own media types: `application/json` or a `+json` structured suffix (RFC 6839),
 * with at most a `charset=utf-8` parameter. Anything else — `text/html; x=json`, `text/plain`, no type —
 * is 415 Unsupported Media Type, so a body is never interpreted as something its sender did not declare.
 */
export const isJsonMediaType = (header: string | undefined): boolean => {
  if (header === undefined) return false;
  const [type = '', ...params] = header.split(';').map((p) => p.trim().toLowerCase());
  if (!/^application\/([a-z0-9!#$&^_.-]+\+)?json$/.test(type)) return false;
  return params.every((p) => p === '' || /^charset="?utf-8"?$/.test(p));
};

/**
 * Every string of the input in Unicode NFC, keys included: Vietnamese typed on different systems arrives
 * precomposed or decomposed ("ệ" as 1, 2 or 3 code points), and must compare, count and hash the same.
 * Unpaired surrogates (`"\ud800"` in JSON) are refused like invalid UTF-8. Objects are rebuilt with
 * `Object.fromEntries`, so a `__proto__` key stays a plain key and never reaches a prototype.
 */
export const normalizeInput = (value: unknown, path = 'body'): unknown => {
  if (typeof value === 'string') {
    // ASCII is NFC and clean already (most keys, ids, numbers and dates): nothing to check or rebuild.
    if (ASCII.test(value)) return value;
    if (!isCleanText(value)) throw invalidUtf8(path);
    return normalizeText(value);
  }
  if (Array.isArray(value)) return value.map((v, i) => normalizeInput(v, `${path}.${i}`));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        normalizeInput(k, path) as string,
        normalizeInput(v, `${path}.${k}`),
      ]),
    );
  }
  return value;
};

const parseJson = (raw: string | undefined): unknown => {
  if (raw === undefined) return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    throw new BadRequest(
      'Nội dung gửi lên không phải JSON hợp lệ',
      [{ path: 'body', message: 'JSON không hợp lệ' }],
      'malformed_json',
    );
  }
};

/**
 * Path, query and body of the event, each parsed with its schema; 400 with field paths, 413 when too big.
 * A part the contract does not declare is not read, as a route reads no body it does not take: a stray
 * query string on `GET /me` is ignored, never a 400 its contract does not document.
 */
export const parseInput = (event: APIGatewayProxyEventV2, contract: RouteContract): ParsedInput => {
  const params = contract.params
    ? parsePart(contract.params, normalizeInput(event.pathParameters ?? {}, 'path'), 'path')
    : undefined;
  const query = contract.query
    ? parsePart(contract.query, normalizeInput(event.queryStringParameters ?? {}, 'query'), 'query')
    : undefined;
  if (!contract.body) return { params, query, body: undefined };
  const raw = rawBody(event);
  if (raw !== undefined && !isJsonMediaType(event.headers?.['content-type'])) {
    throw new UnsupportedMediaType('Nội dung phải là JSON', [
      { path: 'header.content-type', message: 'Cần Content-Type: application/json' },
    ]);
  }
  const body = parsePart(contract.body, normalizeInput(parseJson(raw)), 'body');
  return { params, query, body };
};
