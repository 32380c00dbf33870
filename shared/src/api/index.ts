import * as z from 'zod';
import { Id, Instant, TenantId } from '../common';
import { ATTACHMENT_CONTENT_TYPES, ATTACHMENT_SCAN_STATES } from '../forms';
import { Period, Submission, SubmissionState, WorkflowEvent, workflowActionTypes } from '../workflow';

/**
 * The views the API answers with, as zod schemas: the Lambdas build their responses (and the OpenAPI
 * document) from them and the web app parses answers with the same ones, so the two cannot drift. Kept
 * here, free of I/O, because the functions modules that use them also import the AWS SDK.
 */

/** One page of a list. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

/** What a list shows of a submission; the data layer copies it into every list partition it belongs to. */
export const SubmissionSummary = z.object({
  id: Id,
  tenantId: z.string(),
  campaignId: Id,
  formKey: Id,
  period: Period,
  templateId: Id,
  templateVersion: z.number().int(),
  unitId: Id,
  unitName: z.string(),
  state: SubmissionState,
  level: z.number().int().nullable(),
  /** The unit whose turn it is (reviewing unit, or the author unit), null when nobody must act. */
  onTurnUnitId: Id.nullable(),
  onTurnUnitName: z.string().nullable(),
  returnedFromLevel: z.number().int().nullable(),
  dueAt: Instant.nullable(),
  updatedAt: Instant,
  version: z.number().int(),
});
export type SubmissionSummary = z.infer<typeof SubmissionSummary>;

/** The workflow actions a caller may be offered on a submission. */
export const SubmissionActionType = z.enum(workflowActionTypes);

/** A submission as the API shows it: the stored submission and what the caller may do with it now. */
/**
 * Where a submission read through lineage comes from: the unit that filed it (since closed, merged or
 * split) and the caller's unit, or the unit below the caller, that carries its work now.
 */
export const SubmissionOrigin = z.object({
  relation: z.literal('predecessor'),
  unitId: Id,
  unitName: z.string(),
  heirUnitId: Id,
  heirUnitName: z.string(),
});
export type SubmissionOrigin = z.infer<typeof SubmissionOrigin>;

export const SubmissionView = Submission.extend({
  actions: z.array(SubmissionActionType).describe('Các thao tác người gọi được thực hiện lúc này'),
  origin: SubmissionOrigin.optional().describe(
    'Chỉ có khi người gọi xem qua đơn vị kế thừa: báo cáo do đơn vị cũ nộp (chỉ xem, không thao tác)',
  ),
  /**
   * The sensitive fields (`section.field`, `section.table.column`) removed from `data` because the
   * caller's role may not read them; empty when it may. Every sensitive field of the template is listed,
   * filled or not, so the list tells nothing about the values.
   */
  redacted: z
    .array(z.string())
    .describe('Các trường nhạy cảm đã ẩn khỏi data vì vai trò người gọi không được xem'),
});
export type SubmissionView = z.infer<typeof SubmissionView>;

/**
 * The MAC of one transaction: `heads` are `<chain>|<seq>|<hash>` of the last event of every chain the
 * transaction appended to (sorted); `mac` is the HMAC-SHA-256 (base64) of the SHA-256 of their canonical
 * JSON — one MAC call per transaction, whatever the number of events. `pending` exists only between
 * building a transaction and writing it (functions/src/data/transact.ts seals it); stored, it is unsealed.
 */
export const ChainSeal = z.union([
  z.literal('pending'),
  z.object({ heads: z.array(z.string()).min(1), mac: z.string().min(1) }),
]);
export type ChainSeal = z.infer<typeof ChainSeal>;

/** One event of a submission's audit chain (the hashes link it to the event before). */
export const AuditEvent = WorkflowEvent.extend({
  tenantId: TenantId,
  campaignId: Id,
  seq: z.number().int().min(1),
  /** The submission's version after the event. */
  version: z.number().int().min(1),
  dataHash: z.string().length(64),
  prevHash: z.string().length(64),
  hash: z.string().length(64),
  at: Instant,
  /** The submission's unit after the event (checked against the stored submission). */
  unitId: Id.optional(),
  /** The transaction's MAC, on the last event a transaction appended (contracts/audit.ts `ChainSeal`). */
  seal: ChainSeal.optional(),
});
export type AuditEvent = z.infer<typeof AuditEvent>;

/** What a chain is about. `submission` chains keep their events in the submission's own partition. */
export const AuditSubjectKind = z.enum([
  'submission',
  'batch',
  'disclosure',
  'session',
  'vote',
  'decision',
  'revocation',
  'user',
  'unit',
  'campaign',
  'template',
  'award_rules',
  'tenant_settings',
  'tenant_security',
  'nominee_import',
  'tenant_signing',
  'api_key',
]);
export type AuditSubjectKind = z.infer<typeof AuditSubjectKind>;

/** Vietnamese names of the subject kinds (screen, CSV, problems). */
export const auditSubjectLabels: Readonly<Record<AuditSubjectKind, string>> = {
  submission: 'Báo cáo / hồ sơ',
  batch: 'Tờ trình',
  disclosure: 'Công khai lấy ý kiến',
  session: 'Phiên họp Hội đồng',
  vote: 'Lượt bỏ phiếu',
  decision: 'Quyết định khen thưởng',
  revocation: 'Thu hồi khen thưởng',
  user: 'Người dùng',
  unit: 'Đơn vị',
  campaign: 'Phong trào thi đua',
  template: 'Biểu mẫu',
  award_rules: 'Quy tắc khen thưởng',
  tenant_settings: 'Thiết lập của tỉnh',
  tenant_security: 'Chính sách xác thực hai lớp',
  nominee_import: 'Nhập danh sách đề nghị từ Excel',
  tenant_signing: 'Cách ký quyết định (chữ ký số / bản giấy)',
  api_key: 'Khóa API',
};

/** One event of a chain other than a submission's. */
export const ChainEvent = z.object({
  tenantId: TenantId,
  kind: AuditSubjectKind,
  subjectId: z.string().min(1),
  /** The campaign the subject belongs to; null for the tenant's administration (users, units, ...). */
  campaignId: Id.nullable(),
  seq: z.number().int().min(1),
  /** `created` first; then the domain's verb (`submit`, `close`, `vote`, `updated`, `revoke`, ...). */
  action: z.string().min(1),
  /** What happened, in Vietnamese, readable without the subject. */
  summary: z.string(),
  actorId: z.string(),
  /** The actor's name when the event was written (readable even after the account is gone). */
  actorName: z.string(),
  actorRoles: z.array(z.string()),
  actorUnitId: z.string().nullable(),
  at: Instant,
  /** SHA-256 of the subject's audited attributes right after the event (compared with the stored item). */
  subjectHash: z.string().regex(/^[0-9a-f]{64}$/),
  prevHash: z.string().regex(/^[0-9a-f]{64}$/),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  seal: ChainSeal.optional(),
});
export type ChainEvent = z.infer<typeof ChainEvent>;

/** A line of the history: the audit event and who acted, by name (null when the user record is gone). */
export const HistoryEntry = AuditEvent.extend({ actorName: z.string().nullable() });
export type HistoryEntry = z.infer<typeof HistoryEntry>;

export const HistoryResponse = z.object({ events: z.array(HistoryEntry) });

/** What changed in a submission's data since a version. */
export const DiffResponse = z.object({
  since: z.number().int(),
  version: z.number().int(),
  changes: z.array(
    z.object({
      path: z.string(),
      before: z.unknown(),
      after: z.unknown(),
      /** A sensitive field the caller may not read: it changed, its values are not shown. */
      redacted: z.literal(true).optional(),
    }),
  ),
  /**
   * The versions that can be compared: each version as submitted (a snapshot is kept at every submit)
   * and the current version. Drafts between submits are not kept, so they cannot be compared.
   */
  comparable: z.array(z.number().int()).optional(),
});
export type DiffResponse = z.infer<typeof DiffResponse>;

/** Where a unit stands on one form and period, as the completeness view counts it. */
export const CompletenessStatus = z.enum(['not_started', 'in_progress', 'submitted', 'approved', 'rejected']);
export type CompletenessStatus = z.infer<typeof CompletenessStatus>;

/** Which units under a unit have sent a form for a period. */
export const CompletenessResponse = z.object({
  campaignId: Id,
  formKey: Id,
  period: Period,
  unitId: Id,
  total: z.number().int(),
  counts: z.record(CompletenessStatus, z.number().int()),
  units: z.array(z.object({ unitId: Id, unitName: z.string(), status: CompletenessStatus })),
  missing: z.array(Id),
  complete: z.boolean(),
  /** Raw counters by submission state, kept in the same transactions as the submissions. */
  stateCounters: z.record(z.string(), z.number().int()),
});
export type CompletenessResponse = z.infer<typeof CompletenessResponse>;

export const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

/**
 * Malware scanning: `not_scanned` where the deployment has no scanner; `pending` from confirm until the
 * scanner's verdict; then `clean` or `infected`.
 */
export const ScanState = z.enum(ATTACHMENT_SCAN_STATES);
export type ScanState = z.infer<typeof ScanState>;

/** An attachment as the API shows it; the stored item adds its tenant and where its bytes are. */
export const AttachmentView = z.object({
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
  /** SHA-256 (hex) of the checked bytes, computed at `confirm`; it also enters the audit chain. */
  sha256: Sha256.nullable().default(null),
  scanState: ScanState.default('not_scanned'),
  uploadedBy: z.string(),
  createdAt: Instant,
  confirmedAt: Instant.nullable(),
});
export type AttachmentView = z.infer<typeof AttachmentView>;
