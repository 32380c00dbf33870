import { Id, Instant, TenantId } from '@thidua/shared/common';
import { ATTACHMENT_CONTENT_TYPES, ATTACHMENT_SCAN_STATES } from '@thidua/shared/forms';
import { ChainLevel, Submission, SubmissionState, type WorkflowRules } from '@thidua/shared/workflow';
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

export const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

/**
 * Malware scanning: `not_scanned` where the deployment has no scanner; `pending` from confirm until the
 * scanner's verdict; then `clean` or `infected`.
 */
export const ScanState = z.enum(ATTACHMENT_SCAN_STATES);
export type ScanState = z.infer<typeof ScanState>;

export const Attachment = z.object({
  tenantId: TenantId,
  id: Id,
  submissionId: Id,
  /** Sanitized display name with the extension of the real type. */
  name: z.string().min(1).max(200),
  contentType: z.enum(ATTACHMENT_CONTENT_TYPES),
  /** What the uploader announced; the stored size is checked after the upload. */
  declaredSize: z.number().int().min(1),
  size: z.number().int().min(0).nullable(),
  /** `pending` until the server has checked the uploaded bytes; only `ready` files can be used. */
  status: z.enum(['pending', 'ready']),
  /** Where the browser uploads (one-time key under `upload/`); never served. */
  objectKey: z.string(),
  /**
   * Where the checked bytes live after `confirm` (under `evidence/`, a prefix no upload policy names);
   * null while pending, and for files confirmed before issue 12 (they were served from `objectKey`).
   */
  storedKey: z.string().nullable().default(null),
  /** SHA-256 (hex) of the checked bytes, computed at `confirm`; it also enters the audit chain. */
  sha256: Sha256.nullable().default(null),
  scanState: ScanState.default('not_scanned'),
  uploadedBy: z.string(),
  createdAt: Instant,
  confirmedAt: Instant.nullable(),
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
