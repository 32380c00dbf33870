import { AttachmentView } from '@thidua/shared/api';
import { Id, Instant, TenantId } from '@thidua/shared/common';
import {
  ChainLevel,
  ReviewComment,
  Submission,
  SubmissionState,
  type WorkflowRules,
} from '@thidua/shared/workflow';
import * as z from 'zod';

/**
 * Schemas of what only the table holds (the shared schemas cover the rest). Every read parses through
 * one of them, by way of its entity (keys.ts).
 */

/** The workflow rules resolved for a submission, snapshotted on it (refreshed from the campaign on submit). */
export const StoredRules = z.object({
  requireUnitSignOff: z.boolean(),
  rejectIsTerminal: z.boolean(),
  requireChildrenApproved: z.boolean(),
  entryWindow: z.object({ opensAt: Instant, closesAt: Instant }).nullable(),
  deadlines: z.object({
    submit: Instant.nullable(),
    signOff: Instant.nullable(),
    reviewByKind: z.record(z.string(), Instant),
    review: Instant.nullable(),
  }),
}) satisfies z.ZodType<WorkflowRules>;

/** A submission as stored: the shared Submission plus its rules snapshot. */
export const StoredSubmission = Submission.extend({ rules: StoredRules });
export type StoredSubmission = z.infer<typeof StoredSubmission>;

export const CompletenessCell = z.object({
  unitId: Id,
  submissionId: Id,
  state: SubmissionState,
  level: z.number().int().nullable(),
  chain: z.array(ChainLevel.pick({ unitId: true })),
});
export type CompletenessCell = z.infer<typeof CompletenessCell>;

/** Submissions per state, as `n_<state>` counters (an `ADD` per change keeps them exact). */
export const CompletenessCounts = z.record(z.string(), z.unknown());

export const Snapshot = z.object({ version: z.number().int(), data: z.record(z.string(), z.unknown()) });
export type Snapshot = z.infer<typeof Snapshot>;

/** A submission's slot: which submission holds a unit's campaign, form and period. */
export const Slot = z.object({ submissionId: Id });

export { ScanState, Sha256 } from '@thidua/shared/api';

/** The stored attachment: the API's view (shared/src/api) plus its tenant and where its bytes are. */
export const Attachment = AttachmentView.extend({
  tenantId: TenantId,
  /** Where the browser uploads (one-time key under `upload/`); never served. */
  objectKey: z.string(),
  /**
   * Where the checked bytes live after `confirm` (under `evidence/`, a prefix no upload policy names);
   * null while pending, and for files confirmed before issue 12 (they were served from `objectKey`).
   */
  storedKey: z.string().nullable().default(null),
});
export type Attachment = z.infer<typeof Attachment>;

/** The first answer to an `Idempotency-Key`. */
export const StoredResponse = z.object({
  fingerprint: z.string(),
  statusCode: z.number().int(),
  headers: z.record(z.string(), z.string()),
  body: z.string(),
  createdAt: z.string(),
});
export type StoredResponse = z.infer<typeof StoredResponse>;

/** A reviewer's comment on a field and the unit's answer, as stored (the API's view plus its tenant). */
export const StoredComment = ReviewComment.extend({ tenantId: TenantId });
export type StoredComment = z.infer<typeof StoredComment>;
