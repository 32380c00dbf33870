import * as z from 'zod';
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
  EarlyEndAuthority,
  GivenNumber,
  HeadDesk,
  MeetingRecord,
  NominationRecord,
  NominationStage,
  RegisterSeries,
  Revocation,
  SessionDossier,
  SessionView,
  UnitNotification,
} from '../commendation';
import { Id } from '../common';
import { Reason } from '../workflow';
import { CampaignParams, DecisionParams, defineRoute } from './kernel';

/** Contracts of the `commendations` routes (nominations, tờ trình, disclosures, the council, decisions). */
const CampaignParam = CampaignParams;
const BatchParam = z.object({ batchId: Id });
const DisclosureParam = z.object({ disclosureId: Id });
const SessionParam = z.object({ sessionId: Id });
const NominationParam = z.object({ nominationId: Id });
const Version = z.object({ expectedVersion: z.number().int().min(1) });
const Findings = BatchFindings;
const Candidate = BatchCandidate;
const ApprovedItem = ApprovedNominationView;

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
export const getCommendationConfig = defineRoute({
  method: 'GET',
  path: '/commendations/campaigns/{campaignId}/config',
  group: 'commendations',
  auth: 'user',
  operationId: 'getCommendationConfig',
  summary: 'Quy định khen thưởng của phong trào',
  params: CampaignParam,
  response: CommendationConfig,
  errors: [404],
});

export const putCommendationConfig = defineRoute({
  method: 'PUT',
  path: '/commendations/campaigns/{campaignId}/config',
  group: 'commendations',
  auth: 'user',
  operationId: 'putCommendationConfig',
  summary: 'Cập nhật quy định khen thưởng',
  idempotencyPrecheck: true,
  params: CampaignParam,
  body: CommendationConfig,
  response: CommendationConfig,
  errors: [403, 404, 422],
  description:
    'Quy định khen thưởng của phong trào (hình thức, căn cứ pháp lý, tỷ lệ, hạn mức, ngày nghỉ lễ).',
});

export const checkNomination = defineRoute({
  method: 'GET',
  path: '/commendations/nominations/{nominationId}/check',
  group: 'commendations',
  auth: 'user',
  operationId: 'checkNomination',
  summary: 'Kiểm tra hồ sơ theo quy định khen thưởng',
  params: NominationParam,
  response: z.object({
    ruleSetId: z.string().nullable(),
    violations: z.array(RuleFinding),
    warnings: z.array(RuleFinding),
  }),
  errors: [404, 422],
});

export const listBatchCandidates = defineRoute({
  method: 'GET',
  path: '/commendations/campaigns/{campaignId}/batch-candidates',
  group: 'commendations',
  auth: 'user',
  operationId: 'listBatchCandidates',
  summary: 'Hồ sơ chờ tổng hợp vào tờ trình',
  params: CampaignParam,
  response: z.object({ items: z.array(Candidate) }),
  errors: [403, 404],
  description:
    'Hồ sơ chờ đơn vị tổng hợp: hồ sơ của đơn vị cấp dưới đang chờ đơn vị xét và hồ sơ nháp của chính đơn vị.',
});

export const listBatches = defineRoute({
  method: 'GET',
  path: '/commendations/campaigns/{campaignId}/batches',
  group: 'commendations',
  auth: 'user',
  operationId: 'listBatches',
  summary: 'Tờ trình của đơn vị hoặc chờ tỉnh xét',
  params: CampaignParam,
  query: z.object({ scope: z.enum(['mine', 'submitted', 'approved', 'returned']).default('mine') }),
  response: z.object({ items: z.array(Batch) }),
  errors: [403, 404],
});

export const createBatch = defineRoute({
  method: 'POST',
  path: '/commendations/batches',
  group: 'commendations',
  auth: 'user',
  operationId: 'createBatch',
  summary: 'Lập tờ trình tổng hợp',
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
});

export const getBatch = defineRoute({
  method: 'GET',
  path: '/commendations/batches/{batchId}',
  group: 'commendations',
  auth: 'user',
  operationId: 'getBatch',
  summary: 'Một tờ trình',
  params: BatchParam,
  response: Batch,
  errors: [404],
});
export const updateBatch = defineRoute({
  method: 'PUT',
  path: '/commendations/batches/{batchId}',
  group: 'commendations',
  auth: 'user',
  operationId: 'updateBatch',
  summary: 'Sửa danh sách tờ trình (khi còn nháp)',
  idempotencyPrecheck: true,
  params: BatchParam,
  body: Version.extend({
    nominationIds: z.array(Id).max(100),
    reference: z.string().trim().max(60).default(''),
    summary: z.string().trim().max(5000).default(''),
  }),
  response: z.object({ batch: Batch, findings: Findings }),
  errors: [403, 404, 409, 422],
});

export const submitBatch = defineRoute({
  method: 'POST',
  path: '/commendations/batches/{batchId}/submit',
  group: 'commendations',
  auth: 'user',
  operationId: 'submitBatch',
  summary: 'Gửi tờ trình lên tỉnh',
  idempotencyPrecheck: true,
  params: BatchParam,
  body: Version,
  response: Batch,
  errors: [403, 404, 409, 422],
  description:
    'Gửi tờ trình lên tỉnh: mọi hồ sơ trong danh sách được chuyển lên cùng lúc sau khi đạt các quy định; 422 nêu từng vi phạm.',
});

export const decideBatch = defineRoute({
  method: 'POST',
  path: '/commendations/batches/{batchId}/decision',
  group: 'commendations',
  auth: 'user',
  operationId: 'decideBatch',
  summary: 'Tỉnh duyệt hoặc trả lại tờ trình',
  idempotencyPrecheck: true,
  params: BatchParam,
  body: z.discriminatedUnion('type', [
    Version.extend({ type: z.literal('approve') }),
    Version.extend({ type: z.literal('return'), reason: Reason }),
  ]),
  response: Batch,
  errors: [403, 404, 409, 422],
});

export const listNominations = defineRoute({
  method: 'GET',
  path: '/commendations/campaigns/{campaignId}/nominations',
  group: 'commendations',
  auth: 'user',
  operationId: 'listNominations',
  summary: 'Hồ sơ khen thưởng theo giai đoạn',
  params: CampaignParam,
  query: z.object({
    stage: NominationStage,
    limit: z.coerce.number().int().min(1).max(100).default(50),
    cursor: z.string().min(1).max(2048).optional(),
  }),
  response: z.object({ items: z.array(NominationRecord), nextCursor: z.string().nullable() }),
  errors: [403, 404],
});

export const listApprovedNominations = defineRoute({
  method: 'GET',
  path: '/commendations/campaigns/{campaignId}/approved',
  group: 'commendations',
  auth: 'user',
  operationId: 'listApprovedNominations',
  summary: 'Hồ sơ đã được tỉnh thẩm định, chờ Hội đồng',
  params: CampaignParam,
  response: z.object({ items: z.array(ApprovedItem) }),
  errors: [403, 404],
});

export const openDisclosure = defineRoute({
  method: 'POST',
  path: '/commendations/disclosures',
  group: 'commendations',
  auth: 'user',
  operationId: 'openDisclosure',
  summary: 'Công khai danh sách đề nghị khen thưởng',
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
});

export const listDisclosures = defineRoute({
  method: 'GET',
  path: '/commendations/campaigns/{campaignId}/disclosures',
  group: 'commendations',
  auth: 'user',
  operationId: 'listDisclosures',
  summary: 'Các đợt công khai của phong trào',
  params: CampaignParam,
  response: z.object({ items: z.array(Disclosure) }),
  errors: [404],
});

export const getDisclosure = defineRoute({
  method: 'GET',
  path: '/commendations/disclosures/{disclosureId}',
  group: 'commendations',
  auth: 'user',
  operationId: 'getDisclosure',
  summary: 'Một đợt công khai và ý kiến nhận được',
  params: DisclosureParam,
  response: DisclosureWithComments,
  errors: [404],
});

export const closeDisclosure = defineRoute({
  method: 'POST',
  path: '/commendations/disclosures/{disclosureId}/close',
  group: 'commendations',
  auth: 'user',
  operationId: 'closeDisclosure',
  summary: 'Kết thúc công khai trước thời hạn',
  idempotencyPrecheck: true,
  params: DisclosureParam,
  body: Version.extend({ reason: Reason, authority: EarlyEndAuthority.optional() }),
  response: Disclosure,
  description:
    'Kết thúc công khai sớm: sau thời hạn tối thiểu chỉ cần lý do; trước đó cần lý do pháp lý, người quyết định và văn bản (422 early_end_not_justified).',
  errors: [404, 409, 422],
});

export const listCouncilMembers = defineRoute({
  method: 'GET',
  path: '/commendations/council/members',
  group: 'commendations',
  auth: 'user',
  operationId: 'listCouncilMembers',
  summary: 'Thành viên Hội đồng Thi đua - Khen thưởng',
  response: z.object({
    items: z.array(z.object({ userId: z.string(), name: z.string(), title: z.string() })),
  }),
  errors: [403, 404],
});

export const openSession = defineRoute({
  method: 'POST',
  path: '/commendations/sessions',
  group: 'commendations',
  auth: 'user',
  operationId: 'openSession',
  summary: 'Mở phiên họp Hội đồng',
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
});

export const listSessions = defineRoute({
  method: 'GET',
  path: '/commendations/campaigns/{campaignId}/sessions',
  group: 'commendations',
  auth: 'user',
  operationId: 'listSessions',
  summary: 'Các phiên họp của phong trào',
  params: CampaignParam,
  response: z.object({ items: z.array(SessionView) }),
  errors: [404],
});

export const listMySessions = defineRoute({
  method: 'GET',
  path: '/commendations/my-sessions',
  group: 'commendations',
  auth: 'user',
  operationId: 'listMySessions',
  summary: 'Phiên họp đang bỏ phiếu của thành viên',
  response: z.object({ items: z.array(SessionView) }),
  errors: [404],
  description: 'Phiên họp đang bỏ phiếu mà người gọi là thành viên; chỉ cho biết đã bỏ phiếu hay chưa.',
});

export const getSession = defineRoute({
  method: 'GET',
  path: '/commendations/sessions/{sessionId}',
  group: 'commendations',
  auth: 'user',
  operationId: 'getSession',
  summary: 'Một phiên họp',
  params: SessionParam,
  response: SessionView,
  errors: [404],
});

export const getSessionDossier = defineRoute({
  method: 'GET',
  path: '/commendations/sessions/{sessionId}/dossier',
  group: 'commendations',
  auth: 'user',
  operationId: 'getSessionDossier',
  summary: 'Hồ sơ của các trường hợp trong phiên họp',
  params: SessionParam,
  response: SessionDossier,
  errors: [404],
});

export const castBallot = defineRoute({
  method: 'POST',
  path: '/commendations/sessions/{sessionId}/ballots',
  group: 'commendations',
  auth: 'user',
  operationId: 'castBallot',
  summary: 'Bỏ phiếu kín',
  idempotencyPrecheck: true,
  params: SessionParam,
  body: BallotPaper,
  response: z.object({ sessionId: Id, voted: z.literal(true), votedAt: z.string() }),
  status: 201,
  errors: [403, 404, 409, 422],
  description:
    'Bỏ phiếu kín: ghi nhận việc đã bỏ phiếu và phiếu ẩn danh trong một giao dịch; không API nào trả lại ai bỏ phiếu gì.',
});

export const closeSession = defineRoute({
  method: 'POST',
  path: '/commendations/sessions/{sessionId}/close',
  group: 'commendations',
  auth: 'user',
  operationId: 'closeSession',
  summary: 'Kết thúc bỏ phiếu, kiểm phiếu, lập biên bản',
  idempotencyPrecheck: true,
  params: SessionParam,
  /** The meeting's facts for the biên bản (time, place, chair and secretary); validated when given. */
  body: z.object({ meeting: MeetingRecord.optional() }).default({}),
  response: CouncilSession,
  errors: [403, 404, 409],
});

export const signDecision = defineRoute({
  method: 'POST',
  path: '/commendations/sessions/{sessionId}/decision',
  group: 'commendations',
  auth: 'user',
  operationId: 'signDecision',
  summary: 'Chủ tịch ký quyết định khen thưởng',
  idempotencyPrecheck: true,
  params: SessionParam,
  /** Which office holder signs: the chair when absent, a deputy ("KT. CHỦ TỊCH") when named. */
  body: z
    .object({
      signerId: Id.optional(),
      /** Where the issuing body's văn thư keeps the register: the number and date it gave (required then). */
      register: GivenNumber.optional(),
    })
    .default({}),
  response: Decision,
  status: 201,
  errors: [403, 404, 409, 422],
  description: 'Chủ tịch ký: cấp số và ngày liên tục, không trùng, không bỏ số theo năm và cơ quan ban hành.',
});

export const decideByHead = defineRoute({
  method: 'POST',
  path: '/commendations/head-decisions',
  group: 'commendations',
  auth: 'user',
  operationId: 'decideByHead',
  summary: 'Người đứng đầu quyết định khen thưởng',
  idempotencyPrecheck: true,
  body: z.object({
    campaignId: Id,
    nominationIds: z.array(Id).min(1).max(40),
    signerId: Id.optional(),
    /** Where the unit's văn thư keeps the register: the number and date it gave. */
    register: GivenNumber.optional(),
  }),
  response: Decision,
  status: 201,
  errors: [403, 404, 409, 422],
});

export const getHeadDesk = defineRoute({
  method: 'GET',
  path: '/commendations/campaigns/{campaignId}/head-desk',
  group: 'commendations',
  auth: 'user',
  operationId: 'getHeadDesk',
  summary: 'Hồ sơ chờ người đứng đầu quyết định',
  description:
    'Hồ sơ đã được đơn vị của người gọi duyệt (cấp duyệt cuối) với hình thức do người đứng đầu quyết định, ' +
    'kèm hồ sơ chi tiết; sổ đăng ký và số sẽ lấy; các quyết định của người đứng đầu trong năm và việc thu hồi.',
  params: CampaignParam,
  response: HeadDesk,
  errors: [403, 404],
});

export const getDecision = defineRoute({
  method: 'GET',
  path: '/commendations/decisions/{decisionId}',
  group: 'commendations',
  auth: 'user',
  operationId: 'getDecision',
  summary: 'Một quyết định và các quyết định thu hồi',
  params: DecisionParams,
  response: DecisionWithRevocations,
  errors: [404],
});

const PrintableHtml = z.object({
  /** A whole HTML document, print-ready (CSS @page in mm): the browser prints it at 100 %. */
  html: z.string(),
  blankId: Id,
  count: z.number().int().min(0),
});

export const getDecisionCertificates = defineRoute({
  method: 'GET',
  path: '/commendations/decisions/{decisionId}/certificates',
  group: 'commendations',
  auth: 'user',
  operationId: 'getDecisionCertificates',
  summary: 'In bằng khen, giấy khen lên phôi',
  params: DecisionParams,
  query: z.object({ blankId: Id, nominationId: Id.optional() }),
  response: PrintableHtml,
  errors: [404, 422],
});

export const getCertificateTestPrint = defineRoute({
  method: 'GET',
  path: '/commendations/campaigns/{campaignId}/certificate-blanks/{blankId}/test-print',
  group: 'commendations',
  auth: 'user',
  operationId: 'getCertificateTestPrint',
  summary: 'In thử phôi',
  params: CampaignParam.extend({ blankId: Id }),
  response: PrintableHtml,
  errors: [404],
});

export const revokeAward = defineRoute({
  method: 'POST',
  path: '/commendations/decisions/{decisionId}/revocations',
  group: 'commendations',
  auth: 'user',
  operationId: 'revokeAward',
  summary: 'Thu hồi khen thưởng',
  idempotencyPrecheck: true,
  params: DecisionParams,
  body: z.object({
    nominationId: Id,
    reason: Reason,
    /** The provision the revocation rests on: required for a decision its unit's head made alone. */
    legalBasis: z.string().trim().min(3, 'Căn cứ pháp lý ít nhất 3 ký tự').max(500).optional(),
    /** Where the issuing body's văn thư keeps the register: the number and date it gave. */
    register: GivenNumber.optional(),
  }),
  response: Revocation,
  status: 201,
  errors: [403, 404, 409, 422],
});

export const ReservationRequest = z.object({
  campaignId: Id,
  issuingBodyId: Id,
  number: z.number().int().min(1).max(999_999),
  /** The register's year (the document's year). */
  year: z.number().int().min(2000).max(2100),
  series: RegisterSeries.default('ordinary'),
  /** What the number is for, in the document-management system (its document id or reference). */
  ref: z.string().trim().min(1).max(200),
});

/** A number held in a register for a document the văn thư numbers itself. */
export const Reservation = z.object({
  sequence: z.string(),
  number: z.number().int(),
  numberText: z.string(),
  state: z.literal('reserved'),
});

export const reserveRegisterNumber = defineRoute({
  method: 'POST',
  path: '/commendations/register/reservations',
  group: 'commendations',
  auth: 'user',
  operationId: 'reserveRegisterNumber',
  summary: 'Văn thư giữ số trong sổ đăng ký',
  idempotencyPrecheck: true,
  body: ReservationRequest,
  response: Reservation,
  status: 201,
  errors: [403, 404, 409, 422],
});

/** A year's register: every number of every issuing body, checked for gaps and duplicates. */
export const RegisterView = z.object({
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
});

export const getRegister = defineRoute({
  method: 'GET',
  path: '/commendations/register',
  group: 'commendations',
  auth: 'user',
  operationId: 'getRegister',
  summary: 'Sổ đăng ký số quyết định của năm',
  query: z.object({ year: z.coerce.number().int().min(2000).max(2100) }),
  response: RegisterView,
  errors: [404],
});

export const listNotifications = defineRoute({
  method: 'GET',
  path: '/commendations/notifications',
  group: 'commendations',
  auth: 'user',
  operationId: 'listNotifications',
  summary: 'Thông báo cho đơn vị',
  response: z.object({ items: z.array(UnitNotification) }),
  errors: [],
});

/** The routes of this group, by operationId (the group's Lambda implements each). */
export const commendationContracts = {
  getCommendationConfig,
  putCommendationConfig,
  checkNomination,
  listBatchCandidates,
  listBatches,
  createBatch,
  getBatch,
  updateBatch,
  submitBatch,
  decideBatch,
  listNominations,
  listApprovedNominations,
  openDisclosure,
  listDisclosures,
  getDisclosure,
  closeDisclosure,
  listCouncilMembers,
  openSession,
  listSessions,
  listMySessions,
  getSession,
  getSessionDossier,
  castBallot,
  closeSession,
  signDecision,
  getDecision,
  decideByHead,
  getHeadDesk,
  getDecisionCertificates,
  getCertificateTestPrint,
  revokeAward,
  getRegister,
  reserveRegisterNumber,
  listNotifications,
};
