import {
  ApprovedNominationView,
  BallotPaper,
  Batch,
  BatchCandidate,
  BatchFindings,
  CommendationConfig,
  CouncilSession,
  Decision,
  DecisionWithRevocations,
  Disclosure,
  DisclosureWithComments,
  Download,
  EarlyEndAuthority,
  MeetingRecord,
  NominationRecord,
  NominationStage,
  PublicCommentInput,
  PublicDecisionView,
  PublicDisclosureView,
  Revocation,
  SessionView,
  UnitNotification,
} from '@thidua/shared/commendation';
import { Id } from '@thidua/shared/common';
import { Reason } from '@thidua/shared/workflow';
import * as z from 'zod';
import { defineContract } from '../http/contract';

/**
 * Contracts of the `commendations` and `public` routes: what each accepts and answers (zod), the source
 * of the handlers' parsing and of the OpenAPI document.
 */

const CampaignParam = z.object({ campaignId: Id });
const BatchParam = z.object({ batchId: Id });
const DisclosureParam = z.object({ disclosureId: Id });
const SessionParam = z.object({ sessionId: Id });
const DecisionParam = z.object({ decisionId: Id });
const NominationParam = z.object({ nominationId: Id });
const Version = z.object({ expectedVersion: z.number().int().min(1) });
const Findings = BatchFindings;
const Candidate = BatchCandidate;
const ApprovedItem = ApprovedNominationView;
const PublicDisclosure = PublicDisclosureView;
const PublicDecision = PublicDecisionView;
const TenantParam = z.object({ tenantId: Id });
const PublicPage = z.object({
  limit: z.coerce.number().int().min(1).max(50).default(20),
  cursor: z.string().min(1).max(2048).optional(),
});

const RuleFinding = z.object({
  code: z.string(),
  message: z.string(),
  path: z.string().nullable(),
  legalBasis: z.string().nullable(),
});

/**
 * Every write route looks its Idempotency-Key up before running (`idempotencyPrecheck`): the use cases
 * span several transactions and some create new items, so a replay must be answered before it runs.
 */
export const commendationContracts = {
  getCommendationConfig: defineContract({
    operationId: 'getCommendationConfig',
    params: CampaignParam,
    response: CommendationConfig,
    errors: [404],
  }),
  putCommendationConfig: defineContract({
    operationId: 'putCommendationConfig',
    idempotencyPrecheck: true,
    params: CampaignParam,
    body: CommendationConfig,
    response: CommendationConfig,
    errors: [403, 404, 422],
    description:
      'Quy định khen thưởng của phong trào (hình thức, căn cứ pháp lý, tỷ lệ, hạn mức, ngày nghỉ lễ).',
  }),
  checkNomination: defineContract({
    operationId: 'checkNomination',
    params: NominationParam,
    response: z.object({
      ruleSetId: z.string().nullable(),
      violations: z.array(RuleFinding),
      warnings: z.array(RuleFinding),
    }),
    errors: [404, 422],
  }),
  listBatchCandidates: defineContract({
    operationId: 'listBatchCandidates',
    params: CampaignParam,
    response: z.object({ items: z.array(Candidate) }),
    errors: [403, 404],
    description:
      'Hồ sơ chờ đơn vị tổng hợp: hồ sơ của đơn vị cấp dưới đang chờ đơn vị xét và hồ sơ nháp của chính đơn vị.',
  }),
  listBatches: defineContract({
    operationId: 'listBatches',
    params: CampaignParam,
    query: z.object({ scope: z.enum(['mine', 'submitted', 'approved', 'returned']).default('mine') }),
    response: z.object({ items: z.array(Batch) }),
    errors: [403, 404],
  }),
  createBatch: defineContract({
    operationId: 'createBatch',
    idempotencyPrecheck: true,
    body: z.object({
      campaignId: Id,
      nominationIds: z.array(Id).max(100),
      reference: z.string().trim().max(60).default(''),
      summary: z.string().trim().max(5000).default(''),
    }),
    response: z.object({ batch: Batch, findings: Findings }),
    status: 201,
    errors: [403, 404, 409, 422],
  }),
  getBatch: defineContract({ operationId: 'getBatch', params: BatchParam, response: Batch, errors: [404] }),
  updateBatch: defineContract({
    operationId: 'updateBatch',
    idempotencyPrecheck: true,
    params: BatchParam,
    body: Version.extend({
      nominationIds: z.array(Id).max(100),
      reference: z.string().trim().max(60).default(''),
      summary: z.string().trim().max(5000).default(''),
    }),
    response: z.object({ batch: Batch, findings: Findings }),
    errors: [403, 404, 409, 422],
  }),
  submitBatch: defineContract({
    operationId: 'submitBatch',
    idempotencyPrecheck: true,
    params: BatchParam,
    body: Version,
    response: Batch,
    errors: [403, 404, 409, 422],
    description:
      'Gửi tờ trình lên tỉnh: mọi hồ sơ trong danh sách được chuyển lên cùng lúc sau khi đạt các quy định; 422 nêu từng vi phạm.',
  }),
  decideBatch: defineContract({
    operationId: 'decideBatch',
    idempotencyPrecheck: true,
    params: BatchParam,
    body: z.discriminatedUnion('type', [
      Version.extend({ type: z.literal('approve') }),
      Version.extend({ type: z.literal('return'), reason: Reason }),
    ]),
    response: Batch,
    errors: [403, 404, 409, 422],
  }),
  getBatchDocument: defineContract({
    operationId: 'getBatchDocument',
    params: BatchParam,
    response: Download,
    errors: [404],
  }),
  listNominations: defineContract({
    operationId: 'listNominations',
    params: CampaignParam,
    query: z.object({
      stage: NominationStage,
      limit: z.coerce.number().int().min(1).max(100).default(50),
      cursor: z.string().min(1).max(2048).optional(),
    }),
    response: z.object({ items: z.array(NominationRecord), nextCursor: z.string().nullable() }),
    errors: [403, 404],
  }),
  listApprovedNominations: defineContract({
    operationId: 'listApprovedNominations',
    params: CampaignParam,
    response: z.object({ items: z.array(ApprovedItem) }),
    errors: [403, 404],
  }),
  openDisclosure: defineContract({
    operationId: 'openDisclosure',
    idempotencyPrecheck: true,
    body: z.object({
      campaignId: Id,
      title: z.string().trim().min(5).max(300),
      nominationIds: z.array(Id).min(1).max(100),
      workingDays: z.number().int().min(1).max(60).nullable().default(null),
    }),
    response: Disclosure,
    status: 201,
    errors: [403, 404, 409, 422],
  }),
  listDisclosures: defineContract({
    operationId: 'listDisclosures',
    params: CampaignParam,
    response: z.object({ items: z.array(Disclosure) }),
    errors: [404],
  }),
  getDisclosure: defineContract({
    operationId: 'getDisclosure',
    params: DisclosureParam,
    response: DisclosureWithComments,
    errors: [404],
  }),
  closeDisclosure: defineContract({
    operationId: 'closeDisclosure',
    idempotencyPrecheck: true,
    params: DisclosureParam,
    body: Version.extend({ reason: Reason, authority: EarlyEndAuthority.optional() }),
    response: Disclosure,
    description:
      'Kết thúc công khai sớm: sau thời hạn tối thiểu chỉ cần lý do; trước đó cần lý do pháp lý, người quyết định và văn bản (422 early_end_not_justified).',
    errors: [404, 409, 422],
  }),
  listCouncilMembers: defineContract({
    operationId: 'listCouncilMembers',
    response: z.object({
      items: z.array(z.object({ userId: z.string(), name: z.string(), title: z.string() })),
    }),
    errors: [404],
  }),
  openSession: defineContract({
    operationId: 'openSession',
    idempotencyPrecheck: true,
    body: z.object({
      campaignId: Id,
      issuingBodyId: Id,
      title: z.string().trim().min(5).max(300),
      nominationIds: z.array(Id).min(1).max(100),
      memberIds: z.array(z.string().min(1).max(64)).min(1).max(60),
      presidingName: z.string().trim().max(200).default(''),
    }),
    response: CouncilSession,
    status: 201,
    errors: [403, 404, 409, 422],
  }),
  listSessions: defineContract({
    operationId: 'listSessions',
    params: CampaignParam,
    response: z.object({ items: z.array(SessionView) }),
    errors: [404],
  }),
  listMySessions: defineContract({
    operationId: 'listMySessions',
    response: z.object({ items: z.array(SessionView) }),
    errors: [404],
    description: 'Phiên họp đang bỏ phiếu mà người gọi là thành viên; chỉ cho biết đã bỏ phiếu hay chưa.',
  }),
  getSession: defineContract({
    operationId: 'getSession',
    params: SessionParam,
    response: SessionView,
    errors: [404],
  }),
  castBallot: defineContract({
    operationId: 'castBallot',
    idempotencyPrecheck: true,
    params: SessionParam,
    body: BallotPaper,
    response: z.object({ sessionId: Id, voted: z.literal(true), votedAt: z.string() }),
    status: 201,
    errors: [403, 404, 409, 422],
    description:
      'Bỏ phiếu kín: ghi nhận việc đã bỏ phiếu và phiếu ẩn danh trong một giao dịch; không API nào trả lại ai bỏ phiếu gì.',
  }),
  closeSession: defineContract({
    operationId: 'closeSession',
    idempotencyPrecheck: true,
    params: SessionParam,
    /** The meeting's facts for the biên bản (time, place, chair and secretary); validated when given. */
    body: z.object({ meeting: MeetingRecord.optional() }).default({}),
    response: CouncilSession,
    errors: [403, 404, 409],
  }),
  getMinutesDocument: defineContract({
    operationId: 'getMinutesDocument',
    params: SessionParam,
    response: Download,
    errors: [404],
  }),
  getDraftDecision: defineContract({
    operationId: 'getDraftDecision',
    params: SessionParam,
    response: Download,
    errors: [404, 409, 422],
    description:
      'Dự thảo quyết định (DOCX, chưa ký, chưa lấy số) của phiên họp đã kiểm phiếu: đọc trước khi ký.',
  }),
  signDecision: defineContract({
    operationId: 'signDecision',
    idempotencyPrecheck: true,
    params: SessionParam,
    /** Which office holder signs: the chair when absent, a deputy ("KT. CHỦ TỊCH") when named. */
    body: z.object({ signerId: Id.optional() }).default({}),
    response: Decision,
    status: 201,
    errors: [403, 404, 409, 422],
    description:
      'Chủ tịch ký: cấp số và ngày liên tục, không trùng, không bỏ số theo năm và cơ quan ban hành.',
  }),
  getDecision: defineContract({
    operationId: 'getDecision',
    params: DecisionParam,
    response: DecisionWithRevocations,
    errors: [404],
  }),
  getDecisionDocument: defineContract({
    operationId: 'getDecisionDocument',
    params: DecisionParam,
    query: z.object({ format: z.enum(['docx', 'xlsx']).default('docx') }),
    response: Download,
    errors: [404],
  }),
  revokeAward: defineContract({
    operationId: 'revokeAward',
    idempotencyPrecheck: true,
    params: DecisionParam,
    body: z.object({ nominationId: Id, reason: Reason }),
    response: Revocation,
    status: 201,
    errors: [403, 404, 409, 422],
  }),
  getRegister: defineContract({
    operationId: 'getRegister',
    query: z.object({ year: z.coerce.number().int().min(2000).max(2100) }),
    response: z.object({
      year: z.number().int(),
      entries: z.array(
        z.object({
          id: Id,
          kind: z.enum(['award', 'revocation']),
          issuingBodyId: Id,
          number: z.number().int(),
          numberText: z.string(),
          signedOn: z.string(),
        }),
      ),
      checks: z.array(
        z.object({
          issuingBodyId: Id,
          ok: z.boolean(),
          gaps: z.array(z.number()),
          duplicates: z.array(z.number()),
        }),
      ),
    }),
    errors: [404],
  }),
  listNotifications: defineContract({
    operationId: 'listNotifications',
    response: z.object({ items: z.array(UnitNotification) }),
    errors: [],
  }),

  listPublicDisclosures: defineContract({
    operationId: 'listPublicDisclosures',
    params: TenantParam,
    query: PublicPage,
    response: z.object({ items: z.array(PublicDisclosure), nextCursor: z.string().nullable() }),
    errors: [],
  }),
  getPublicDisclosure: defineContract({
    operationId: 'getPublicDisclosure',
    params: TenantParam.extend({ disclosureId: Id }),
    response: PublicDisclosure,
    errors: [404],
  }),
  postPublicComment: defineContract({
    operationId: 'postPublicComment',
    params: TenantParam.extend({ disclosureId: Id }),
    body: PublicCommentInput,
    response: z.object({ id: Id, receivedAt: z.string() }),
    status: 201,
    errors: [404, 413, 422],
    description:
      'Góp ý của người dân trong thời gian công khai: tối đa 2.000 ký tự, 5 ý kiến mỗi địa chỉ mỗi ngày (429 khi vượt).',
  }),
  listPublicDecisions: defineContract({
    operationId: 'listPublicDecisions',
    params: TenantParam,
    query: PublicPage,
    response: z.object({ items: z.array(PublicDecision), nextCursor: z.string().nullable() }),
    errors: [],
  }),
  getPublicDecision: defineContract({
    operationId: 'getPublicDecision',
    params: TenantParam.extend({ decisionId: Id }),
    response: PublicDecision,
    errors: [404],
  }),
  downloadPublicDecision: defineContract({
    operationId: 'downloadPublicDecision',
    params: TenantParam.extend({ decisionId: Id }),
    response: {
      mediaType: 'application/json',
      description: 'Chuyển hướng (303) tới liên kết tải tệp DOCX có thời hạn',
    },
    status: 303,
    errors: [404],
  }),
};
