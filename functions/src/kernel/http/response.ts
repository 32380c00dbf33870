import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

/** What every route returns: a structured HTTP API v2 result with string headers. */
export type HttpResult = APIGatewayProxyStructuredResultV2 & {
  statusCode: number;
  headers: Record<string, string>;
};

const JSON_TYPE = 'application/json; charset=utf-8';

export const json = (
  statusCode: number,
  body: unknown,
  headers: Record<string, string> = {},
): HttpResult => ({
  statusCode,
  headers: { 'content-type': JSON_TYPE, 'cache-control': 'no-store', ...headers },
  body: JSON.stringify(body),
});

export const ok = (body: unknown, headers?: Record<string, string>): HttpResult => json(200, body, headers);
export const created = (body: unknown, headers?: Record<string, string>): HttpResult =>
  json(201, body, headers);

export const text = (
  statusCode: number,
  body: string,
  contentType: string,
  headers: Record<string, string> = {},
): HttpResult => ({
  statusCode,
  headers: { 'content-type': contentType, 'cache-control': 'no-store', ...headers },
  body,
});

export const redirect = (location: string): HttpResult => ({
  statusCode: 303,
  headers: { location, 'cache-control': 'no-store' },
  body: '',
});
