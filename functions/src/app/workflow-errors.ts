import type { WorkflowError } from '@thidua/shared/workflow';
import { type AppError, Conflict, Forbidden, RuleViolation } from '../http/errors';

/**
 * A refusal of the shared workflow as an API error: the status comes from the workflow's own table
 * (`workflowErrorStatus`); a conflict carries the current state so the client can reload.
 */
export const fromWorkflowError = (e: WorkflowError, current?: unknown): AppError => {
  switch (e.status) {
    case 403:
      return new Forbidden(e.message, e.code);
    case 409:
      return new Conflict(e.message, current, e.code);
    case 422:
      return new RuleViolation(
        e.message,
        (e.details ?? []).map((d) => ({
          path: d.path === '' ? 'body.data' : `body.data.${d.path}`,
          message: d.message,
        })),
        e.code,
      );
  }
};
