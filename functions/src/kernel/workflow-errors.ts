import type { LifecycleError } from '@thidua/shared/commendation';
import type { WorkflowError } from '@thidua/shared/workflow';
import { type AppError, Conflict, Forbidden, RuleViolation } from './http/errors';

/** A refusal of a shared lifecycle: its status comes from the lifecycle's own table. */
type Refusal = Pick<WorkflowError | LifecycleError, 'code' | 'message' | 'status'> & {
  details?: readonly { path: string; message: string }[] | undefined;
};

export interface RefusalContext {
  /** Whom the refusal is about, when one request moves several (a tờ trình's members): prefixes the message. */
  subject?: string;
  /** Where a workflow's field paths sit in the request: `body.data` unless said. */
  dataPath?: string;
}

const toAppError = (
  e: Refusal,
  details: { path: string; message: string }[],
  current: unknown,
  ctx: RefusalContext,
) => {
  const message = ctx.subject ? `${ctx.subject}: ${e.message}` : e.message;
  switch (e.status) {
    case 403:
      return new Forbidden(message, e.code);
    case 409:
      return new Conflict(message, current, e.code);
    case 422:
      return new RuleViolation(message, details, e.code);
  }
};

/**
 * THE mapping of a shared refusal to an API error (submission workflow and commendation lifecycles
 * alike): 403, 409 carrying the current state so the client can reload, or 422 with field paths.
 * Workflow details are paths inside the form data, placed under `ctx.dataPath`.
 */
export const fromWorkflowError = (
  e: WorkflowError,
  current?: unknown,
  ctx: RefusalContext = {},
): AppError => {
  const at = ctx.dataPath ?? 'body.data';
  return toAppError(
    e,
    (e.details ?? []).map((d) => ({ path: d.path === '' ? at : `${at}.${d.path}`, message: d.message })),
    current,
    ctx,
  );
};

/** A commendation lifecycle's refusal: its details already name the request's fields. */
export const fromLifecycleError = (
  e: LifecycleError,
  current?: unknown,
  ctx: RefusalContext = {},
): AppError => toAppError(e, [...(e.details ?? [])], current, ctx);
