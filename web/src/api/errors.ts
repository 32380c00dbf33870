/**
 * Every failure of a call to the API — the network, the server, an unexpected answer — becomes one
 * `HttpError`, so screens handle one type. `status` is 0 when nothing came back.
 */
export interface FieldIssue {
  /** Dotted path of the offending field, as the API reports it (`data.crimes_detected`). */
  path: string;
  message: string;
}

export type HttpErrorKind = 'network' | 'timeout' | 'http' | 'invalid_response';

export class HttpError extends Error {
  override readonly name = 'HttpError';
  readonly kind: HttpErrorKind;
  readonly status: number;
  /** The API's machine code (`conflict`, `validation_failed`…) or one of ours for non-HTTP failures. */
  readonly code: string;
  readonly details: readonly FieldIssue[];
  /** The parsed error body, e.g. a 409 carries the current state of the resource. */
  readonly body: unknown;

  constructor(init: {
    kind: HttpErrorKind;
    status: number;
    code: string;
    message: string;
    details?: readonly FieldIssue[];
    body?: unknown;
  }) {
    super(init.message);
    this.kind = init.kind;
    this.status = init.status;
    this.code = init.code;
    this.details = init.details ?? [];
    this.body = init.body;
  }

  get isNetwork(): boolean {
    return this.kind === 'network' || this.kind === 'timeout';
  }
  get isConflict(): boolean {
    return this.status === 409;
  }
  get isUnauthorized(): boolean {
    return this.status === 401;
  }
  get isForbiddenOrMissing(): boolean {
    return this.status === 403 || this.status === 404;
  }
  get isValidation(): boolean {
    return this.status === 400 && this.details.length > 0;
  }
  /**
   * Worth retrying automatically: nothing came back, or the server was briefly unavailable. Not the
   * API's 502 `corrupt_item` (a damaged record stays damaged).
   */
  get isTransient(): boolean {
    if (this.code === 'corrupt_item') return false;
    return this.isNetwork || this.status === 502 || this.status === 503 || this.status === 504;
  }
}

export function isHttpError(e: unknown): e is HttpError {
  return e instanceof HttpError;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `["data", "rows", 0, "name"]` or `"data.rows.0.name"` → `data.rows.0.name`. */
export function normalizePath(path: unknown): string {
  if (Array.isArray(path)) return path.map((p) => String(p)).join('.');
  if (typeof path === 'string') return path.replace(/\[(\d+)\]/g, '.$1').replace(/^\./, '');
  return '';
}

/** Reads the API's one error shape `{ error: { code, message, details: [{ path, message }] } }`. */
export function errorFromResponse(status: number, body: unknown): HttpError {
  const err = isRecord(body) && isRecord(body.error) ? body.error : null;
  const code = err && typeof err.code === 'string' ? err.code : `http_${status}`;
  const message = err && typeof err.message === 'string' ? err.message : `HTTP ${status}`;
  const details: FieldIssue[] = [];
  if (err && Array.isArray(err.details)) {
    for (const d of err.details) {
      if (isRecord(d) && typeof d.message === 'string') {
        details.push({ path: normalizePath(d.path), message: d.message });
      }
    }
  }
  return new HttpError({ kind: 'http', status, code, message, details, body });
}
