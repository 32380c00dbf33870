import * as z from 'zod';
import { defineContract } from '../http/contract';
import { CampaignParams } from './campaigns';
import { SubmissionParams } from './submissions';

export const VerificationResponse = z.object({
  submissionId: z.string(),
  valid: z.boolean(),
  eventCount: z.number().int(),
  headHash: z.string(),
  problems: z.array(z.object({ seq: z.number().int().nullable(), problem: z.string() })),
});

export const auditContracts = {
  verifySubmissionAudit: defineContract({
    operationId: 'verifySubmissionAudit',
    params: SubmissionParams,
    response: VerificationResponse,
    errors: [404],
  }),
  exportCampaignAudit: defineContract({
    operationId: 'exportCampaignAudit',
    params: CampaignParams,
    response: {
      mediaType: 'text/csv',
      description: 'Nhật ký của phong trào, CSV UTF-8 (có BOM), theo thời gian',
    },
    errors: [403, 404],
    description:
      'Tệp lớn hơn 5 MB được ghi lên S3 và trả về bằng chuyển hướng 303 tới liên kết tải ngắn hạn.',
  }),
};
