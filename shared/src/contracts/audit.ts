import * as z from 'zod';
import { CampaignParams, defineRoute } from './kernel';
import { SubmissionParams } from './submissions';

export const VerificationResponse = z.object({
  submissionId: z.string(),
  valid: z.boolean(),
  eventCount: z.number().int(),
  headHash: z.string(),
  problems: z.array(z.object({ seq: z.number().int().nullable(), problem: z.string() })),
});

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
    description: 'Nhật ký của phong trào, CSV UTF-8 (có BOM), theo thời gian',
  },
  errors: [403, 404],
  otherAnswers: {
    303: { mediaType: 'text/csv', description: 'Chuyển hướng tới liên kết tải ngắn hạn (tệp lớn hơn 5 MB)' },
  },
  description: 'Tệp lớn hơn 5 MB được ghi lên S3 và trả về bằng chuyển hướng 303 tới liên kết tải ngắn hạn.',
});

/** The routes of this group, by operationId (the group's Lambda implements each). */
export const auditContracts = { verifySubmissionAudit, exportCampaignAudit };
