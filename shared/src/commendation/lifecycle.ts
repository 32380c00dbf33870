import type { Identity } from '../org/schema';
import { type Refusal, type RefusalStatus, refusalMaker } from '../refusal';

/**
 * What the commendation lifecycles (tờ trình, disclosure, council session, decision) share: one error
 * shape with its HTTP status from one table, as the submission workflow has (`workflow/errors.ts`), and
 * the checks every change starts with. Each transition is pure: the input is never changed; on success
 * the result is the next state, on refusal nothing changes.
 */
export type LifecycleErrorCode =
  | 'forbidden'
  | 'not_your_turn'
  | 'not_a_member'
  | 'invalid_state'
  | 'version_conflict'
  | 'session_closed'
  | 'session_open'
  | 'already_decided'
  | 'already_revoked'
  | 'reason_required'
  | 'legal_basis_required'
  | 'batch_empty'
  | 'batch_too_large'
  | 'batch_duplicate'
  | 'ballot_incomplete'
  | 'ballot_unknown_item'
  | 'disclosure_closed'
  | 'early_end_not_justified'
  | 'abstain_not_allowed'
  | 'not_awarded'
  | 'already_issued'
  | 'not_digital'
  | 'not_issued';

export const lifecycleErrorStatus = {
  forbidden: 403,
  not_your_turn: 403,
  not_a_member: 403,
  invalid_state: 409,
  version_conflict: 409,
  session_closed: 409,
  session_open: 409,
  already_decided: 409,
  already_revoked: 409,
  reason_required: 422,
  legal_basis_required: 422,
  batch_empty: 422,
  batch_too_large: 422,
  batch_duplicate: 422,
  ballot_incomplete: 422,
  ballot_unknown_item: 422,
  disclosure_closed: 422,
  early_end_not_justified: 422,
  abstain_not_allowed: 422,
  not_awarded: 422,
  already_issued: 409,
  not_digital: 409,
  not_issued: 409,
} as const satisfies Record<LifecycleErrorCode, RefusalStatus>;

/** A lifecycle refusal; its details say where in the request the fault lies (`body.choices`). */
export type LifecycleError = Refusal<LifecycleErrorCode, { path: string; message: string }>;

export const lifecycleError = refusalMaker<LifecycleErrorCode, { path: string; message: string }>(
  lifecycleErrorStatus,
);

export type Outcome<T> = ({ ok: true } & T) | { ok: false; error: LifecycleError };

export const refuse = (error: LifecycleError): { ok: false; error: LifecycleError } => ({ ok: false, error });

/** A reason printed in a document: at least this many characters once trimmed. */
export const MIN_REASON = 3;

export const reasonMissing = (reason: string): LifecycleError | null =>
  reason.trim().length < MIN_REASON
    ? lifecycleError('reason_required', `Cần nêu lý do (ít nhất ${MIN_REASON} ký tự)`)
    : null;

/** Every versioned change first checks the caller saw the current version and belongs to its tenant. */
export const staleOrForeign = (
  current: { tenantId: string; version: number },
  actor: Pick<Identity, 'tenantId'> | null,
  expectedVersion: number | undefined,
  what: string,
): LifecycleError | null => {
  if (expectedVersion !== undefined && expectedVersion !== current.version)
    return lifecycleError('version_conflict', `${what} vừa được người khác cập nhật; hãy tải lại`);
  if (actor !== null && actor.tenantId !== current.tenantId)
    return lifecycleError('forbidden', `Bạn không có quyền với ${what.toLowerCase()} này`);
  return null;
};
