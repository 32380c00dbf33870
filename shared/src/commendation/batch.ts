import type { Submission } from '../workflow/types';
import { NOMINATION_FORM_KEY } from './nomination';
import type { Batch, ListEntry } from './records';

/**
 * District consolidation: a reviewing unit gathers the nominations waiting at its level (its communes',
 * already filed) and its own drafts into one tờ trình that goes up as one. Submitting the batch forwards
 * every member in ONE transaction, so the province receives the whole list or nothing.
 */

/**
 * How many nominations one batch may carry: every member costs a few items of the single
 * TransactWriteItems (DynamoDB allows 100), see docs/commendations.md.
 */
export const MAX_BATCH_ENTRIES = 20;

export type BatchMembership =
  /** A child unit's nomination waiting at the batch unit's level: the batch approves (forwards) it. */
  | { ok: true; action: 'approve'; nextUnitId: string }
  /** The batch unit's own nomination: the batch submits it. */
  | { ok: true; action: 'submit'; nextUnitId: string }
  | { ok: false; reason: string };

type SubmissionView = Pick<
  Submission,
  'id' | 'formKey' | 'campaignId' | 'state' | 'level' | 'chain' | 'unitId' | 'returnedFromLevel'
>;

export const batchMembership = (
  s: SubmissionView,
  batch: Pick<Batch, 'unitId' | 'campaignId'>,
): BatchMembership => {
  if (s.formKey !== NOMINATION_FORM_KEY)
    return { ok: false, reason: 'Chỉ hồ sơ đề nghị khen thưởng được đưa vào tờ trình.' };
  if (s.campaignId !== batch.campaignId) return { ok: false, reason: 'Hồ sơ thuộc phong trào thi đua khác.' };
  if (s.unitId === batch.unitId) {
    if (s.state !== 'draft' && s.state !== 'returned')
      return { ok: false, reason: 'Hồ sơ của đơn vị đã được gửi đi.' };
    const level = s.state === 'returned' ? (s.returnedFromLevel ?? 0) : 0;
    const next = s.chain[level];
    if (!next) return { ok: false, reason: 'Hồ sơ không có cấp xét duyệt.' };
    return { ok: true, action: 'submit', nextUnitId: next.unitId };
  }
  if (s.state !== 'under_review' || s.level === null || s.chain[s.level]?.unitId !== batch.unitId)
    return { ok: false, reason: 'Hồ sơ không chờ đơn vị này xét duyệt.' };
  const next = s.chain[s.level + 1];
  if (!next) return { ok: false, reason: 'Đơn vị này là cấp xét duyệt cuối cùng của hồ sơ.' };
  return { ok: true, action: 'approve', nextUnitId: next.unitId };
};

/** Only a draft changes: a returned batch sent its members back to their authors and stays as a record. */
export const isBatchEditable = (b: Pick<Batch, 'state'>): boolean => b.state === 'draft';

/** Count of entries per award type, in the order of the list, for the tờ trình's summary. */
export const countByAward = (
  entries: readonly ListEntry[],
): { awardTypeName: string; collective: number; individual: number }[] => {
  const out = new Map<string, { awardTypeName: string; collective: number; individual: number }>();
  for (const e of entries) {
    const row = out.get(e.awardTypeId) ?? { awardTypeName: e.awardTypeName, collective: 0, individual: 0 };
    row[e.nomineeKind] += 1;
    out.set(e.awardTypeId, row);
  }
  return [...out.values()];
};
