import { ZodError } from 'zod';
import { CorruptItem } from '../data/corrupt-item';
import { DataError } from '../data/errors';
import { fromDataError } from './data-errors';
import { AppError, type ErrorDetail } from './errors';
import { type HttpResult, json } from './response';
import { zodDetails } from './zod-details';

/** Where a bug (an error that is not an `AppError`) is reported, with its stack. */
export type BugReporter = (fields: Record<string, unknown>) => void;

/**
 * THE mapper from errors to HTTP: `{ "error": { "code", "message", "details": [{ "path", "message" }] } }`.
 * A stored item that does not match its schema is 502 `corrupt_item`, naming the item: the table (the
 * server's upstream) gave an answer the server cannot use; the client can do nothing about it and must not
 * retry. Anything else that is not an `AppError` is a bug on our side: reported with its stack, answered
 * as a bare 500 that reveals nothing. The caller says where bugs go (the request's logger), so no error
 * leaves the function without a log line that carries its request id.
 */
export const toErrorResponse = (
  thrown: unknown,
  requestId: string | undefined,
  reportBug: BugReporter,
): HttpResult => {
  const err = thrown instanceof DataError ? fromDataError(thrown) : thrown;
  if (err instanceof AppError) {
    return errorBody(err.status, err.code, err.message, err.details, err.extra(), err.headers());
  }
  if (err instanceof ZodError) {
    // A schema parse that escaped a handler is still bad input, never a 500.
    return errorBody(400, 'bad_request', 'Dữ liệu không hợp lệ', zodDetails(err, 'body'), {});
  }
  if (err instanceof CorruptItem) {
    return errorBody(
      502,
      'corrupt_item',
      `Bản ghi ${err.itemType} ${err.key.pk} / ${err.key.sk} bị hỏng, vui lòng báo quản trị`,
      err.issues.map((i) => ({ path: `item.${i.path}`, message: i.message })),
      { item: { type: err.itemType, pk: err.key.pk, sk: err.key.sk }, ...(requestId ? { requestId } : {}) },
    );
  }
  reportBug({ requestId, error: describe(err) });
  return errorBody(500, 'internal', 'Lỗi hệ thống, vui lòng thử lại sau', [], requestId ? { requestId } : {});
};

const errorBody = (
  status: number,
  code: string,
  message: string,
  details: readonly ErrorDetail[],
  extra: Record<string, unknown>,
  headers: Record<string, string> = {},
): HttpResult => json(status, { error: { code, message, details, ...extra } }, headers);

export const describe = (err: unknown): Record<string, unknown> =>
  err instanceof Error ? { name: err.name, message: err.message, stack: err.stack } : { value: String(err) };
