import * as z from 'zod';
import {
  CompletenessResponse,
  DiffResponse,
  HistoryResponse,
  pageOf,
  SubmissionSummary,
  SubmissionView,
} from '../api';
import { Id } from '../common';
import { Period, Reason, SubmissionState, WorkflowAction } from '../workflow';
import { CampaignParams, defineRoute, PageQuery, QueryBool } from './kernel';

export const SubmissionParams = z.object({ submissionId: Id });

export const ExpectedVersion = z
  .number()
  .int()
  .min(1)
  .describe('Phiên bản người gọi đã thấy (khoá lạc quan)');

export const CreateSubmissionBody = z.object({
  campaignId: Id,
  formKey: Id,
  period: Period,
  data: z.record(z.string(), z.unknown()).optional(),
});

export const SaveSubmissionBody = z.object({
  data: z.record(z.string(), z.unknown()),
  expectedVersion: ExpectedVersion,
});

export const ActionBody = WorkflowAction.and(z.object({ expectedVersion: ExpectedVersion }));

export const listScopes = ['mine', 'inbox', 'subtree'] as const;

export const ListSubmissionsQuery = PageQuery.extend({
  scope: z.enum(listScopes).default('mine'),
  root: Id.optional().describe('scope=subtree: gốc cây con (mặc định đơn vị của người gọi)'),
  campaignId: Id.optional(),
  formKey: Id.optional().describe('cần campaignId'),
  period: Period.optional().describe('cần formKey'),
  status: SubmissionState.optional(),
  unitId: Id.optional().describe('đơn vị lập; không kết hợp với status'),
  overdue: QueryBool.optional().describe('chỉ kết hợp với campaignId'),
});

export const createSubmission = defineRoute({
  method: 'POST',
  path: '/submissions',
  group: 'submissions',
  auth: 'user',
  operationId: 'createSubmission',
  summary: "Create a draft for the caller's unit (campaign, form, period)",
  body: CreateSubmissionBody,
  response: SubmissionView,
  status: 201,
  errors: [403, 404, 409, 413, 422],
  description: 'Tạo bản nháp cho đơn vị của người gọi; 409 nếu đơn vị đã có báo cáo cho biểu mẫu và kỳ này.',
});

export const listSubmissions = defineRoute({
  method: 'GET',
  path: '/submissions',
  group: 'submissions',
  auth: 'user',
  operationId: 'listSubmissions',
  summary: 'List submissions by scope (mine, inbox, subtree) with filters and a cursor',
  query: ListSubmissionsQuery,
  response: pageOf(SubmissionSummary),
  errors: [403, 404],
  description:
    'Danh sách theo phạm vi. Bộ lọc là điều kiện khoá: campaignId → formKey → period là tiền tố; ' +
    'thêm status hoặc unitId (không cả hai); overdue chỉ kèm campaignId. Tổ hợp khác: 400.',
});

export const getSubmission = defineRoute({
  method: 'GET',
  path: '/submissions/{submissionId}',
  group: 'submissions',
  auth: 'user',
  operationId: 'getSubmission',
  summary: 'One submission with the actions the caller may take',
  params: SubmissionParams,
  response: SubmissionView,
  errors: [404],
});

export const saveSubmission = defineRoute({
  method: 'PUT',
  path: '/submissions/{submissionId}',
  group: 'submissions',
  auth: 'user',
  operationId: 'saveSubmission',
  summary: "Save a draft's data (or a reviewer's scores) at the expected version",
  params: SubmissionParams,
  body: SaveSubmissionBody,
  response: SubmissionView,
  errors: [403, 404, 409, 413, 422],
});

export const actOnSubmission = defineRoute({
  method: 'POST',
  path: '/submissions/{submissionId}/actions',
  group: 'submissions',
  auth: 'user',
  operationId: 'actOnSubmission',
  summary: 'Submit, sign off, approve, return, reject, withdraw or reopen',
  params: SubmissionParams,
  body: ActionBody,
  response: SubmissionView,
  errors: [403, 404, 409, 413, 422],
  description:
    'Một thao tác = một GetItem + một TransactWriteItems. 409 (kèm trạng thái hiện tại) khi phiên bản đã đổi.',
});

export const getSubmissionHistory = defineRoute({
  method: 'GET',
  path: '/submissions/{submissionId}/history',
  group: 'submissions',
  auth: 'user',
  operationId: 'getSubmissionHistory',
  summary: 'The audit events of a submission, oldest first',
  params: SubmissionParams,
  response: HistoryResponse,
  errors: [404],
});

export const getSubmissionDiff = defineRoute({
  method: 'GET',
  path: '/submissions/{submissionId}/diff',
  group: 'submissions',
  auth: 'user',
  operationId: 'getSubmissionDiff',
  summary: 'What changed in the data since a submitted version, or between any two comparable versions',
  params: SubmissionParams,
  query: z.object({
    since: z.coerce
      .number()
      .int()
      .min(1)
      .max(1_000_000)
      .optional()
      .describe('bản đã gửi gần nhất tại hoặc trước phiên bản này, so với hiện tại'),
    from: z.coerce
      .number()
      .int()
      .min(1)
      .max(1_000_000)
      .optional()
      .describe('so sánh hai phiên bản: phiên bản gốc (một bản đã gửi); không dùng cùng since'),
    to: z.coerce
      .number()
      .int()
      .min(1)
      .max(1_000_000)
      .optional()
      .describe('phiên bản đích (một bản đã gửi hoặc phiên bản hiện tại; mặc định hiện tại); cần from'),
  }),
  response: DiffResponse,
  errors: [404, 422],
  description:
    'So sánh được: mỗi bản đã gửi (lưu ảnh chụp khi gửi) và phiên bản hiện tại (danh sách trong comparable). ' +
    'Một phiên bản khác: 422 kèm danh sách.',
});

export const getCompleteness = defineRoute({
  method: 'GET',
  path: '/campaigns/{campaignId}/completeness',
  group: 'submissions',
  auth: 'user',
  operationId: 'getCompleteness',
  summary: 'Completeness of the child units of a unit for a form and period',
  params: CampaignParams,
  query: z.object({
    formKey: Id,
    period: Period,
    unitId: Id.optional().describe('đơn vị cấp trên; mặc định đơn vị của người gọi'),
  }),
  response: CompletenessResponse,
  errors: [404, 422],
});

export const ClassifyBody = z.object({
  classified: z.boolean().describe('true: đánh dấu "Mật"; false: bỏ đánh dấu'),
  reason: Reason,
  expectedVersion: ExpectedVersion,
});

export const classifySubmission = defineRoute({
  method: 'POST',
  path: '/submissions/{submissionId}/classification',
  group: 'submissions',
  auth: 'user',
  operationId: 'classifySubmission',
  summary: 'Flag a submission classified ("Mật") or lift the flag; audited',
  params: SubmissionParams,
  body: ClassifyBody,
  response: SubmissionView,
  errors: [403, 404, 409, 413, 422],
  description:
    'Cán bộ thẩm định cấp trên hoặc cơ quan thường trực. Báo cáo "Mật" không nhận thêm dữ liệu (422 classified); dữ liệu đã lưu được giữ nguyên.',
});

/** The routes of this group, by operationId (the group's Lambda implements each). */
export const submissionContracts = {
  createSubmission,
  listSubmissions,
  getSubmission,
  saveSubmission,
  actOnSubmission,
  getSubmissionHistory,
  getSubmissionDiff,
  getCompleteness,
  classifySubmission,
};
