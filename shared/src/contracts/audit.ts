import * as z from 'zod';
import { AuditEvent, AuditSubjectKind, ChainEvent } from '../api';
import { Id, Instant } from '../common';
import { CampaignParams, defineRoute } from './kernel';
import { SubmissionParams } from './submissions';

/**
 * The audit trail (issue 12, point 4): one hash chain per subject — a submission, a tờ trình, a
 * disclosure, a council session, a member's vote, a decision, a revocation, and each administered
 * record (user, unit, campaign, template, award rules). Each chain is keyed (HMAC, KMS on AWS) and its
 * heads are anchored outside the table. docs/adr/0013-keyed-audit-chain.md.
 */

// The stored shapes are API views (shared/src/api): the functions' entities import them without the routes.
export { AuditSubjectKind, auditSubjectLabels, ChainEvent } from '../api';

/** A chain as the list shows it. */
export const ChainSummary = z.object({
  kind: AuditSubjectKind,
  subjectId: z.string(),
  campaignId: Id.nullable(),
  /** A name for people (unit and period of a report, a tờ trình's number, a user's name). */
  label: z.string(),
  eventCount: z.number().int(),
  /** False when the head item itself does not parse (the verification then names it). */
  readable: z.boolean(),
});
export type ChainSummary = z.infer<typeof ChainSummary>;

export const AuditProblem = z.object({ seq: z.number().int().nullable(), problem: z.string() });

/** The result of verifying one chain. */
export const ChainVerification = z.object({
  kind: AuditSubjectKind,
  subjectId: z.string(),
  label: z.string(),
  valid: z.boolean(),
  eventCount: z.number().int(),
  headHash: z.string(),
  /** The newest anchor this chain was compared with (null: not anchored yet). */
  anchoredAt: Instant.nullable(),
  problems: z.array(AuditProblem),
});
export type ChainVerification = z.infer<typeof ChainVerification>;

export const VerificationResponse = z.object({
  submissionId: z.string(),
  valid: z.boolean(),
  eventCount: z.number().int(),
  headHash: z.string(),
  problems: z.array(AuditProblem),
});

export const ChainScopeQuery = z.object({
  campaignId: Id.optional().describe('Chuỗi của một phong trào; bỏ trống: chuỗi quản trị của tỉnh'),
});

export const ChainParams = z.object({ kind: AuditSubjectKind, subjectId: z.string().min(1).max(300) });

export const verifySubmissionAudit = defineRoute({
  method: 'GET',
  path: '/submissions/{submissionId}/audit',
  group: 'audit',
  auth: 'user',
  operationId: 'verifySubmissionAudit',
  summary: "Verify a submission's hash-chained audit trail",
  params: SubmissionParams,
  response: VerificationResponse,
  errors: [403, 404],
});

export const exportCampaignAudit = defineRoute({
  method: 'GET',
  path: '/campaigns/{campaignId}/audit-trail',
  group: 'audit',
  auth: 'user',
  operationId: 'exportCampaignAudit',
  summary: "A campaign's audit trail as CSV",
  params: CampaignParams,
  response: {
    mediaType: 'text/csv',
    description:
      'Nhật ký của phong trào, CSV UTF-8 (có BOM), theo thời gian; cột `xac_minh` đánh dấu sự kiện không xác minh được',
  },
  errors: [403, 404],
  otherAnswers: {
    303: { mediaType: 'text/csv', description: 'Chuyển hướng tới liên kết tải ngắn hạn (tệp lớn hơn 5 MB)' },
  },
  description: 'Tệp lớn hơn 5 MB được ghi lên S3 và trả về bằng chuyển hướng 303 tới liên kết tải ngắn hạn.',
});

export const listAuditChains = defineRoute({
  method: 'GET',
  path: '/audit/chains',
  group: 'audit',
  auth: 'user',
  operationId: 'listAuditChains',
  summary: 'The audit chains of a campaign, or of the tenant administration',
  query: ChainScopeQuery,
  response: z.object({ items: z.array(ChainSummary) }),
  errors: [403, 404],
});

export const verifyAuditChains = defineRoute({
  method: 'GET',
  path: '/audit/verification',
  group: 'audit',
  auth: 'user',
  operationId: 'verifyAuditChains',
  summary:
    'Verify every chain of a campaign (or of the tenant administration) against the table and the latest anchor',
  query: ChainScopeQuery,
  response: z.object({
    valid: z.boolean(),
    anchoredAt: Instant.nullable(),
    chains: z.array(ChainVerification),
  }),
  errors: [403, 404],
  description: 'Một mục hỏng không làm hỏng cả yêu cầu: chuỗi của nó trả `valid: false` và nêu tên mục.',
});

export const verifyAuditChain = defineRoute({
  method: 'GET',
  path: '/audit/chains/{kind}/{subjectId}',
  group: 'audit',
  auth: 'user',
  operationId: 'verifyAuditChain',
  summary: 'One chain: its events and its verification',
  params: ChainParams,
  response: ChainVerification.extend({ events: z.array(z.union([ChainEvent, AuditEvent])) }),
  errors: [403, 404],
});

/** The routes of this group, by operationId (the group's Lambda implements each). */
export const auditContracts = {
  verifySubmissionAudit,
  exportCampaignAudit,
  listAuditChains,
  verifyAuditChains,
  verifyAuditChain,
};
