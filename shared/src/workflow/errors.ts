import type { FormattedIssue } from '../forms/validate';

export type WorkflowErrorCode =
  | 'forbidden'
  | 'not_your_turn'
  | 'four_eyes'
  | 'invalid_state'
  | 'version_conflict'
  | 'window_closed'
  | 'reason_required'
  | 'children_incomplete'
  | 'invalid_data'
  | 'not_participant'
  | 'chain_unavailable';

/** HTTP status of each code: the API maps a workflow refusal with this table and nothing else. */
export const workflowErrorStatus = {
  forbidden: 403,
  not_your_turn: 403,
  four_eyes: 403,
  invalid_state: 409,
  version_conflict: 409,
  window_closed: 422,
  reason_required: 422,
  children_incomplete: 422,
  invalid_data: 422,
  not_participant: 422,
  chain_unavailable: 422,
} as const satisfies Record<WorkflowErrorCode, 403 | 409 | 422>;

export interface WorkflowError {
  code: WorkflowErrorCode;
  /** Vietnamese, for the user. */
  message: string;
  status: 403 | 409 | 422;
  /** Field issues (`invalid_data`). */
  details?: FormattedIssue[];
}

export function workflowError(
  code: WorkflowErrorCode,
  message: string,
  details?: FormattedIssue[],
): WorkflowError {
  const e: WorkflowError = { code, message, status: workflowErrorStatus[code] };
  if (details !== undefined) e.details = details;
  return e;
}
