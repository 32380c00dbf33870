import {
  CompletenessResponse,
  DiffResponse,
  HistoryResponse,
  SubmissionSummary,
  SubmissionView,
} from '@thidua/shared/api';
import { Id } from '@thidua/shared/common';
import { Period, SubmissionState, WorkflowAction } from '@thidua/shared/workflow';
import * as z from 'zod';
import { defineContract } from '../http/contract';
import { CampaignParams } from './campaigns';
import { PageQuery, pageOf, QueryBool } from './common';

export const SubmissionParams = z.object({ submissionId: Id });

export { SubmissionView };

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

export const submissionContracts = {
  createSubmission: defineContract({
    operationId: 'createSubmission',
    body: CreateSubmissionBody,
    response: SubmissionView,
    status: 201,
    errors: [403, 404, 409, 413, 422],
    description:
      'Tạo bản nháp cho đơn vị của người gọi; 409 nếu đơn vị đã có báo cáo cho biểu mẫu và kỳ này.',
  }),
  listSubmissions: defineContract({
    operationId: 'listSubmissions',
    query: ListSubmissionsQuery,
    response: pageOf(SubmissionSummary),
    errors: [403, 404],
    description:
      'Danh sách theo phạm vi. Bộ lọc là điều kiện khoá: campaignId → formKey → period là tiền tố; ' +
      'thêm status hoặc unitId (không cả hai); overdue chỉ kèm campaignId. Tổ hợp khác: 400.',
  }),
  getSubmission: defineContract({
    operationId: 'getSubmission',
    params: SubmissionParams,
    response: SubmissionView,
    errors: [404],
  }),
  saveSubmission: defineContract({
    operationId: 'saveSubmission',
    params: SubmissionParams,
    body: SaveSubmissionBody,
    response: SubmissionView,
    errors: [403, 404, 409, 413, 422],
  }),
  actOnSubmission: defineContract({
    operationId: 'actOnSubmission',
    params: SubmissionParams,
    body: ActionBody,
    response: SubmissionView,
    errors: [403, 404, 409, 413, 422],
    description:
      'Một thao tác = một GetItem + một TransactWriteItems. 409 (kèm trạng thái hiện tại) khi phiên bản đã đổi.',
  }),
  getSubmissionHistory: defineContract({
    operationId: 'getSubmissionHistory',
    params: SubmissionParams,
    response: HistoryResponse,
    errors: [404],
  }),
  getSubmissionDiff: defineContract({
    operationId: 'getSubmissionDiff',
    params: SubmissionParams,
    query: z.object({ since: z.coerce.number().int().min(1).max(1_000_000) }),
    response: DiffResponse,
    errors: [404],
  }),
  getCompleteness: defineContract({
    operationId: 'getCompleteness',
    params: CampaignParams,
    query: z.object({
      formKey: Id,
      period: Period,
      unitId: Id.optional().describe('đơn vị cấp trên; mặc định đơn vị của người gọi'),
    }),
    response: CompletenessResponse,
    errors: [404, 422],
  }),
};
