import * as z from 'zod';
import { CalendarDate, Id, Instant, TenantId } from '../common';
import { NomineeGender, NomineeKind } from './award-types';

/**
 * What the commendation process keeps beside the nomination submissions: the commendation stage of
 * each nomination, the district batches (tờ trình), the public disclosures and their comments, the
 * decisions and the revocations. Pure schemas; the data layer parses every item with them.
 */

/** Where a nomination stands in the commendation process once it has left its author. */
export const nominationStages = [
  'in_review',
  'province_approved',
  'returned',
  'rejected',
  'on_agenda',
  'passed',
  'failed',
  'awarded',
  'not_awarded',
  'revoked',
] as const;
export const NominationStage = z.enum(nominationStages);
export type NominationStage = z.infer<typeof NominationStage>;

/** Stages that still compete for an award: they count for quotas and "one achievement, one award". */
export const liveStageList: readonly NominationStage[] = [
  'in_review',
  'province_approved',
  'on_agenda',
  'passed',
  'awarded',
];

export const nominationStageNames: Record<NominationStage, string> = {
  in_review: 'Đang xét duyệt',
  province_approved: 'Tỉnh đã thẩm định',
  returned: 'Trả lại',
  rejected: 'Không đủ điều kiện',
  on_agenda: 'Đưa ra Hội đồng',
  passed: 'Hội đồng thông qua',
  failed: 'Hội đồng không thông qua',
  awarded: 'Được khen thưởng',
  not_awarded: 'Không được khen thưởng',
  revoked: 'Đã thu hồi',
};

export const Nominee = z.object({
  nomineeKind: NomineeKind,
  nomineeName: z.string(),
  nomineeTitle: z.string(),
  nomineeUnitName: z.string(),
  /** An individual's gender, for "Ông"/"Bà" in documents; absent on dossiers made before it was asked. */
  nomineeGender: NomineeGender.optional(),
  nomineeBirthDate: CalendarDate.optional(),
});
export type Nominee = z.infer<typeof Nominee>;

export const NominationRecord = Nominee.extend({
  tenantId: TenantId,
  nominationId: Id,
  campaignId: Id,
  /** The campaign's year: past awards are reported by year. */
  campaignYear: z.number().int(),
  /** The author unit and its ancestors (for scoped reads). */
  unitId: Id,
  unitName: z.string(),
  unitPath: z.array(Id),
  /** The unit that proposes it to the province (the consolidating unit, or the author). */
  proposingUnitId: Id,
  nomineeKey: z.string(),
  awardTypeId: Id,
  awardTypeName: z.string(),
  ruleSetId: Id,
  stage: NominationStage,
  batchId: Id.nullable(),
  disclosureId: Id.nullable(),
  sessionId: Id.nullable(),
  decisionId: Id.nullable(),
  decisionNumber: z.string().nullable(),
  /** Why it was not awarded / was revoked (Vietnamese). */
  outcomeReason: z.string().nullable(),
  updatedAt: Instant,
  version: z.number().int().min(1),
});
export type NominationRecord = z.infer<typeof NominationRecord>;

/** A line of a list (batch, disclosure, annex): what may be printed about a nominee. */
export const ListEntry = Nominee.extend({
  nominationId: Id,
  unitId: Id,
  unitName: z.string(),
  awardTypeId: Id,
  awardTypeName: z.string(),
});
export type ListEntry = z.infer<typeof ListEntry>;

export const BatchState = z.enum(['draft', 'submitted', 'returned', 'approved']);
export type BatchState = z.infer<typeof BatchState>;

/** Who decided to end a disclosure before its statutory minimum, and by which document. */
export const EarlyEndAuthority = z.object({
  /** "Đ/c Huỳnh Văn Quang, Chủ tịch UBND tỉnh". */
  decidedBy: z.string().trim().min(3).max(200),
  /** "Công văn số 123/UBND-NC ngày 10/12/2023". */
  document: z.string().trim().min(3).max(200),
});
export type EarlyEndAuthority = z.infer<typeof EarlyEndAuthority>;

/** A district's tờ trình: its communes' nominations and its own, moving to the province as one. */
export const Batch = z.object({
  tenantId: TenantId,
  id: Id,
  campaignId: Id,
  unitId: Id,
  unitName: z.string(),
  unitPath: z.array(Id),
  state: BatchState,
  entries: z.array(ListEntry),
  /** Number of the tờ trình as the district registers it ("45/TTr-UBND"), free text. */
  reference: z.string().max(60).default(''),
  summary: z.string().max(5000).default(''),
  createdBy: z.string(),
  createdAt: Instant,
  submittedBy: z.string().nullable(),
  submittedAt: Instant.nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: Instant.nullable(),
  returnReason: z.string().nullable(),
  documentKey: z.string().nullable(),
  version: z.number().int().min(1),
});
export type Batch = z.infer<typeof Batch>;

export const DisclosureState = z.enum(['open', 'closed']);

export const Disclosure = z.object({
  tenantId: TenantId,
  id: Id,
  campaignId: Id,
  title: z.string().min(1).max(300),
  entries: z.array(ListEntry).min(1),
  opensOn: CalendarDate,
  /** Last day comments are received (inclusive), `workingDays` working days after `opensOn`. */
  closesOn: CalendarDate,
  workingDays: z.number().int().min(1),
  /** The statutory minimum of its award types (≤ `workingDays`); absent on older records: `workingDays`. */
  minimumWorkingDays: z.number().int().min(1).optional(),
  openedBy: z.string(),
  openedAt: Instant,
  /** Closed before `closesOn` by the secretariat, with the reason printed in the minutes. */
  closedEarly: z
    .object({
      at: Instant,
      by: z.string(),
      reason: z.string(),
      /** Before the statutory minimum: who decided the early end and by which document. */
      authority: EarlyEndAuthority.nullable().optional(),
    })
    .nullable(),
  commentCount: z.number().int().min(0),
  version: z.number().int().min(1),
});
export type Disclosure = z.infer<typeof Disclosure>;

/** Limits shared by the public form and the server. */
export const COMMENT_MAX_CHARS = 2000;
export const COMMENT_NAME_MAX_CHARS = 120;
export const COMMENTS_PER_IP_PER_DAY = 5;

/** What anyone may send during a disclosure. */
export const PublicCommentInput = z.object({
  nominationId: Id.nullable().default(null),
  authorName: z.string().trim().max(COMMENT_NAME_MAX_CHARS).default(''),
  /** Kept for the secretariat to answer; never published. */
  contact: z.string().trim().max(200).default(''),
  body: z
    .string()
    .trim()
    .min(5, 'Ý kiến quá ngắn (ít nhất 5 ký tự)')
    .max(COMMENT_MAX_CHARS, `Ý kiến tối đa ${COMMENT_MAX_CHARS} ký tự`),
});
export type PublicCommentInput = z.infer<typeof PublicCommentInput>;

export const PublicComment = PublicCommentInput.extend({
  tenantId: TenantId,
  id: Id,
  disclosureId: Id,
  receivedAt: Instant,
});
export type PublicComment = z.infer<typeof PublicComment>;

export const DecisionEntry = ListEntry.extend({
  outcome: z.enum(['awarded', 'not_awarded']),
  reason: z.string(),
  agree: z.number().int().min(0),
  denominatorCount: z.number().int().min(0),
  agreePercent: z.number(),
});
export type DecisionEntry = z.infer<typeof DecisionEntry>;

/**
 * What every signed, numbered document of an issuing body's register carries (decisions and
 * revocations share one register per body and year).
 */
const signedInRegister = {
  issuingBodyId: Id,
  year: z.number().int(),
  number: z.number().int().min(1),
  /** "05/QĐ-UBND". */
  numberText: z.string(),
  signedOn: CalendarDate,
  signedAt: Instant,
  signerId: z.string(),
  signerName: z.string(),
};

/**
 * How a tenant's decisions get their original (issue 17 point 5; Decree 30/2020 Art. 13): `digital` — the
 * signer's PAdES signature, verified, issues the decision; `paper` — an explicit, audited tenant setting
 * for a deployment without digital signature yet: the original is the hand-signed paper copy, the
 * published file says so ("bản giấy").
 */
export const SigningMode = z.enum(['digital', 'paper']);
export type SigningMode = z.infer<typeof SigningMode>;

/** Numbered and waiting for the signed PDF, or issued (published, units told). */
export const DecisionState = z.enum(['awaiting_signature', 'issued']);
export type DecisionState = z.infer<typeof DecisionState>;

/**
 * What the verification found of OCSP (ADR 0035): a verified answer "good" (or revoked only after the
 * signing time) or "unknown" for the signer's certificate; `none` — nothing embedded, nothing asked;
 * `could_not_check` — the online check was on but the responder gave no verifiable answer.
 */
export const OcspReport = z.enum(['good', 'unknown', 'none', 'could_not_check']);
export const OcspFacts = {
  ocsp: OcspReport.optional(),
  /** Where the counted answer came from: embedded by the signer's tool, or asked online. */
  ocspSource: z.enum(['embedded', 'online']).optional(),
  /** OCSP responses found but not trusted (signature, responder, certificate or times wrong). */
  ocspIgnored: z.number().int().min(0).optional(),
};

/** The verified signature that issued a decision: the stored signed file and its certificate's facts. */
export const DecisionSignature = z.object({
  /** The signed PDF in the documents bucket (written once). */
  pdfKey: z.string(),
  /** SHA-256 (hex) of the signed file. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/u),
  signerName: z.string(),
  signerSubject: z.string(),
  issuer: z.string(),
  serialNumber: z.string(),
  /** The signing time the signature carries. */
  signedAt: Instant,
  /** `signedAt` is a verified RFC 3161 time-stamp's, not the signer's claim. */
  timestamped: z.boolean().optional(),
  ...OcspFacts,
  /** Uploaded by the signer (their own tool) or made by the deployment's server-side signer. */
  via: z.enum(['upload', 'server']),
  verifiedAt: Instant,
  verifiedBy: z.string(),
});
export type DecisionSignature = z.infer<typeof DecisionSignature>;

export const Decision = z.object({
  tenantId: TenantId,
  id: Id,
  kind: z.literal('award'),
  campaignId: Id,
  /** The council session that voted; null for an award its issuing unit's head decided alone. */
  sessionId: Id.nullable(),
  /** Absent: the council voted (`council`). */
  decidedBy: z.enum(['council', 'head']).optional(),
  ...signedInRegister,
  signerTitle: z.string(),
  title: z.string(),
  entries: z.array(DecisionEntry).min(1),
  documentKey: z.string(),
  xlsxKey: z.string(),
  /** Absent: issued when signed (decisions made before signatures were verified). */
  state: DecisionState.optional(),
  /** Absent: as `paper` for what was made before the setting existed. */
  original: SigningMode.optional(),
  signature: DecisionSignature.optional(),
  issuedAt: Instant.optional(),
});
export type Decision = z.infer<typeof Decision>;

/** Revoking an award is a decision of its own; the original decision is never changed. */
export const Revocation = z.object({
  tenantId: TenantId,
  id: Id,
  kind: z.literal('revocation'),
  decisionId: Id,
  decisionNumberText: z.string(),
  nominationId: Id,
  ...signedInRegister,
  reason: z.string().min(3).max(2000),
  /** The provision cited (required when the head decided alone; see `awardTransition`). */
  legalBasis: z.string().min(3).max(500).optional(),
  /** Whose decision it revokes: a head decision's revocation is the unit's, signed by its office holder. */
  decidedBy: z.enum(['council', 'head']).optional(),
  entry: ListEntry,
});
export type Revocation = z.infer<typeof Revocation>;

/** A notice to a unit that a decision concerns it. */
export const UnitNotification = z.object({
  tenantId: TenantId,
  unitId: Id,
  id: Id,
  kind: z.enum(['decision', 'revocation', 'batch_returned']),
  refId: Id,
  title: z.string(),
  at: Instant,
});
export type UnitNotification = z.infer<typeof UnitNotification>;

/**
 * The record of one import (one per Idempotency-Key): written with the first nominee, advanced by each
 * further one (`written`), finished with the answer and the audit event. A retry resumes after `written`.
 */
export const NomineeImport = z.object({
  id: z.string(),
  campaignId: z.string(),
  unitId: z.string(),
  fileSha256: z.string(),
  rowCount: z.number().int().min(0),
  nominationIds: z.array(z.string()),
  written: z.number().int().min(0),
  status: z.enum(['writing', 'done']),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type NomineeImport = z.infer<typeof NomineeImport>;
