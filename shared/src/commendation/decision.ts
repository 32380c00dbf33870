import type { CouncilSession } from './council';
import { isIssued } from './issue';
import { lifecycleError, MIN_REASON, type Outcome, reasonMissing, refuse } from './lifecycle';
import type { Decision, DecisionEntry, ListEntry, NominationStage } from './records';

/**
 * A signed decision never changes: what happens afterwards is a revocation of one of its awards, a
 * decision of its own in the same register. An award is revoked at most once; only an awarded line can
 * be revoked. Numbers come from the register (`numbering.ts`): one number per signed document.
 */
export type AwardAction = {
  type: 'revoke';
  nominationId: string;
  reason: string;
  /**
   * The provision the revocation rests on (Luật TĐKT 2022 Art. 90 and Decree 152/2025 Art. …): required
   * when the head decided alone — no council's minutes stand behind the act, so the document must cite it.
   */
  legalBasis?: string | undefined;
};

export interface AwardTransitionInput {
  decision: Pick<Decision, 'entries' | 'decidedBy' | 'state'>;
  /** Where the nomination stands now (its record's stage). */
  stage: NominationStage;
  action: AwardAction;
}

export type AwardTransition = Outcome<{ stage: 'revoked'; entry: DecisionEntry }>;

export function awardTransition(input: AwardTransitionInput): AwardTransition {
  const { decision, stage, action } = input;
  // A decision awaiting its digital signature is not in force (ADR 0032): nothing of it to revoke yet.
  if (!isIssued(decision))
    return refuse(
      lifecycleError('not_issued', 'Quyết định chưa được ban hành (đang chờ chữ ký số): chưa thể thu hồi'),
    );
  const entry = decision.entries.find(
    (e) => e.nominationId === action.nominationId && e.outcome === 'awarded',
  );
  if (!entry)
    return refuse(lifecycleError('not_awarded', 'Trường hợp này không được khen thưởng trong quyết định'));
  if (stage === 'revoked') return refuse(lifecycleError('already_revoked', 'Khen thưởng này đã bị thu hồi'));
  if (stage !== 'awarded')
    return refuse(lifecycleError('invalid_state', 'Hồ sơ không ở trạng thái được khen thưởng'));
  const missing = reasonMissing(action.reason);
  if (missing) return refuse(missing);
  if (decision.decidedBy === 'head' && (action.legalBasis ?? '').trim().length < MIN_REASON)
    return refuse(
      lifecycleError(
        'legal_basis_required',
        'Thu hồi quyết định của người đứng đầu phải nêu căn cứ pháp lý',
        [{ path: 'body.legalBasis', message: 'Nêu căn cứ pháp lý của việc thu hồi' }],
      ),
    );
  return { ok: true, stage: 'revoked', entry };
}

/**
 * The decision's lines from a closed session's frozen results: passed → awarded, the others not
 * awarded with the reason. `lines` gives each agenda item's printable line (from its record); an
 * agenda item without a result or a line is refused (the session's results are incomplete).
 */
export const decisionEntries = (
  s: Pick<CouncilSession, 'agenda' | 'results'>,
  lines: ReadonlyMap<string, ListEntry>,
): Outcome<{ entries: DecisionEntry[] }> => {
  const results = new Map((s.results ?? []).map((r) => [r.nominationId, r]));
  const entries: DecisionEntry[] = [];
  for (const a of s.agenda) {
    const r = results.get(a.nominationId);
    const line = lines.get(a.nominationId);
    if (!r || !line) return refuse(lifecycleError('invalid_state', 'Kết quả phiên họp không đầy đủ'));
    entries.push({
      ...line,
      awardTypeName: a.awardTypeName,
      outcome: r.passed ? 'awarded' : 'not_awarded',
      reason: r.reason,
      agree: r.agree,
      denominatorCount: r.denominatorCount,
      agreePercent: r.agreePercent,
    });
  }
  return { ok: true, entries };
};
