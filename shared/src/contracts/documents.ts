import { defineRoute } from './kernel';
import { SubmissionParams } from './submissions';

/**
 * The `documents` group: PDF generation (pdf-lib with an embedded font, ~1 MB of bundle) in a Lambda of
 * its own, so the other groups stay within their budgets and cold starts (docs/adr/0024).
 */

export const getSubmissionPdf = defineRoute({
  method: 'GET',
  path: '/submissions/{submissionId}/pdf',
  group: 'documents',
  auth: 'user',
  operationId: 'getSubmissionPdf',
  summary: 'A submission as PDF for the paper archive (national header, figures, evidence with SHA-256)',
  params: SubmissionParams,
  response: {
    mediaType: 'application/pdf',
    description:
      'Bản in của báo cáo: quốc hiệu, đơn vị, biểu mẫu, kỳ báo cáo, số liệu (ô nhạy cảm bị ẩn với người không được xem), danh sách tệp minh chứng kèm mã SHA-256, khối chữ ký',
  },
  errors: [404],
});

/** The routes of this group, by operationId (the group's Lambda implements each). */
export const documentContracts = {
  getSubmissionPdf,
};
