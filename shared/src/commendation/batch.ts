import type { Instant } from '../common';
import type { Identity } from '../org/schema';
import type { Submission } from '../workflow/types';
import { NOMINATION_FORM_KEY } from './fields';
import {
  type LifecycleError,
  lifecycleError,
  type Outcome,
  reasonMissing,
  refuse,
  staleOrForeign,
} from './lifecycle';
import type { Batch, BatchState, ListEntry } from './records';

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

/** What happens to a tờ trình: its unit edits and sends it; the province approves or returns it. */
export type BatchAction =
  | { type: 'edit'; entries: readonly ListEntry[]; reference: string; summary: string }
  | { type: 'submit'; documentKey: string }
  | { type: 'approve' }
  | { type: 'return'; reason: string };

/** States no action leaves: a decided tờ trình stays as the record of what was sent. */
export const finalBatchStates = ['approved', 'returned'] as const satisfies readonly BatchState[];

export interface BatchTransitionInput {
  batch: Batch;
  action: BatchAction;
  actor: Identity;
  now: Instant;
  /** The version the caller saw; a different current version → 409 `version_conflict`. */
  expectedVersion?: number;
}

export type BatchTransition = Outcome<{ batch: Batch }>;

/** The entries a tờ trình may carry: at most `MAX_BATCH_ENTRIES`, each nomination once. */
export const entriesRefusal = (entries: readonly { nominationId: string }[]): LifecycleError | null => {
  if (entries.length > MAX_BATCH_ENTRIES)
    return lifecycleError('batch_too_large', `Một tờ trình có tối đa ${MAX_BATCH_ENTRIES} hồ sơ`);
  if (new Set(entries.map((e) => e.nominationId)).size !== entries.length)
    return lifecycleError('batch_duplicate', 'Danh sách có hồ sơ trùng lặp');
  return null;
};

/** A new draft tờ trình of the actor's unit (version 1). */
export const draftBatch = (
  input: Pick<Batch, 'tenantId' | 'id' | 'campaignId' | 'unitId' | 'unitName' | 'unitPath'> & {
    entries: readonly ListEntry[];
    reference: string;
    summary: string;
    actor: Identity;
    now: Instant;
  },
): BatchTransition => {
  const { actor, now, entries, ...rest } = input;
  if (actor.tenantId !== input.tenantId) return refuse(lifecycleError('forbidden', 'Ngoài phạm vi đơn vị'));
  if (actor.unitId !== input.unitId)
    return refuse(lifecycleError('not_your_turn', 'Chỉ lập được tờ trình của đơn vị mình'));
  const bad = entriesRefusal(entries);
  if (bad) return refuse(bad);
  return {
    ok: true,
    batch: {
      ...rest,
      state: 'draft',
      entries: [...entries],
      createdBy: actor.userId,
      createdAt: now,
      submittedBy: null,
      submittedAt: null,
      decidedBy: null,
      decidedAt: null,
      returnReason: null,
      documentKey: null,
      version: 1,
    },
  };
};

const batchStateNames: Record<BatchState, string> = {
  draft: 'đang soạn',
  submitted: 'chờ tỉnh xét',
  returned: 'bị trả lại',
  approved: 'đã được duyệt',
};

/**
 * Applies one action to a tờ trình. Who may act at all is the policy's (`batch`); this decides what the
 * state allows and whose turn it is: its own unit while a draft, the province (the root of its path) once
 * sent. On success the version is one more.
 */
export function batchTransition(input: BatchTransitionInput): BatchTransition {
  const { batch: b, action, actor, now } = input;
  const stale = staleOrForeign(b, actor, input.expectedVersion, 'Tờ trình');
  if (stale) return refuse(stale);
  const invalid = (what: string) =>
    refuse(lifecycleError('invalid_state', `Không thể ${what} khi tờ trình ${batchStateNames[b.state]}`));
  let next: Batch;
  switch (action.type) {
    case 'edit':
    case 'submit': {
      if (!isBatchEditable(b)) return invalid(action.type === 'edit' ? 'sửa' : 'gửi');
      if (actor.unitId !== b.unitId)
        return refuse(lifecycleError('not_your_turn', 'Chỉ đơn vị lập tờ trình mới sửa và gửi được'));
      if (action.type === 'edit') {
        const bad = entriesRefusal(action.entries);
        if (bad) return refuse(bad);
        next = { ...b, entries: [...action.entries], reference: action.reference, summary: action.summary };
        break;
      }
      if (b.entries.length === 0) return refuse(lifecycleError('batch_empty', 'Tờ trình chưa có hồ sơ nào'));
      next = {
        ...b,
        state: 'submitted',
        submittedBy: actor.userId,
        submittedAt: now,
        documentKey: action.documentKey,
      };
      break;
    }
    case 'approve':
    case 'return': {
      if (b.state !== 'submitted') return invalid(action.type === 'approve' ? 'duyệt' : 'trả lại');
      const province = b.unitPath[0];
      if (province === undefined || actor.unitId !== province)
        return refuse(lifecycleError('not_your_turn', 'Chỉ cấp tỉnh mới xét tờ trình'));
      if (action.type === 'return') {
        const missing = reasonMissing(action.reason);
        if (missing) return refuse(missing);
      }
      next = {
        ...b,
        state: action.type === 'approve' ? 'approved' : 'returned',
        decidedBy: actor.userId,
        decidedAt: now,
        returnReason: action.type === 'return' ? action.reason : null,
      };
      break;
    }
  }
  return { ok: true, batch: { ...next, version: b.version + 1 } };
}
