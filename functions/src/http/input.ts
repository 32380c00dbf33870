import type { RouteContract } from '@thidua/shared/contracts';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { z } from 'zod';
import { BadRequest, PayloadTooLarge } from './errors';
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

const rawBody = (event: APIGatewayProxyEventV2): string | undefined => {
  if (event.body === undefined || event.body === null || event.body === '') return undefined;
  const bytes = event.isBase64Encoded ? Buffer.from(event.body, 'base64') : Buffer.from(event.body, 'utf8');
  if (bytes.byteLength > MAX_JSON_BODY_BYTES) {
    throw new PayloadTooLarge(`Dữ liệu gửi lên vượt quá ${MAX_JSON_BODY_BYTES / 1024} KB`);
  }
  return event.isBase64Encoded ? bytes.toString('utf8') : event.body;
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

/** Path, query and body of the event, each parsed with its schema; 400 with field paths, 413 when too big. */
export const parseInput = (event: APIGatewayProxyEventV2, contract: RouteContract): ParsedInput => {
  const params = parsePart(contract.params, event.pathParameters ?? {}, 'path');
  const query = parsePart(contract.query, event.queryStringParameters ?? {}, 'query');
  if (!contract.body) return { params, query, body: undefined };
  const contentType = (event.headers?.['content-type'] ?? '').toLowerCase();
  const raw = rawBody(event);
  if (raw !== undefined && contentType !== '' && !contentType.includes('json')) {
    throw new BadRequest('Nội dung phải là JSON', [
      { path: 'header.content-type', message: 'Cần application/json' },
    ]);
  }
  const body = parsePart(contract.body, parseJson(raw), 'body');
  return { params, query, body };
};
