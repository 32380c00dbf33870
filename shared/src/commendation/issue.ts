import { type LifecycleError, lifecycleError, type Outcome, refuse } from './lifecycle';
import type { Decision, DecisionSignature, DecisionState, SigningMode } from './records';

/**
 * A decision's issue (issue 17 point 5; Decree 30/2020 Art. 13). Taking the number ("Lấy số") makes the
 * numbered decision and its document; then, where the tenant signs digitally, the decision waits for the
 * signer's signed PDF, and only a signature that passed verification issues it (published, downloadable
 * as signed, units told). Where the tenant's explicit setting is `paper`, the original is the hand-signed
 * paper copy and the decision is issued when numbered, as before. Pure: nothing is changed in place.
 */

/** What a stored decision is now: absent state means issued at signing (before this lifecycle). */
export const decisionStateOf = (d: Pick<Decision, 'state'>): DecisionState => d.state ?? 'issued';

/** Only an issued decision is public, searchable and announced. */
export const isIssued = (d: Pick<Decision, 'state'>): boolean => decisionStateOf(d) === 'issued';

/** The state a decision is numbered in under the tenant's signing mode. */
export const numberedAs = (mode: SigningMode): { state: DecisionState; original: SigningMode } =>
  mode === 'digital'
    ? { state: 'awaiting_signature', original: 'digital' }
    : { state: 'issued', original: 'paper' };

export type IssueAction = { type: 'attach_signature'; signature: DecisionSignature; at: string };

/**
 * A verified signature issues a numbered decision that awaits it; an issued decision never changes
 * (409 `already_issued`), and a paper-original decision takes no digital signature (409 `not_digital`).
 */
export const issueRefusal = (decision: Pick<Decision, 'state' | 'original'>): LifecycleError | null => {
  if (decision.original === 'paper')
    return lifecycleError('not_digital', 'Quyết định này có bản gốc là bản giấy');
  if (decisionStateOf(decision) === 'issued')
    return lifecycleError('already_issued', 'Quyết định đã được ban hành; không ký lại');
  return null;
};

export function issueTransition(decision: Decision, action: IssueAction): Outcome<{ decision: Decision }> {
  const refused = issueRefusal(decision);
  if (refused) return refuse(refused);
  return {
    ok: true,
    decision: { ...decision, state: 'issued', signature: action.signature, issuedAt: action.at },
  };
}
