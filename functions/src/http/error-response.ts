import { ZodError } from 'zod';
import { DataError } from '../data/errors';
import { fromDataError } from './data-errors';
import { AppError, type ErrorDetail } from './errors';
import { type HttpResult, json } from './response';
import { zodDetails } from './zod-details';

/**
 * THE mapper from errors to HTTP: `{ "error": { "code", "message", "details": [{ "path", "message" }] } }`.
 * Anything that is not an `AppError` is a bug on our side: logged with its stack, answered as a bare 500
 * that reveals nothing.
 */
export const toErrorResponse = (thrown: unknown, requestId?: string): HttpResult => {
  const err = thrown instanceof DataError ? fromDataError(thrown) : thrown;
  if (err instanceof AppError) {
    return errorBody(err.status, err.code, err.message, err.details, err.extra());
  }
  if (err instanceof ZodError) {
    // A schema parse that escaped a handler is still bad input, never a 500.
    return errorBody(400, 'bad_request', 'Dữ liệu không hợp lệ', zodDetails(err, 'body'), {});
  }
  console.error(JSON.stringify({ level: 'error', msg: 'unhandled', requestId, error: describe(err) }));
  return errorBody(500, 'internal', 'Lỗi hệ thống, vui lòng thử lại sau', [], requestId ? { requestId } : {});
};

const errorBody = (
  status: number,
  code: string,
  message: string,
  details: readonly ErrorDetail[],
  extra: Record<string, unknown>,
): HttpResult => json(status, { error: { code, message, details, ...extra } });

const describe = (err: unknown): Record<string, unknown> =>
  err instanceof Error ? { name: err.name, message: err.message, stack: err.stack } : { value: String(err) };
