import type { FormattedIssue } from '../forms/validate';
import { type Refusal, type RefusalStatus, refusalMaker } from '../refusal';

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
} as const satisfies Record<WorkflowErrorCode, RefusalStatus>;

/** A workflow refusal; its details are field issues inside the form data (`invalid_data`). */
export type WorkflowError = Refusal<WorkflowErrorCode, FormattedIssue>;

export const workflowError = refusalMaker<WorkflowErrorCode, FormattedIssue>(workflowErrorStatus);
