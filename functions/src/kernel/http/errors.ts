/**
 * The one error model of the API. Every refusal is an `AppError` carrying its HTTP status and a stable
 * machine code; `toErrorResponse` (http/error-response.ts) is the only place that turns errors into HTTP.
 * Messages are Vietnamese: they are shown to the user as they are.
 */
export interface ErrorDetail {
  /** Where the problem is: `body.data.q1.crimesDetected`, `query.limit`, `path.submissionId`. */
  path: string;
  message: string;
}

export class AppError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: readonly ErrorDetail[];

  constructor(status: number, code: string, message: string, details: readonly ErrorDetail[] = []) {
    super(message);
    this.name = new.target.name;
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** Extra members of the `error` object (e.g. the current state of a conflict). */
  extra(): Record<string, unknown> {
    return {};
  }

  /** Extra response headers (e.g. `Retry-After`). */
  headers(): Record<string, string> {
    return {};
  }
}

export class BadRequest extends AppError {
  constructor(message = 'Dữ liệu không hợp lệ', details: readonly ErrorDetail[] = [], code = 'bad_request') {
    super(400, code, message, details);
  }
}

export class Unauthorized extends AppError {
  constructor(message = 'Cần đăng nhập', code = 'unauthorized') {
    super(401, code, message);
  }
}

export class Forbidden extends AppError {
  constructor(message = 'Bạn không có quyền thực hiện thao tác này', code = 'forbidden') {
    super(403, code, message);
  }
}

/** Also used for anything outside the caller's scope, so that existence does not leak. */
export class NotFound extends AppError {
  constructor(message = 'Không tìm thấy', code = 'not_found') {
    super(404, code, message);
  }
}

/** A lost race or a stale expected version. Carries the current state so the client can reload. */
export class Conflict extends AppError {
  readonly current: unknown;

  constructor(
    message = 'Dữ liệu đã bị người khác thay đổi, vui lòng tải lại',
    current?: unknown,
    code = 'conflict',
  ) {
    super(409, code, message);
    this.current = current;
  }

  override extra(): Record<string, unknown> {
    return this.current === undefined ? {} : { current: this.current };
  }
}

export class PayloadTooLarge extends AppError {
  constructor(message = 'Dữ liệu gửi lên quá lớn', code = 'payload_too_large') {
    super(413, code, message);
  }
}

/** A body in a media type the route does not read (JSON routes: `application/json` or `+json`). */
export class UnsupportedMediaType extends AppError {
  constructor(message = 'Kiểu nội dung không được hỗ trợ', details: readonly ErrorDetail[] = []) {
    super(415, 'unsupported_media_type', message, details);
  }
}

/** The input is well-formed but a business rule refuses it (workflow guard, form rule, quota...). */
export class RuleViolation extends AppError {
  constructor(message: string, details: readonly ErrorDetail[] = [], code = 'rule_violation') {
    super(422, code, message, details);
  }
}

/** Seconds a client waits before retrying a 503 (the web app's backoff starts here). */
export const RETRY_AFTER_SECONDS = 2;

/**
 * A dependency (the table, the bucket) is unreachable, timing out or overloaded, and nothing this request
 * may have written would be written twice by a retry: the client retries with the same Idempotency-Key
 * after `Retry-After` seconds and gets either the first answer or a fresh one.
 */
export class ServiceUnavailable extends AppError {
  constructor(message = 'Máy chủ đang bận, vui lòng thử lại', code = 'unavailable') {
    super(503, code, message);
  }

  override headers(): Record<string, string> {
    return { 'retry-after': String(RETRY_AFTER_SECONDS) };
  }
}

/**
 * A dependency failed after a write that does not carry the request's Idempotency-Key record may already
 * have been applied: a blind retry could apply it twice, so this is not a 503. The client reloads and
 * looks before acting again.
 */
export class OutcomeUnknown extends AppError {
  constructor(message = 'Không rõ đã lưu hay chưa, vui lòng tải lại để kiểm tra', code = 'outcome_unknown') {
    super(500, code, message);
  }
}
