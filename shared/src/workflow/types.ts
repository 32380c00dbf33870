import * as z from 'zod';
import { Id, Instant, TenantId } from '../common';
import { InvalidEntry } from '../forms/draft';
import { ChainLevel, Role } from '../org';
import { PERIOD_PATTERN } from './period';

// A chain's level is the org tree's concept (org/chain.ts); the workflow re-exports it for its readers.
export { ChainLevel };

export const submissionStates = [
  'draft',
  'awaiting_signoff',
  'under_review',
  'returned',
  'approved',
  'rejected',
  'withdrawn',
] as const;
export const SubmissionState = z.enum(submissionStates);
export type SubmissionState = z.infer<typeof SubmissionState>;

/** A reporting period: `2026-M01`..`M12`, `2023-Q1`..`Q4`, `2023-H1`, `H2`, `2026-9M`, `2023-Y` (period.ts). */
export const Period = z.string().regex(PERIOD_PATTERN, 'Kỳ báo cáo không hợp lệ');
export type Period = z.infer<typeof Period>;

export const Reason = z.string().trim().min(3, 'Cần nêu lý do (ít nhất 3 ký tự)').max(2000);

export const WorkflowAction = z.discriminatedUnion('type', [
  z.object({ type: z.literal('submit') }),
  z.object({ type: z.literal('sign_off') }),
  z.object({ type: z.literal('approve'), comment: z.string().max(2000).optional() }),
  z.object({
    type: z.literal('return'),
    reason: Reason,
    /** Field keys the reviewer comments on: the author's notice opens the report at the first one. */
    fields: z.array(z.string().min(1).max(200)).max(50).optional(),
  }),
  z.object({ type: z.literal('reject'), reason: Reason }),
  z.object({ type: z.literal('withdraw') }),
  z.object({ type: z.literal('reopen'), reason: Reason }),
]);
export type WorkflowAction = z.infer<typeof WorkflowAction>;
export type WorkflowActionType = WorkflowAction['type'];
/** The workflow's action names, in its order: the API's offered actions, the events and the tests list them from here. */
export const workflowActionTypes: readonly WorkflowActionType[] = WorkflowAction.options.map(
  (o) => o.shape.type.value,
);

/** Where a submission stands: its state and, while in review, the index of the reviewing level. */
export const Position = z.object({ state: SubmissionState, level: z.number().int().min(0).nullable() });
export type Position = z.infer<typeof Position>;

export const Submission = z.object({
  tenantId: TenantId,
  id: Id,
  campaignId: Id,
  /** The form kind key within the campaign, e.g. `periodic_report`. */
  formKey: Id,
  templateId: Id,
  /** The template version the submission was filled on; never changes afterwards. */
  templateVersion: z.number().int().min(1),
  period: Period,
  /** The author unit. */
  unitId: Id,
  unitName: z.string(),
  /** The author unit's ancestors, root first: lets the policy decide subtree reads without a lookup. */
  unitPath: z.array(Id),
  /** Snapshot of the reviewing chain taken when the draft was created. */
  chain: z.array(ChainLevel).min(1),
  state: SubmissionState,
  /** Index into `chain` of the level whose turn it is (under_review), else null. */
  level: z.number().int().min(0).nullable(),
  /** When returned: the level that returned it; the resubmission goes back there. */
  returnedFromLevel: z.number().int().min(0).nullable(),
  /** Optimistic-locking version, +1 on every write. */
  version: z.number().int().min(1),
  data: z.record(z.string(), z.unknown()),
  /** Everyone who saved data into the submission or submitted it (four-eyes). */
  filledBy: z.array(z.string()),
  submittedBy: z.string().nullable(),
  createdBy: z.string(),
  createdAt: Instant,
  updatedAt: Instant,
  /** Deadline of the current stage, if the campaign sets one. */
  dueAt: Instant.nullable(),
  /** Audit chain head: the hash of the last event and its sequence number. */
  lastEventHash: z.string(),
  eventSeq: z.number().int().min(0),
  /**
   * One of possibly several submissions of its unit, form and period (set at creation from the form
   * kind, e.g. a nomination per nominee); absent: the only one.
   */
  multiplePerPeriod: z.boolean().optional(),
  /**
   * Flagged "Mật" by a reviewer or the secretariat: state-secret content that does not belong here, so
   * no more data entry (forms/sensitive.ts). Absent: not flagged.
   */
  classified: z.boolean().optional(),
  /**
   * Input kept with a draft that does not fit its field yet (forms/draft.ts): saved and flagged, never
   * sent for review (submit refuses while any is left). Absent: none.
   */
  invalid: z.array(InvalidEntry).optional(),
});
export type Submission = z.infer<typeof Submission>;

/** What a transition says to record: exactly one per accepted action. */
export const WorkflowEvent = z.object({
  submissionId: Id,
  action: z.enum([
    'create',
    'save',
    ...workflowActionTypes,
    /** An evidence file checked and accepted (no change of state): its SHA-256 enters the chain. */
    'attach',
    /** The "Mật" flag set or lifted (no change of state); `reason` says which and why. */
    'classify',
    /** A reviewer's comment on a field (no change of state); `reason` is `[path] text`. */
    'comment',
    /** The unit's answer to a comment (no change of state); `reason` is `[path] text`. */
    'answer',
  ]),
  actorId: z.string(),
  actorUnitId: Id,
  actorRoles: z.array(Role),
  at: Instant,
  from: Position,
  to: Position,
  reason: z.string().nullable(),
  /** `attach` only: the file as checked at confirm. Absent on other events (their hashes stay as they were). */
  attachment: z
    .object({
      id: Id,
      name: z.string(),
      contentType: z.string(),
      size: z.number().int().min(0),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
    })
    .optional(),
});
export type WorkflowEvent = z.infer<typeof WorkflowEvent>;
